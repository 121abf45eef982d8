"""Words that make a nearby number a phone number, shared by the phone recognizers."""

from __future__ import annotations

PHONE_CONTEXT: tuple[str, ...] = (
    "โทร",
    "เบอร์",
    "มือถือ",
    "ติดต่อ",
    "แฟกซ์",
    "phone",
    "tel",
    "mobile",
    "cell",
    "fax",
    "contact",
    "call",
)
