"""EMAIL_ADDRESS: ``local@domain.tld`` with a top-level domain that exists.

The TLD is checked against the public-suffix list bundled in tldextract
(the offline snapshot; nothing is fetched). ``user@host.local`` or
``icon@2x.png`` keep only a shape score.

Scores: real TLD 0.9; unknown TLD 0.2.

Non-compliant (matched): ``อีเมล somchai@example.co.th``.
Compliant (not matched as evidence): ``icon@2x.png``, ``@handle``,
``https://example.com/a@b``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import tldextract

from scanners.recognizers.base import ScannerRecognizer, Span

_EMAIL = re.compile(
    r"(?<![A-Za-z0-9_.%+\-/@])"
    r"(?P<local>[A-Za-z0-9!#$%&'*+=?^_`{|}~\-]+(?:\.[A-Za-z0-9!#$%&'*+=?^_`{|}~\-]+)*)"
    r"@(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+"
    r"(?P<tld>[A-Za-z]{2,63}|xn--[A-Za-z0-9\-]{2,59}))"
    r"(?![A-Za-z0-9_\-@]|\.[A-Za-z0-9])"
)

SCORE_REAL_TLD = 0.9
SCORE_UNKNOWN_TLD = 0.2


@cache
def known_tlds() -> frozenset[str]:
    """Top-level labels of the bundled public-suffix list (no network)."""
    extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    return frozenset(suffix.rsplit(".", 1)[-1].lower() for suffix in extractor.tlds)


class EmailAddressRecognizer(ScannerRecognizer):
    """E-mail addresses; evidence when the TLD is real."""

    ENTITY = "EMAIL_ADDRESS"
    REQUIRES = "at"
    CONTEXT = ("อีเมล", "อีเมล์", "เมล", "e-mail", "email", "mail")

    def find(self, text: str) -> Iterator[Span]:
        if "@" not in text:
            return
        tlds = known_tlds()
        for match in _EMAIL.finditer(text):
            before = text[: match.start()].rsplit(None, 1)[-1] if match.start() else ""
            if "://" in before:
                continue
            real = match.group("tld").lower() in tlds
            yield Span(match.start(), match.end(), SCORE_REAL_TLD if real else SCORE_UNKNOWN_TLD)
