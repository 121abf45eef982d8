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
    # IPv6 in every written form
    ("2001:0db8:0000:0000:0000:ff00:0042:8329", "2001:0db8:0000:0000:0000:ff00:0042:8329"),
    ("2001:db8::ff00:42:8329", "2001:db8::ff00:42:8329"),
    ("2001:DB8::FF00:42:8329", "2001:DB8::FF00:42:8329"),
    ("2001:0DB8:0000:0000:0000:FF00:0042:8329", "2001:0DB8:0000:0000:0000:FF00:0042:8329"),
    ("::ffff:192.0.2.128", "::ffff:192.0.2.128"),
    ("fe80::1%eth0", "fe80::1%eth0"),
    ("fe80::a00:27ff:fe4e:66a1%enp0s3", "fe80::a00:27ff:fe4e:66a1%enp0s3"),
    ("http://[fe80::1%25eth0]:8080/", "fe80::1%25eth0"),
    ("[2001:db8::1]:8080", "2001:db8::1"),
    ("http://[2001:db8::1]/", "2001:db8::1"),
    ("https://[2001:db8:85a3::8a2e:370:7334]:443/login?u=1", "2001:db8:85a3::8a2e:370:7334"),
    ("inet6 2001:db8::1/64 scope global", "2001:db8::1"),  # an interface: host bits set
    ("2001:db8::abcd/128", "2001:db8::abcd"),
    (
        "2025-03-12T10:00:01Z sshd[812]: Accepted password for root from 2001:db8:0:1::5 port 51234",
        "2001:db8:0:1::5",
    ),
    ("client=2a03:2880:f12f:83:face:b00c:0:25de, status=200", "2a03:2880:f12f:83:face:b00c:0:25de"),
    ("X-Forwarded-For: 2001:db8::7, 10.0.0.1", "2001:db8::7"),
    ("ไอพี 2001:db8::99", "2001:db8::99"),
]

NOT_PERSONAL = [
    "0.0.0.0",
    "255.255.255.0",
    "255.255.0.0",
    "255.255.255.255",
    "127.0.0.1",
    "::1",
    "224.0.0.1",
    "ff02::1",  # all-nodes multicast
    "::ffff:127.0.0.1",
]

#: Networks written with a prefix length (host bits zero): a block of addresses, not a device.
NETWORKS = ["2001:db8::/32", "2001:DB8:1234::/48", "fe80::/10", "10.0.0.0/8", "192.168.1.0/24"]

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
    "00:1a:2b:3c:4d:5e",
    "00-1a-2b-3c-4d-5e",
    "001A.2B3C.4D5E",  # Cisco MAC notation
    "02:42:ac:11:00:02:ff:fe",  # EUI-64 written as eight pairs
    "50:06:01:60:3b:20:19:2c",  # Fibre Channel WWN
    "SHA256:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48",  # key fingerprint
    "::",
    "a::b",
    "cafe::bad",
    "std::vector<int>",
    "boost::asio::ip::tcp",
    "Foo::Bar::baz()",
    "1:2:3",
    "16:9",
    "10:30:00",
    "23:59:59.999",
    "1:2:3:4:5:6:7:8:9",
    "sha1:3f786850e387550fdab836ed7e6dc881de23001b",
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "2001:db8::/32",  # a network
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


@pytest.mark.parametrize("text", NETWORKS)
def test_networks_are_shapes_even_in_an_ip_column(best, text: str) -> None:
    assert best(text, "IP_ADDRESS", context=["ip_address"]) == (text, 0.3)


def test_a_network_in_text_is_not_an_address(best) -> None:
    assert best("route add 2001:db8::/32 via fe80::1", "IP_ADDRESS") == ("fe80::1", 0.6)
