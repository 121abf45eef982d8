"""IP_ADDRESS: IPv4/IPv6 host addresses; versions, OIDs, masks, MACs and times are not."""

from __future__ import annotations

import pytest

MATCHES = [
    ("192.168.1.10", "192.168.1.10"),
    ("10.0.0.25", "10.0.0.25"),
    ("172.16.254.3", "172.16.254.3"),
    ("203.0.113.45", "203.0.113.45"),
    ("client 198.51.100.7 - - [12/Mar/2025:10:00:01 +0700] GET /", "198.51.100.7"),
    ("login from 203.0.113.45:51234", "203.0.113.45"),
    ("ip=10.1.2.3,", "10.1.2.3"),
    ("ไอพี192.168.0.1", "192.168.0.1"),
    ("10.20.30.40/24", "10.20.30.40"),
    ("2001:db8::1", "2001:db8::1"),
    ("2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
    ("fe80::1ff:fe23:4567:890a", "fe80::1ff:fe23:4567:890a"),
    ("[2001:db8::42]:443", "2001:db8::42"),
    ("fd12:3456:789a::1", "fd12:3456:789a::1"),
    ("::ffff:192.0.2.1", "::ffff:192.0.2.1"),
]

NOT_PERSONAL = [
    "0.0.0.0",
    "255.255.255.0",
    "255.255.0.0",
    "255.255.255.255",
    "127.0.0.1",
    "::1",
    "224.0.0.1",
]

TRAPS = [
    "version 1.2.3.4",
    "Version: 10.2.3.14",
    "v1.2.3.4",
    "เวอร์ชัน 2.10.0.1",
    "1.2.2024",
    "01.02.2024",
    "1.3.6.1.4.1",
    "1.3.6.1.4.1.2021.10.1.3.1",
    "00:1A:2B:3C:4D:5E",
    "00-1A-2B-3C-4D-5E",
    "12:30:45",
    "12:30:45.123",
    "256.1.1.1",
    "192.168.001.010",  # leading zeros
    "ราคา 1.250.000.00",
    "std::vector",
    "1.2.3.4",  # four single digits: a section number as often as an address
]


@pytest.mark.parametrize(("text", "expected"), MATCHES)
def test_matches(best, text: str, expected: str) -> None:
    matched, score = best(text, "IP_ADDRESS")
    assert matched == expected
    assert score >= 0.6


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_special_addresses_are_shapes_even_in_an_ip_column(best, text: str) -> None:
    assert best(text, "IP_ADDRESS", context=["ip_address"]) == (text, 0.3)


@pytest.mark.parametrize("text", TRAPS)
def test_traps(best, text: str) -> None:
    assert best(text, "IP_ADDRESS")[1] < 0.5


def test_single_digit_octets_with_ip_column(best) -> None:
    assert best("1.2.3.4", "IP_ADDRESS") == ("1.2.3.4", 0.3)
    assert best("1.2.3.4", "IP_ADDRESS", context=["LastLoginIp"])[1] >= 0.5
