"""IP_ADDRESS: IPv4 and IPv6 addresses, validated with :mod:`ipaddress`.

IPv4 is four dotted octets (0-255, no leading zeros), not part of a longer
dotted run (SNMP OIDs such as ``1.3.6.1.4.1``) and not a version string
(``v1.2.3.4``, ``version 1.2.3.4``, ``เวอร์ชัน 1.2.3.4``: not matched).

IPv6 is accepted in every written form: full
(``2001:0db8:0000:0000:0000:ff00:0042:8329``), ``::``-compressed, upper or
lower case, ending in an embedded IPv4 address (``::ffff:192.0.2.128``),
with a zone id (``fe80::1%eth0``, URL-encoded ``%25eth0``; the zone belongs
to the span), in brackets with a port
(``[2001:db8::1]:8080``) and inside URLs and log lines
(``http://[2001:db8::1]/``). Times (``12:30:45``), ratios (``1:2:3``), C++
scopes (``std::vector``) and ``::`` alone fail validation or are not
candidates; an address with no decimal digit (``cafe::bad``, ``a::b`` in
code) and eight colon-separated two-character groups (a MAC-48/EUI-64 or a
Fibre Channel WWN such as ``50:06:01:60:3b:20:19:2c``) are not matched.

A prefix length is read with the address. An address with host bits set
(``2001:db8::1/64``, ``10.20.30.40/24``: an interface's address, as
``ip addr`` prints it) is a host address and the span is the address alone.
A network (``2001:db8::/32``, ``10.0.0.0/8``: host bits all zero) names a
block of addresses, not one device: a shape (0.3) that context cannot
promote, spanning the address and its prefix.

Scores: public and private host addresses 0.6, link-local ones too (a
client address in a log or column identifies a device; link-local IPv6
addresses often embed the interface's MAC). Addresses that identify no one
are shapes that context cannot promote (0.3): unspecified ``0.0.0.0``/``::``,
loopback ``127.0.0.1``/``::1``, netmasks ``255.255.255.0``, broadcast,
multicast and reserved ranges, and networks. Four single-digit octets
(``1.2.3.4``, also a section number) are a shape (0.3) that IP words or an
``ip`` column make evidence.

Non-compliant (matched): ``client 192.168.1.10``, ``2001:db8::1``,
``fe80::1%eth0``, ``[2001:db8::1]:8080``.
Compliant: ``version 1.2.3.4``, ``1.3.6.1.4.1``, ``12:30:45``,
``00:1A:2B:3C:4D:5E``, ``std::vector`` (not matched); ``127.0.0.1``,
``2001:db8::/32`` (shape only).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from scanners.recognizers.base import ScannerRecognizer, Span

_PREFIX = r"(?:/(?P<prefix>\d{1,3})(?!\d))?"
_IPV4 = re.compile(
    r"(?<![A-Za-z0-9_.\-])(?P<address>(?:\d{1,3}\.){3}\d{1,3})"
    + _PREFIX
    + r"(?![A-Za-z0-9_\-]|\.\d)"
)
_IPV6 = re.compile(
    r"(?<![A-Za-z0-9_:.])(?P<address>(?:[0-9A-Fa-f]{0,4}:){2,7}"
    r"(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{1,4})?"
    r"(?:%[0-9A-Za-z_\-]+(?:\.[0-9A-Za-z_\-]+)*)?)" + _PREFIX + r"(?![A-Za-z0-9_:]|\.\d)"
)
#: Eight groups of two hex digits and no ``::``: a MAC/EUI-64 or WWN, not an address.
_HEX_PAIRS = re.compile(r"[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){7}")
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


def _is_network(address: IpAddress, prefix: str | None) -> bool:
    """True for a network written with its prefix length: host bits all zero (``10.0.0.0/8``)."""
    if prefix is None or int(prefix) >= address.max_prefixlen:
        return False
    host_bits = address.max_prefixlen - int(prefix)
    return int(address) & ((1 << host_bits) - 1) == 0


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
                span = self._span(match)
                if span is not None:
                    yield span
        if text.count(":") >= 2:
            for match in _IPV6.finditer(text):
                value = match.group("address").partition("%")[0]
                if not any(ch.isdigit() for ch in value) or _HEX_PAIRS.fullmatch(value):
                    continue
                span = self._span(match)
                if span is not None:
                    yield span

    @staticmethod
    def _span(match: re.Match[str]) -> Span | None:
        value = match.group("address")
        start, end = match.span("address")
        try:
            address = ipaddress.ip_address(value)
        except ValueError:
            return None
        if _is_network(address, match.group("prefix")):
            return Span(start, match.end(), SCORE_SHAPE, boostable=False)
        if _identifies_no_one(address):
            return Span(start, end, SCORE_SHAPE, boostable=False)
        if isinstance(address, ipaddress.IPv4Address) and all(
            len(p) == 1 for p in value.split(".")
        ):
            return Span(start, end, SCORE_SHAPE)
        return Span(start, end, SCORE_ADDRESS)
