"""One-line reasons for failures, as they appear in SCAN_ERROR findings and messages.

Drivers raise long, multi-line errors that may quote SQL; only the first
line of the original error is kept, capped in length, and without a
traceback.

Drivers and parsers also quote the offending *value* (PostgreSQL's
``invalid input syntax for type integer: "1103700001239"``, MariaDB's
``Truncated incorrect INTEGER value: '…'``, Python's ``could not convert
string to float: '…'``), and a reason ends up in reports, logs and the state
store. :func:`redact` therefore replaces, before anything else sees the text:

- every quoted literal that follows a colon or the words value, entry,
  input, literal, string, data or near (it is the value the driver choked on);
- every other quoted literal that does not look like an identifier (a
  table, column, constraint or host name: ASCII letters, digits, ``_ $ . -``,
  at least one letter, no run of five digits) or an IPv4 server address;
- every e-mail address (kept as masked evidence, ``s***@example.co.th``);
- every run of nine or more digits, dashes or spaces between them allowed
  (national IDs, phones, accounts, cards), except dates and byte counts.

The useful part stays: ``InvalidTextRepresentation: invalid input syntax for
type integer: "***"``.
"""

from __future__ import annotations

import re

from connectors.errors import PdpaAgentError
from scanners.masking import mask_value

MAX_CHARS = 300
PLACEHOLDER = "***"

_PYMYSQL = re.compile(r"""\((\d+), (["'])(.*)\2\)""")
_QUOTED = re.compile(
    r"""(?P<lead>:\s*|\b(?:value|values|entry|input|literal|string|data|near)\b\s*[:=]?\s*)?"""
    r"""(?<![A-Za-z])(?P<quote>["'`])(?P<body>.*?)(?P=quote)""",  # after a letter: an apostrophe
    re.IGNORECASE,
)
_UNCLOSED = re.compile(r"""(:\s*)(["'`])[^"'`]*$""")
_IDENTIFIER = re.compile(r"^(?=.*[A-Za-z_])[A-Za-z0-9_$.\-]{1,128}$")
_HOST = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")  # "connection to server at "10.0.0.5""
_DIGIT_RUN = re.compile(r"\d{5}")
_EMAIL = re.compile(r"(?<![\w.+/:-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NUMBER = re.compile(r"(?<!\d)\d(?:[ \-]?\d){8,}(?!\d)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_COUNT_AFTER = re.compile(r"\s*(?:>|<|bytes\b)")


def _quoted(match: re.Match[str]) -> str:
    lead, quote, body = match.group("lead") or "", match.group("quote"), match.group("body")
    if not body:
        return match.group(0)
    if not lead and _HOST.match(body):
        return match.group(0)
    if lead or not _IDENTIFIER.match(body) or _DIGIT_RUN.search(body):
        return f"{lead}{quote}{PLACEHOLDER}{quote}"
    return match.group(0)


def _number(match: re.Match[str]) -> str:
    text = match.group(0)
    after = match.string[match.end() :]
    if _DATE.search(text) or _COUNT_AFTER.match(after):
        return text
    return PLACEHOLDER


def redact(text: str) -> str:
    """``text`` with every quoted value, e-mail address and long number replaced (see above)."""
    # pymysql: (1292, "Truncated incorrect INTEGER value: '…'") → 1292: Truncated …
    text = _PYMYSQL.sub(lambda m: f"{m.group(1)}: {m.group(3)}", text)
    text = _QUOTED.sub(_quoted, text)
    text = _UNCLOSED.sub(lambda m: f"{m.group(1)}{m.group(2)}{PLACEHOLDER}", text)
    text = _EMAIL.sub(lambda m: mask_value("EMAIL_ADDRESS", m.group(0)), text)
    return _NUMBER.sub(_number, text)


def error_reason(exc: BaseException) -> str:
    """A one-line reason for a failure, without tracebacks, driver noise or quoted values."""
    if isinstance(exc, PdpaAgentError):
        text = str(exc)
    else:
        original = getattr(exc, "orig", None)  # SQLAlchemy wraps the driver's error
        cause = original if isinstance(original, BaseException) else exc
        text = f"{type(cause).__name__}: {cause}"
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return redact(first)[:MAX_CHARS]
