"""A whole scan over SMB: the same datasets and classifications as the same files read locally."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from agent.inputs.config_loader import load_config
from agent.scan.runner import ScanPlan, run_scan
from scanners.detection.engine import DetectionEngine

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


def workbook_with_ids() -> bytes:
    """A sheet พนักงาน whose IDs have valid check digits (some stored as numbers, as Excel does)."""
    import io

    import openpyxl
    from stdnum.th import pin

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "พนักงาน"
    sheet.append(["ชื่อ", "เลขบัตรประชาชน"])
    for i in range(12):
        body = f"1{10 + i:02d}0170020{i:02d}"  # digits 2-3: provinces 10-21
        number = body + pin.calc_check_digit(body)
        sheet.append([f"สมชาย {i}", float(number) if i % 2 else number])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_every_format(folder: Path) -> None:
    """Nested folders holding every supported format, Thai PDF and cp874 CSV included."""
    from tests.support.file_samples import THAI_PDF, archive_bytes, docx_bytes

    base = folder / "แผนก" / "2025"
    base.mkdir(parents=True, exist_ok=True)
    names = ["นายสมชาย ใจดี", "นางสาวกานดา มีสุข", "นายวีระ ทองคำ", "นางอรุณี บุญมา"]
    rows = "\n".join(f"{names[i % 4]},081-234-{5600 + i}" for i in range(20))
    (base / "legacy.csv").write_bytes(("ชื่อ,เบอร์โทร\n" + rows).encode("cp874"))
    (base / "utf16.tsv").write_bytes(
        ("email\tnote\n" + "\n".join(f"u{i}@example.co.th\tok" for i in range(20))).encode("utf-16")
    )
    (base / "book.xlsx").write_bytes(workbook_with_ids())
    (base / "letter.docx").write_bytes(docx_bytes())
    (base / "complaint.pdf").write_bytes(THAI_PDF.read_bytes())
    (base / "events.ndjson").write_text(
        '{"user": {"email": "a@example.co.th"}, "n": 1}\n', encoding="utf-8"
    )
    (folder / "archive.zip").write_bytes(archive_bytes())
    (folder / "tool.exe").write_bytes(b"MZ\x90\x00")


def test_every_format_is_named_and_classified_the_same_over_smb(
    tmp_path: Path, samba_server
) -> None:
    share = Path(samba_server.share_dir)
    write_every_format(share)
    parts = urlsplit(samba_server.url)
    with_user = urlunsplit(
        parts._replace(netloc=f"{samba_server.username}@{parts.hostname}:{parts.port}")
    )
    over_smb = scan(tmp_path, with_user, {"PDPA_TEST_SMB_PASSWORD": samba_server.password})
    local = scan(tmp_path, str(share), {})
    assert over_smb == local
    expected = {
        "แผนก/2025/legacy.csv:เบอร์โทร": "PHONE_NUMBER",
        "แผนก/2025/legacy.csv:ชื่อ": "PERSON",
        "แผนก/2025/utf16.tsv:email": "EMAIL_ADDRESS",
        "แผนก/2025/book.xlsx#พนักงาน:เลขบัตรประชาชน": "TH_NATIONAL_ID",
        "แผนก/2025/letter.docx:content": "EMAIL_ADDRESS",
        "แผนก/2025/complaint.pdf:content": "PERSON",  # Thai text layer read (its ID fails the checksum)
        "แผนก/2025/events.ndjson:content": "EMAIL_ADDRESS",
        "archive.zip/docs/2024/letter.txt:content": "PERSON",
        "archive.zip/hr/book.xlsx#พนักงาน:ชื่อ": "PERSON",
    }
    for key, pii_type in expected.items():
        assert pii_type in over_smb.get(key, set()), (key, over_smb.get(key))
    assert not any(
        key.startswith(("tool.exe", "archive.zip/../", "archive.zip/program.exe"))
        for key in over_smb
    )
