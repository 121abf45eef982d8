"""Mail and archives through FilesConnector: dataset names, a message's own lines beside its
attachments (describe, sample, truncated), and an attached ID card read by OCR."""

from __future__ import annotations

from pathlib import Path

import pytest

from connectors.errors import DatasetError
from connectors.files.connector import FilesConnector
from connectors.files.readers.content import ReadLimits
from tests.connectors.files.archives.msg_builder import Attachment, Msg, msg_bytes
from tests.connectors.files.archives.samples import (
    NATIONAL_ID,
    email_bytes,
    id_card_png,
    sevenzip_bytes,
    tar_bytes,
)
from tests.support.file_samples import zip_bytes

CSV = b"name,phone\nSomchai,0812345678\n"


@pytest.fixture
def share(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    card = id_card_png()
    inner = email_bytes("ส่งต่อ\n", (("list.csv", CSV, "text/csv"),), subject="Fwd")
    files = {
        "mail/hr.eml": email_bytes(
            f"เลขประจำตัวประชาชน {NATIONAL_ID}\n",
            (
                ("บัตรประชาชน.png", card, "image/png"),
                ("staff.csv", CSV, "text/csv"),
                ("fwd.eml", inner, "message/rfc822"),
            ),
        ),
        "mail/hr.msg": msg_bytes(
            Msg(subject="สำเนา", body="ภาษาไทย", attachments=(Attachment("staff.csv", CSV),))
        ),
        "backup/docs.tar.gz": tar_bytes({"a/staff.csv": CSV, "../evil.txt": b"x\n"}),
        "backup/docs.tgz": tar_bytes({"note.txt": b"hello\n"}),
        "backup/docs.7z": sevenzip_bytes({"note.txt": b"hello\n", "b/staff.csv": CSV}),
        "backup/mails.zip": zip_bytes(
            {"saved/hr.eml": email_bytes("ใน zip\n", (("x.csv", CSV, "text/csv"),))}
        ),
    }
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def _connector(root: Path) -> FilesConnector:
    connector = FilesConnector("share", root, seed=1)
    connector.open()
    return connector


def test_dataset_names(share: Path) -> None:
    connector = _connector(share)
    assert connector.list_datasets() == [
        "backup/docs.7z/b/staff.csv",
        "backup/docs.7z/note.txt",
        "backup/docs.tar.gz/a/staff.csv",
        "backup/docs.tgz/note.txt",
        "backup/mails.zip/saved/hr.eml",
        "backup/mails.zip/saved/hr.eml/x.csv",
        "mail/hr.eml",
        "mail/hr.eml/fwd.eml",
        "mail/hr.eml/fwd.eml/list.csv",
        "mail/hr.eml/staff.csv",
        "mail/hr.eml/บัตรประชาชน.png",
        "mail/hr.msg",
        "mail/hr.msg/staff.csv",
    ]
    assert dict(connector.skipped) == {
        "backup/docs.tar.gz/../evil.txt": "unsafe member path (absolute or leaving the archive)"
    }


def test_a_message_beside_its_attachments(share: Path) -> None:
    connector = _connector(share)
    connector.list_datasets()
    body = connector.describe("mail/hr.eml")
    assert body.kind == "file" and [c.name for c in body.columns] == ["content"]
    values = connector.sample(body, 100).columns[0].values
    assert values[0] == "From: สมชาย ใจดี <somchai@example.co.th>"
    assert f"เลขประจำตัวประชาชน {NATIONAL_ID}" in values
    table = connector.describe("mail/hr.eml/staff.csv")
    assert [c.name for c in table.columns] == ["name", "phone"]
    assert connector.sample(table, 10).columns[1].values == ("0812345678",)
    forwarded = connector.sample(connector.describe("mail/hr.eml/fwd.eml"), 10).columns[0].values
    assert "Subject: Fwd" in forwarded and "ส่งต่อ" in forwarded
    msg = connector.sample(connector.describe("mail/hr.msg"), 10).columns[0].values
    assert msg == ("Subject: สำเนา", "ภาษาไทย")
    assert connector.truncated("mail/hr.eml") == ()
    assert connector.truncated("mail/hr.eml/staff.csv") == ()
    with pytest.raises(DatasetError, match="not found"):
        connector.describe("mail/hr.eml/nope.csv")


def test_a_cut_message_says_so(share: Path) -> None:
    connector = _connector(share)
    connector.limits = ReadLimits(max_rows=3)
    connector.list_datasets()
    assert connector.truncated("mail/hr.eml") == ("first 3 rows kept (limit 3)",)
    assert connector.describe("mail/hr.eml").row_count == 3


def test_an_attached_id_card_is_read_by_ocr(share: Path) -> None:
    connector = _connector(share)
    connector.list_datasets()
    card = connector.describe("mail/hr.eml/บัตรประชาชน.png")
    lines = connector.sample(card, 100).columns[0].values
    text = " ".join(str(line) for line in lines)
    assert NATIONAL_ID in text.replace(" ", "")
    assert "สมชาย" in text
