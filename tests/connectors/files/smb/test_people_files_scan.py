"""Issue 19 end to end: the files people keep, scanned locally and over SMB alike.

One share holds ID-card copies (images from ``tests/data/id_cards/test``), a
scanned PDF without a text layer (a card copy printed to PDF as an image),
legacy Office files (``.xls``, ``.doc``) and an ``.odt`` (fixtures from
``scripts/make_office_samples.py``), a saved e-mail with an ID copy attached,
and a ``public`` folder every account can read. ``pdpa-agent scan`` runs over
the folder and over the same folder served by the real Samba the tests start;
both give the same datasets with the same PII types, and ACCESS_PUBLIC on the
public folder only. Each scan has its own state store, so the SMB scan reads
every file itself instead of reusing the local scan's file cache.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from PIL import Image
from stdnum.th import pin

from tests.support.paths import TEST_DATA

from .conftest import SambaShare

CARDS = TEST_DATA / "id_cards"
OFFICE = TEST_DATA / "formats" / "office"
TRUTH = {c["file"]: c for c in json.loads((CARDS / "truth.json").read_text(encoding="utf-8"))}
CARD_TYPES = {"TH_NATIONAL_ID", "PERSON", "DATE_OF_BIRTH", "ADDRESS"}
FOLDER = "people_e2e"


def ids_csv() -> bytes:
    lines = ["ชื่อ,เลขบัตรประชาชน"]
    for i in range(12):
        body = f"1{10 + i:02d}0170030{i:02d}"
        lines.append(f"สมศรี {i},{body}{pin.calc_check_digit(body)}")
    return "\n".join(lines).encode("utf-8")


def request_eml(attachment: Path) -> bytes:
    message = EmailMessage()
    message["From"] = "สมชาย ใจดี <somchai@example.co.th>"
    message["To"] = "hr@example.co.th"
    message["Subject"] = "ขอแก้ไขข้อมูลพนักงาน"
    message.set_content("แนบสำเนาบัตรประชาชนตามที่ขอ\nโทร 081-234-5678\n")
    message.add_attachment(
        attachment.read_bytes(), maintype="image", subtype="jpeg", filename="สำเนาบัตร.jpg"
    )
    return bytes(message)


def build_share(root: Path) -> None:
    """The share; everything but ``public/`` readable by the Samba account only (0600)."""
    (root / "id-copies").mkdir(parents=True)
    for name in ("card_00.jpg", "card_01.jpg", "card_02.jpg"):
        shutil.copyfile(CARDS / "test" / name, root / "id-copies" / name)
    (root / "scans").mkdir()
    with Image.open(CARDS / "test" / "card_03.jpg") as card:  # a card copy scanned to PDF
        card.convert("RGB").save(root / "scans" / "สำเนา.pdf", "PDF", resolution=150.0)
    (root / "legacy").mkdir()
    for name in ("book.xls", "letter.doc", "letter.odt"):
        shutil.copyfile(OFFICE / name, root / "legacy" / name)
    (root / "mail").mkdir()
    (root / "mail" / "request.eml").write_bytes(request_eml(CARDS / "test" / "card_04.jpg"))
    (root / "public").mkdir()
    (root / "public" / "ids.csv").write_bytes(ids_csv())
    account = pwd.getpwnam("pdpa_smb_test")
    for path in root.rglob("*"):
        os.chown(path, account.pw_uid, account.pw_gid)
        public = path.is_dir() or path.parent.name == "public"
        path.chmod(0o755 if path.is_dir() else 0o644 if public else 0o600)


def scan(folder: Path, path: str, password: str = "") -> dict:
    folder.mkdir()
    (folder / "access.toml").write_text(
        '[[grants]]\nsource = "share"\ndataset = "*"\nprincipal = "pdpa_smb_test"\n'
        'privileges = ["READ", "WRITE"]\napproved_by = "dpo@example.co.th"\n'
        'reviewed_at = 2026-11-01\nreview_every = "12m"\n',
        encoding="utf-8",
    )
    secret = 'password_env = "PDPA_TEST_SMB_PASSWORD"\n' if password else ""
    (folder / "pdpa-agent.toml").write_text(
        f'[[sources]]\nname = "share"\nkind = "files"\npath = "{path}"\n{secret}\n'
        '[access]\npath = "access.toml"\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "agent", "-c", "pdpa-agent.toml", "scan", "--out", "out"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "PDPA_TEST_SMB_PASSWORD": password},
    )
    report_file = folder / "out" / "findings.json"
    assert report_file.is_file(), done.stdout[-2000:] + done.stderr[-2000:]
    report: dict = json.loads(report_file.read_text(encoding="utf-8"))
    assert password not in done.stdout + done.stderr or not password
    return report


def types_by_dataset(report: dict) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for dataset in report["datasets"]:
        types = found.setdefault(dataset["name"], set())
        for column in dataset["columns"]:
            types.update(pii["type"] for pii in column["pii"])
    return found


def public_datasets(report: dict) -> set[str]:
    return {f["dataset"] for f in report["findings"] if f["type"] == "ACCESS_PUBLIC"}


def test_the_same_people_are_found_locally_and_over_smb(
    tmp_path: Path, samba_server: SambaShare
) -> None:
    root = samba_server.share_dir / FOLDER
    try:
        build_share(root)
        local = scan(tmp_path / "local", str(root))
        parts = urlsplit(samba_server.url)
        user = f"{samba_server.username}@{parts.hostname}:{parts.port}"
        url = urlunsplit(parts._replace(netloc=user)) + f"/{FOLDER}"
        over_smb = scan(tmp_path / "smb", url, samba_server.password)
    finally:  # the whole-share scans of the SMB tests must not meet these files
        shutil.rmtree(root, ignore_errors=True)

    found = types_by_dataset(local)
    assert types_by_dataset(over_smb) == found
    assert [s.get("skipped") for s in over_smb["sources"]] == [
        s.get("skipped") for s in local["sources"]
    ]
    cards = [found[f"id-copies/card_0{i}.jpg"] for i in range(3)]
    assert all({"TH_NATIONAL_ID", "PERSON"} <= types for types in cards), cards
    assert set().union(*cards) >= CARD_TYPES, cards  # a birth date is read on 7 cards in 10
    printed = [bool(TRUTH[f"test/card_0{i}.jpg"]["religion"]) for i in range(3)]
    assert all(
        not ("RELIGION" in types and not shown) for types, shown in zip(cards, printed, strict=True)
    )
    assert "TH_NATIONAL_ID" in found["scans/สำเนา.pdf"]
    assert "TH_NATIONAL_ID" in found["mail/request.eml/สำเนาบัตร.jpg"]
    assert {"EMAIL_ADDRESS", "PHONE_NUMBER"} <= found["mail/request.eml"]
    assert "TH_NATIONAL_ID" in found["legacy/letter.doc"]
    assert "TH_NATIONAL_ID" in found["legacy/letter.odt"]
    assert any(d.startswith("legacy/book.xls#") and "TH_NATIONAL_ID" in t for d, t in found.items())
    assert public_datasets(local) == {"public/ids.csv"}
    assert public_datasets(over_smb) == {"public/ids.csv"}
