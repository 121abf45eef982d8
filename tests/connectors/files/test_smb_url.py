"""smb:// URLs: parts, the user written in them, a refused password, and how they are shown."""

from __future__ import annotations

import pytest

from connectors.errors import ConfigError, SourceError
from connectors.files.smb_url import (
    PASSWORD_IN_URL,
    SmbUrl,
    is_smb_url,
    parse_smb_url,
    shown_smb_url,
    smb_user,
)

THAI_DIR = "ลูกค้า"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smb://10.0.0.5/data", SmbUrl("smb://10.0.0.5/data", "10.0.0.5", 445, "data", "", None)),
        (
            "smb://FileServer.corp.example:1445/Data/HR/2567/",
            SmbUrl(
                "smb://FileServer.corp.example:1445/Data/HR/2567/",
                "fileserver.corp.example",
                1445,
                "Data",
                "HR/2567",
                None,
            ),
        ),
        (
            "SMB://nas//pub//a%20b/c%2Cd",
            SmbUrl("smb://nas//pub//a%20b/c%2Cd", "nas", 445, "pub", "a b/c,d", None),
        ),
        (
            f"smb://nas/pub/{THAI_DIR}/%2B50%25",
            SmbUrl(
                f"smb://nas/pub/{THAI_DIR}/%2B50%25", "nas", 445, "pub", f"{THAI_DIR}/+50%", None
            ),
        ),
        ("smb://[::1]:1445/pub", SmbUrl("smb://[::1]:1445/pub", "::1", 1445, "pub", "", None)),
        (
            "smb://alice@nas/pub/hr",
            SmbUrl("smb://alice@nas/pub/hr", "nas", 445, "pub", "hr", "alice"),
        ),
        (
            "smb://CORP%5Calice@nas/pub",
            SmbUrl("smb://CORP%5Calice@nas/pub", "nas", 445, "pub", "", "CORP\\alice"),
        ),
        ("  smb://nas/pub  ", SmbUrl("smb://nas/pub", "nas", 445, "pub", "", None)),
    ],
)
def test_parse(url: str, expected: SmbUrl) -> None:
    assert parse_smb_url(url) == expected


def test_a_password_written_in_the_url_is_kept_for_the_share_but_never_shown() -> None:
    where = parse_smb_url("smb://alice:s3cr%40t@nas:1445/pub/hr")
    assert where.label == "smb://alice@nas:1445/pub/hr"
    assert (where.username, where.password) == ("alice", "s3cr@t")
    assert "s3cr" not in repr(where)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://nas/pub", "smb://nas/pub: not an smb:// URL"),
        ("ftp://alice:topsecret@nas/pub", "smb://alice@nas/pub: not an smb:// URL"),
        ("smb://nas", "smb://nas: no share name (smb://host/share/...)"),
        ("smb://nas/", "smb://nas/: no share name (smb://host/share/...)"),
        ("smb:///pub", "smb:///pub: missing or invalid host name"),
        ("smb://nas:99999/pub", "smb://nas:99999/pub: invalid port"),
        ("smb://nas:abc/pub", "smb://nas:abc/pub: invalid port"),
        ("smb://nas/pub/../etc", "smb://nas/pub/../etc: invalid path segment '..'"),
        ("smb://nas/pub/%2E%2E/x", "smb://nas/pub/%2E%2E/x: invalid path segment '..'"),
        ("smb://nas/pub/a%5Cb", "smb://nas/pub/a%5Cb: invalid path segment 'a\\\\b'"),
        ("smb://nas/pub/a%2F..%2Fb", "smb://nas/pub/a%2F..%2Fb: invalid path segment 'a/../b'"),
        ("smb://nas/pub/a?b", "smb://nas/pub/a: percent-encode '?' and '#' in folder names"),
        ("smb://nas/pub/a#b", "smb://nas/pub/a: percent-encode '?' and '#' in folder names"),
        ("smb://nas/pub/%FF", "smb://nas/pub/%FF: path is not valid percent-encoded UTF-8"),
    ],
)
def test_bad_urls_are_config_errors_without_the_password(url: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_smb_url(url)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("url", "user"),
    [
        ("smb://nas/pub", None),
        ("smb://alice@nas/pub", "alice"),
        ("smb://CORP%5Calice@nas/pub", "CORP\\alice"),
        ("smb://alice:@nas/pub", "alice"),  # an empty password is none
        ("smb://alice:${SMB_PW}@nas/pub", "alice"),  # a reference is no secret
        ("smb://nas/pub/a:b@c", None),  # ":" and "@" in the folder are no user info
    ],
)
def test_smb_user(url: str, user: str | None) -> None:
    assert smb_user(url) == user


@pytest.mark.parametrize(
    "url",
    [
        "smb://alice:Sekr1t@nas/pub",
        "smb://alice:Sekr1t%40x@nas/pub",
        "smb://:Sekr1t@nas/pub",
        "smb://alice:Sekr1t/x@nas/pub",  # a "/" in the password: still a password
        "smb://alice:Sekr1t@nas:abc/pub",
    ],
)
def test_a_password_in_the_url_is_refused(url: str) -> None:
    with pytest.raises(SourceError) as caught:
        smb_user(url)
    assert str(caught.value) == PASSWORD_IN_URL
    assert "Sekr1t" not in str(caught.value)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("smb://nas/pub/hr", "smb://nas/pub/hr"),
        ("smb://alice@nas/pub", "smb://alice@nas/pub"),
        ("smb://alice:pw@nas/pub/hr", "smb://alice:***@nas/pub/hr"),
        ("smb://alice:pw@nas:1445/pub", "smb://alice:***@nas:1445/pub"),
        ("smb://:pw@nas/pub", "smb://:***@nas/pub"),
        ("smb://alice:${PW}@nas/pub", "smb://alice:${PW}@nas/pub"),  # a reference is shown
        ("smb://alice:pw@nas:abc/pub", "(unparsable URL)"),
        ("smb://alice:pa/ss@nas/pub", "(unparsable URL)"),
    ],
)
def test_shown(url: str, shown: str) -> None:
    assert shown_smb_url(url) == shown


@pytest.mark.parametrize(
    ("path", "smb"),
    [
        ("smb://nas/pub", True),
        ("smb://", True),
        ("SMB://nas/pub", False),  # as the config has always read it: lower case only
        (" smb://nas/pub", False),
        ("/srv/share", False),
        ("share/smb://x", False),
    ],
)
def test_is_smb_url(path: str, smb: bool) -> None:
    assert is_smb_url(path) is smb
