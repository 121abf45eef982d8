"""IP_ADDRESS: IPv4 and IPv6 addresses, validated with :mod:`ipaddress`.

IPv4 is four dotted octets (0-255, no leading zeros), not part of a longer
dotted run (SNMP OIDs such as ``1.3.6.1.4.1``) and not a version string
(``v1.2.3.4``, ``version 1.2.3.4``, ``เวอร์ชัน 1.2.3.4``: not matched). IPv6
is the full or ``::``-compressed form, optionally ending in an embedded IPv4
address; times (``12:30:45``) and MAC addresses (``00:1A:2B:3C:4D:5E``) fail
validation.

Scores: public and private host addresses 0.6 (a client address in a log or
column identifies a device). Addresses that identify no one are shapes that
context cannot promote (0.3): unspecified ``0.0.0.0``/``::``, loopback
``127.0.0.1``/``::1``, netmasks ``255.255.255.0``, broadcast, multicast and
reserved ranges. Four single-digit octets (``1.2.3.4``, also a section
number) are a shape (0.3) that IP words or an ``ip`` column make evidence.

Non-compliant (matched): ``client 192.168.1.10``, ``2001:db8::1``.
Compliant: ``version 1.2.3.4``, ``1.3.6.1.4.1``, ``12:30:45`` (not matched),
``127.0.0.1`` (shape only).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from scanners.recognizers.base import ScannerRecognizer, Span

_IPV4 = re.compile(r"(?<![A-Za-z0-9_.\-])(?:\d{1,3}\.){3}\d{1,3}(?![A-Za-z0-9_\-]|\.\d)")
_IPV6 = re.compile(
    r"(?<![A-Za-z0-9_:.])(?:[0-9A-Fa-f]{0,4}:){2,7}"
    r"(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{1,4})?"
    r"(?![A-Za-z0-9_:]|\.\d)"
)
_VERSION_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:version|ver|v|release|rel|build|firmware|fw|rev|revision|เวอร์ชัน|เวอร์ชั่น|รุ่น)"
    r"\.?\s*[:=]?\s*$",
    re.IGNORECASE,
)

SCORE_ADDRESS = 0.6
SCORE_SHAPE = 0.3

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def _is_netmask(address: ipaddress.IPv4Address) -> bool:
    """``255.255.255.0``-style masks: contiguous one bits from the top, first octet 255."""
    value = int(address)
    inverted = ~value & 0xFFFFFFFF
    return value >> 24 == 0xFF and inverted & (inverted + 1) == 0


def _identifies_no_one(address: IpAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if isinstance(address, ipaddress.IPv4Address) and _is_netmask(address):
        return True
    return (
        address.is_unspecified or address.is_loopback or address.is_multicast or address.is_reserved
    )


class IpAddressRecognizer(ScannerRecognizer):
    """IPv4 and IPv6 host addresses."""

    ENTITY = "IP_ADDRESS"
    REQUIRES = "digit"
    CONTEXT = (
        "ไอพี",
        "ip",
        "ip address",
        "ipv4",
        "ipv6",
        "ip addr",
        "client",
        "remote",
        "source",
        "src",
        "host",
        "login from",
        "x-forwarded-for",
    )

    def find(self, text: str) -> Iterator[Span]:
        if text.count(".") >= 3:
            for match in _IPV4.finditer(text):
                if _VERSION_BEFORE.search(text, max(0, match.start() - 16), match.start()):
                    continue
                span = self._span(match.group(), match.start(), match.end())
                if span is not None:
                    yield span
        if text.count(":") >= 2:
            for match in _IPV6.finditer(text):
                value = match.group()
                if any(ch.isalnum() for ch in value):
                    span = self._span(value, match.start(), match.end())
                    if span is not None:
                        yield span

    @staticmethod
    def _span(value: str, start: int, end: int) -> Span | None:
        try:
            address = ipaddress.ip_address(value)
        except ValueError:
            return None
        if _identifies_no_one(address):
            return Span(start, end, SCORE_SHAPE, boostable=False)
        if isinstance(address, ipaddress.IPv4Address) and all(
            len(p) == 1 for p in value.split(".")
        ):
            return Span(start, end, SCORE_SHAPE)
        return Span(start, end, SCORE_ADDRESS)
