"""BANK_ACCOUNT (national forms with check digits): accounts python-stdnum can verify.

Only national account formats whose printed layout *and* check digits make
a match meaningful are used; each is validated with its python-stdnum module:

* Spain, CCC (:mod:`stdnum.es.ccc`): ``2100 0418 45 0200051332``, 4-4-2-10
  (or 4-4-2-5-5) with spaces or dashes; two check digits.
* Czech Republic (:mod:`stdnum.cz.bankaccount`): ``19-2000145399/0800``,
  optional prefix, account of 6-10 digits, ``/`` and a bank code that must
  exist; weighted mod-11 checks on prefix and account.
* New Zealand (:mod:`stdnum.nz.bankaccount`): ``01-0242-0100194-00``,
  bank-branch-account-suffix; the bank and branch must exist and the
  account's check must hold.
* Argentina, CBU (:mod:`stdnum.ar.cbu`): 22 digits, as ``28505909
  40090418135201`` (8 + 14) or plain; two check digits.
* Norway, kontonummer (:mod:`stdnum.no.kontonr`): ``8601.11.17947`` (4.2.5
  with dots or spaces); one mod-11 check digit, so a shape.

Plain runs (20-digit CCC, 11-digit kontonummer, 16-digit NZ numbers) are
not looked at: phone numbers, card numbers and other IDs have those lengths.

Scores: a grouped layout with valid check digits 0.6; a plain 22-digit CBU
(two check digits, no layout) 0.4 and a Norwegian kontonummer (one check
digit) 0.3, shapes that bank words or the column name make evidence.

Non-compliant (matched): ``IBAN ES91 2100 0418 4502 0005 1332`` (the IBAN
recognizer's) and ``CCC 2100 0418 45 0200051332`` (this one's).
Compliant (not matched): ``2100 0418 46 0200051332`` (check digits fail),
``01-9999-0100197-00`` (no such branch), ``15/2010`` (a date, not a Czech
account).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from stdnum.ar import cbu
from stdnum.cz import bankaccount as cz_account
from stdnum.es import ccc
from stdnum.no import kontonr
from stdnum.nz import bankaccount as nz_account

from scanners.recognizers.base import ScannerRecognizer, Span

_LEFT = r"(?<![\dA-Za-z\-/.,])"
_RIGHT = r"(?![\dA-Za-z]|[\-/.,]\d)"


class _Form(NamedTuple):
    pattern: re.Pattern[str]
    is_valid: Callable[[str], bool]
    score: float


def _form(body: str, is_valid: Callable[[str], bool], score: float) -> _Form:
    return _Form(re.compile(_LEFT + body + _RIGHT), is_valid, score)


_FORMS = (
    _form(r"\d{4}(?P<s>[ \-])\d{4}(?P=s)\d{2}(?P=s)(?:\d{10}|\d{5}(?P=s)\d{5})", ccc.is_valid, 0.6),
    _form(r"(?:\d{1,6}-)?\d{6,10}/\d{4}", cz_account.is_valid, 0.6),
    _form(r"\d{2}(?P<s>[ \-])\d{4}(?P=s)\d{7}(?P=s)\d{2,3}", nz_account.is_valid, 0.6),
    _form(r"\d{8} \d{14}", cbu.is_valid, 0.6),
    _form(r"\d{22}", cbu.is_valid, 0.4),
    _form(r"\d{4}(?P<s>[ .])\d{2}(?P=s)\d{5}", kontonr.is_valid, 0.3),
)
#: Something every form above contains: one cheap search before the six patterns.
_QUICK = re.compile(r"\d{4}[ \-.]\d{2}|\d{6}/\d{4}|\d{2}[ \-]\d{4}[ \-]\d{7}|\d{22}")


class NationalBankAccountRecognizer(ScannerRecognizer):
    """Spanish, Czech, New Zealand, Argentine and Norwegian account numbers with checks."""

    ENTITY = "BANK_ACCOUNT"
    REQUIRES = "digit"
    CONTEXT = (
        "bank",
        "account",
        "acct",
        "ccc",
        "cbu",
        "cuenta",
        "konto",
        "kontonummer",
        "číslo účtu",
        "účet",
        "บัญชี",
        "ธนาคาร",
        "โอนเงิน",
    )

    def find(self, text: str) -> Iterator[Span]:
        if _QUICK.search(text) is None:
            return
        for form in _FORMS:
            for match in form.pattern.finditer(text):
                if form.is_valid(match.group()):
                    yield Span(match.start(), match.end(), form.score)
