"""A whole scan over SMB: the same datasets and classifications as the same files read locally."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from agent.config_loader import load_config
from agent.runner import ScanPlan, run_scan
from scanners.engine import DetectionEngine

ROWS = [("นายสมชาย ใจดี", f"081-234-{5600 + i}", f"user{i}@example.co.th") for i in range(30)]


def write_share(folder: Path) -> None:
    (folder / "hr" / "ฝ่ายบุคคล").mkdir(parents=True, exist_ok=True)
    lines = ["ชื่อ-นามสกุล,เบอร์โทร,อีเมล"] + [",".join(row) for row in ROWS]
    (folder / "hr" / "ฝ่ายบุคคล" / "staff.csv").write_text("\n".join(lines), encoding="utf-8")
    (folder / "hr" / "notes.txt").write_text("ติดต่อ somchai@example.co.th\n", encoding="utf-8")
    (folder / "public.txt").write_text("ราคาสินค้าประจำเดือน\n", encoding="utf-8")


def scan(tmp_path: Path, path: str, env: dict[str, str]) -> dict[str, set[str]]:
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[[sources]]\nname = "share"\nkind = "files"\npath = "{path}"\npassword_env = "PDPA_TEST_SMB_PASSWORD"\n',
        encoding="utf-8",
    )
    os.environ.update(env)
    loaded = load_config(config)
    result = run_scan(ScanPlan(loaded, tuple(loaded.config.sources)), DetectionEngine())
    assert result.sources[0].status == "ok", result.sources[0].error
    return {
        f"{d.name}:{c.name}": {m.type for m in c.pii} for d in result.datasets for c in d.columns
    }


def test_smb_scan_matches_the_local_scan(
    tmp_path: Path, samba_server, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_share(Path(samba_server.share_dir))
    parts = urlsplit(samba_server.url)
    with_user = urlunsplit(
        parts._replace(netloc=f"{samba_server.username}@{parts.hostname}:{parts.port}")
    )
    monkeypatch.delenv("PDPA_TEST_SMB_PASSWORD", raising=False)
    over_smb = scan(tmp_path, with_user, {"PDPA_TEST_SMB_PASSWORD": samba_server.password})
    local = scan(tmp_path, str(samba_server.share_dir), {})
    assert over_smb == local
    assert over_smb["hr/ฝ่ายบุคคล/staff.csv:เบอร์โทร"] == {"PHONE_NUMBER"}
    assert over_smb["hr/notes.txt:content"] == {"EMAIL_ADDRESS"}
    assert over_smb["public.txt:content"] == set()


def test_smb_password_in_url_is_refused_and_wrong_password_is_a_scan_error(
    tmp_path: Path, samba_server
) -> None:
    parts = urlsplit(samba_server.url)
    config = tmp_path / "pdpa-agent.toml"
    bad = urlunsplit(
        parts._replace(netloc=f"{samba_server.username}:secret@{parts.hostname}:{parts.port}")
    )
    config.write_text(
        f'[[sources]]\nname = "share"\nkind = "files"\npath = "{bad}"\n', encoding="utf-8"
    )
    loaded = load_config(config)
    result = run_scan(ScanPlan(loaded, tuple(loaded.config.sources)), DetectionEngine())
    assert "password_env" in (result.sources[0].error or "")
    wrong = urlunsplit(
        parts._replace(netloc=f"{samba_server.username}@{parts.hostname}:{parts.port}")
    )
    config.write_text(
        f'[[sources]]\nname = "share"\nkind = "files"\npath = "{wrong}"\npassword_env = "PDPA_TEST_SMB_WRONG"\n',
        encoding="utf-8",
    )
    os.environ["PDPA_TEST_SMB_WRONG"] = "not-the-password"
    loaded = load_config(config)
    result = run_scan(ScanPlan(loaded, tuple(loaded.config.sources)), DetectionEngine())
    assert result.sources[0].status == "error" and "logon failure" in (
        result.sources[0].error or ""
    )
    assert "not-the-password" not in str(result)
    assert [f.type for f in result.findings] == ["SCAN_ERROR"]
