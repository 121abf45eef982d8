"""The real detection engine over mail and archives read by FilesConnector: a Thai national ID,
an e-mail address and a phone number found in an .eml, a .msg, a .tar.gz and a .7z."""

from __future__ import annotations

from pathlib import Path

from connectors.files.connector import FilesConnector
from scanners.classification.classify import classify_dataset
from scanners.detection.engine import DetectionEngine
from scanners.pii_types import PiiType
from tests.connectors.files.archives.msg_builder import Attachment, Msg, msg_bytes
from tests.connectors.files.archives.samples import (
    NATIONAL_ID,
    email_bytes,
    sevenzip_bytes,
    tar_bytes,
)

LETTER = (
    "เรียน ฝ่ายบุคคล\n"
    f"ขอส่งสำเนาบัตร เลขประจำตัวประชาชน {NATIONAL_ID}\n"
    "ติดต่อกลับที่อีเมล somying.rakthai@example.co.th\n"
    "หรือโทร 081-234-5678\n"
)
WANTED = {PiiType.TH_NATIONAL_ID, PiiType.EMAIL_ADDRESS, PiiType.PHONE_NUMBER}


def test_types_found_in_every_container(tmp_path: Path, detection_engine: DetectionEngine) -> None:
    files = {
        "mail.eml": email_bytes(LETTER),
        "mail.msg": msg_bytes(Msg(subject="สำเนาบัตร", body=LETTER.replace("\n", "\r\n"))),
        "backup.tar.gz": tar_bytes({"letters/letter.txt": LETTER.encode()}),
        "backup.7z": sevenzip_bytes({"letters/letter.txt": LETTER.encode()}),
        "attached.eml": email_bytes("ดูไฟล์แนบ\n", (("letter.txt", LETTER.encode(), "text/plain"),)),
        "attached.msg": msg_bytes(
            Msg(subject="แนบ", attachments=(Attachment("letter.txt", LETTER.encode()),))
        ),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    connector = FilesConnector("share", tmp_path, seed=1)
    connector.open()
    found: dict[str, set[str]] = {}
    try:
        for name in connector.list_datasets():
            results = classify_dataset(
                connector.sample(connector.describe(name), 1000), detection_engine
            )
            found[name] = {match.type for column in results for match in column.pii}
    finally:
        connector.close()
    for name in (
        "mail.eml",
        "mail.msg",
        "backup.tar.gz/letters/letter.txt",
        "backup.7z/letters/letter.txt",
        "attached.eml/letter.txt",
        "attached.msg/letter.txt",
    ):
        assert found[name] >= WANTED, (name, found[name])
    assert not found["attached.eml"] & {PiiType.TH_NATIONAL_ID, PiiType.PHONE_NUMBER}
