"""SmbFS against a real private Samba server (see conftest.py), plus URL parsing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from connectors.errors import ConfigError, DatasetError, SourceError
from connectors.files.share_fs import ShareFS
from connectors.files.smb_fs import SmbFS

from .conftest import SambaShare

THAI_DIR = "ลูกค้า"  # "customers"
THAI_FILE = "รายชื่อ.csv"
MTIME = 1_700_000_000.25


@pytest.fixture(scope="module")
def tree(samba_server: SambaShare) -> Path:
    """share/tree with nested and Thai-named folders, links out of the share and a loop."""
    root = samba_server.share_dir / "tree"
    (root / THAI_DIR / "2567").mkdir(parents=True)
    (root / "a").mkdir()
    (root / "a.txt").write_bytes(b"hello")
    (root / "a" / "b.txt").write_bytes(b"x" * 1000)
    (root / THAI_DIR / THAI_FILE).write_text("ชื่อ,โทร\nสมชาย,0812345678\n", encoding="utf-8")
    (root / THAI_DIR / "2567" / "big.bin").write_bytes(bytes(range(256)) * 12_000)  # 3 072 000 B
    (root / "empty").mkdir()
    os.utime(root / "a.txt", (MTIME, MTIME))
    outside = samba_server.share_dir.parent / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text("not shared")
    os.symlink(outside / "secret.txt", root / "link_out.txt")
    os.symlink(outside, root / "link_out_dir")
    os.symlink("..", root / "a" / "loop")  # inside the share: listed once, no endless descent
    return root


@pytest.fixture
def fs(samba_server: SambaShare, tree: Path) -> Iterator[SmbFS]:
    with SmbFS(samba_server.url + "/tree", samba_server.username, samba_server.password) as share:
        yield share


def test_is_a_share_fs_and_checks(fs: SmbFS) -> None:
    assert isinstance(fs, ShareFS)
    fs.check()


def test_walk_lists_nested_and_thai_folders_sorted_without_outside_links(fs: SmbFS) -> None:
    found = list(fs.walk())
    paths = [f.path for f in found]
    assert paths == [
        "a.txt",
        "a/b.txt",
        f"{THAI_DIR}/2567/big.bin",
        f"{THAI_DIR}/{THAI_FILE}",
    ]
    assert paths == sorted(paths)
    sizes = {f.path: f.size for f in found}
    assert sizes["a.txt"] == 5 and sizes["a/b.txt"] == 1000
    assert sizes[f"{THAI_DIR}/2567/big.bin"] == 3_072_000
    assert abs(found[0].mtime - MTIME) < 1e-3
    assert fs.skipped == []


@pytest.mark.parametrize("sub", [THAI_DIR, quote(THAI_DIR)])
def test_thai_sub_path_raw_or_percent_encoded(
    samba_server: SambaShare, tree: Path, sub: str
) -> None:
    url = f"{samba_server.url}/tree/{sub}/"
    with SmbFS(url, samba_server.username, samba_server.password) as share:
        assert [f.path for f in share.walk()] == ["2567/big.bin", THAI_FILE]
        assert share.read(THAI_FILE, 100).decode("utf-8").startswith("ชื่อ,โทร")


def test_stat_sizes_and_mtimes(fs: SmbFS, tree: Path) -> None:
    info = fs.stat("a.txt")
    assert (info.path, info.size) == ("a.txt", 5)
    assert abs(info.mtime - MTIME) < 1e-3
    nested = fs.stat(f"/{THAI_DIR}/{THAI_FILE}")
    assert nested.path == f"{THAI_DIR}/{THAI_FILE}"
    assert nested.size == (tree / THAI_DIR / THAI_FILE).stat().st_size
    assert abs(nested.mtime - (tree / THAI_DIR / THAI_FILE).stat().st_mtime) < 1e-3


@pytest.mark.parametrize(
    "path", ["missing.txt", "a", "../tree/a.txt", "a/../a.txt", "", "link_out.txt"]
)
def test_stat_of_a_missing_or_non_file_is_a_dataset_error(fs: SmbFS, path: str) -> None:
    with pytest.raises(DatasetError):
        fs.stat(path)


def test_read_respects_the_byte_limit(fs: SmbFS, tree: Path) -> None:
    big = (tree / THAI_DIR / "2567" / "big.bin").read_bytes()
    assert fs.read("a.txt", 3) == b"hel"
    assert fs.read("a.txt", 1000) == b"hello"
    assert fs.read("a.txt", 0) == b""
    assert fs.read(f"{THAI_DIR}/2567/big.bin", 2_500_000) == big[:2_500_000]
    assert fs.read(f"{THAI_DIR}/2567/big.bin", 10**9) == big
    with pytest.raises(DatasetError):
        fs.read("a", 10)


def test_file_deleted_after_walk_is_a_dataset_error(samba_server: SambaShare) -> None:
    folder = samba_server.share_dir / "vanish"
    folder.mkdir()
    (folder / "gone.txt").write_text("soon gone")
    with SmbFS(samba_server.url + "/vanish", samba_server.username, samba_server.password) as share:
        assert [f.path for f in share.walk()] == ["gone.txt"]
        (folder / "gone.txt").unlink()
        with pytest.raises(DatasetError, match=r"gone\.txt"):
            share.stat("gone.txt")
        with pytest.raises(DatasetError, match=r"gone\.txt"):
            share.read("gone.txt", 10)


def test_wrong_password_is_a_source_error_without_the_password(samba_server: SambaShare) -> None:
    wrong = "Wr0ng-" + samba_server.password[::-1]
    share = SmbFS(samba_server.url, samba_server.username, wrong)
    with pytest.raises(SourceError, match="logon failure") as caught:
        share.check()
    with pytest.raises(SourceError) as walked:
        list(share.walk())
    share.close()
    for message in (str(caught.value), str(walked.value)):
        assert wrong not in message and samba_server.password not in message
        assert "\n" not in message


def test_unreachable_port_is_a_source_error() -> None:
    share = SmbFS("smb://127.0.0.1:1/pdpa", "nobody", "secret-pw", connect_timeout_s=3)
    with share, pytest.raises(SourceError, match="unreachable") as caught:
        share.check()
    assert "secret-pw" not in str(caught.value)


def test_missing_share_is_a_source_error(samba_server: SambaShare) -> None:
    url = samba_server.url.rsplit("/", 1)[0] + "/no_such_share"
    share = SmbFS(url, samba_server.username, samba_server.password)
    with share, pytest.raises(SourceError, match="share 'no_such_share' not found"):
        share.check()


def test_missing_sub_folder_is_a_source_error(samba_server: SambaShare) -> None:
    share = SmbFS(samba_server.url + "/no/such", samba_server.username, samba_server.password)
    with share, pytest.raises(SourceError, match="folder 'no/such' not found"):
        share.check()


def test_credentials_in_the_url_work_and_the_label_drops_the_password(
    samba_server: SambaShare, tree: Path
) -> None:
    host_and_path = samba_server.url.removeprefix("smb://")
    user, password = samba_server.username, quote(samba_server.password, safe="")
    with SmbFS(f"smb://{user}:{password}@{host_and_path}/tree", None, None) as share:
        assert share.label == f"smb://{user}@{host_and_path}/tree"
        assert samba_server.password not in share.label and samba_server.password not in repr(share)
        assert "a.txt" in [f.path for f in share.walk()]


def test_close_drops_the_connection(samba_server: SambaShare, tree: Path) -> None:
    share = SmbFS(samba_server.url, samba_server.username, samba_server.password)
    share.check()
    assert share._cache
    share.close()
    assert not share._cache
    share.check()  # reconnects
    share.close()


# -- URL parsing (no server needed) ----------------------------------------


@pytest.mark.parametrize(
    ("url", "host", "port", "share", "root"),
    [
        ("smb://10.0.0.5/data", "10.0.0.5", 445, "data", ""),
        (
            "smb://FileServer.corp.example:1445/Data/HR/2567/",
            "fileserver.corp.example",
            1445,
            "Data",
            "HR/2567",
        ),
        ("SMB://nas//pub//a%20b/c%2Cd", "nas", 445, "pub", "a b/c,d"),
        (
            "smb://nas/pub/%E0%B8%A5%E0%B8%B9%E0%B8%81%E0%B8%84%E0%B9%89%E0%B8%B2",
            "nas",
            445,
            "pub",
            THAI_DIR,
        ),
        (f"smb://nas/pub/{THAI_DIR}/%2B50%25", "nas", 445, "pub", f"{THAI_DIR}/+50%"),
        ("smb://[::1]:1445/pub", "::1", 1445, "pub", ""),
    ],
)
def test_url_parsing(url: str, host: str, port: int, share: str, root: str) -> None:
    fs = SmbFS(url, "u", "p")
    assert (fs.host, fs.port, fs.share, fs.root) == (host, port, share, root)


@pytest.mark.parametrize(
    "url",
    [
        "http://nas/pub",
        "smb://nas",
        "smb://nas/",
        "smb:///pub",
        "smb://nas:99999/pub",
        "smb://nas:abc/pub",
        "smb://nas/pub/../etc",
        "smb://nas/pub/a%5Cb",
        "smb://nas/pub/a%2F..%2Fb",
        "smb://nas/pub/%2E%2E/x",
        "smb://nas/pub/a?b",
        "smb://nas/pub/a#b",
        "smb://nas/pub/%FF",
    ],
)
def test_bad_urls_are_config_errors(url: str) -> None:
    with pytest.raises(ConfigError):
        SmbFS(url, "u", "p")


def test_label_never_shows_a_password() -> None:
    fs = SmbFS("smb://alice:s3cr%40t@nas:1445/pub/hr", None, None)
    assert fs.label == "smb://alice@nas:1445/pub/hr"
    assert fs.username == "alice" and "s3cr" not in repr(fs)
    assert SmbFS("smb://nas/pub", "bob", "pw").label == "smb://nas/pub"
    with pytest.raises(ConfigError) as caught:
        SmbFS("ftp://alice:topsecret@nas/pub", None, None)
    assert "topsecret" not in str(caught.value)
