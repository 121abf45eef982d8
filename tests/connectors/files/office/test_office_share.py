"""A share holding every office format: dataset names, skip reasons, and the real detection
engine finding a Thai national ID, an e-mail address and a phone number in each format."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from connectors.errors import DatasetError
from connectors.files.connector import FilesConnector
from scanners.classification.classify import classify_dataset
from scanners.detection.engine import DetectionEngine
from scanners.pii_types import PiiType
from tests.connectors.files.office.samples import FIXTURES, OFFICE, fixture

#: Files whose extension lies, beside the fixtures.
TRAPS = {
    "workbook.doc": fixture("book.xls"),
    "notes.doc": "สมชาย 081-234-5678\n".encode(),
    "deck.xls": fixture("slides.pptx"),
    "letter_as.pptx": fixture("slides.ppt"),
}
DATASETS = [
    "book.ods#Hidden",
    "book.ods#พนักงาน",
    "book.ods#ไม่มีหัว",
    "book.xls#Hidden",
    "book.xls#พนักงาน",
    "book.xls#ไม่มีหัว",
    "encrypted.doc",
    "encrypted.odt",
    "encrypted.ppt",
    "encrypted.pptx",
    "letter.doc",
    "letter.odt",
    "letter.rtf",
    "letter_as.pptx",
    "notes.doc",
    "slides.ppt",
    "slides.pptx",
    "thai_cp874.rtf",
    "thai_unicode.rtf",
    "workbook.doc",
]
#: Formats read at listing (sheets) are skipped there; the others when first read.
SKIPPED_AT_LISTING = [
    ("book.ods#Empty", "empty sheet"),
    ("book.xls#Empty", "empty sheet"),
    ("deck.xls", "not an Excel 97-2003 workbook: a PowerPoint presentation (PPTX)"),
    ("encrypted.ods", "encrypted (password-protected) document"),
    ("encrypted.xls", "encrypted (password-protected) workbook"),
]
SKIPPED_WHEN_READ = {
    "encrypted.doc": "encrypted (password-protected) Word document",
    "encrypted.odt": "encrypted (password-protected) document",
    "encrypted.ppt": "encrypted (password-protected) PowerPoint presentation",
    "encrypted.pptx": "encrypted (password-protected) presentation",
    "letter_as.pptx": "not a PowerPoint presentation (PPTX): a PowerPoint 97-2003 presentation",
    "notes.doc": "not a Word 97-2003 document: plain text",
    "workbook.doc": "not a Word 97-2003 document: an Excel 97-2003 workbook",
}


@pytest.fixture
def share(tmp_path: Path) -> FilesConnector:
    root = tmp_path / "share"
    shutil.copytree(OFFICE, root)
    for name, data in TRAPS.items():
        (root / name).write_bytes(data)
    connector = FilesConnector("share", root)
    connector.open()
    return connector


def test_fixtures_are_all_there() -> None:
    assert {name.rsplit(".", 1)[-1] for name in FIXTURES} == {
        "doc",
        "xls",
        "ppt",
        "pptx",
        "odt",
        "ods",
        "rtf",
    }


def test_dataset_names_and_skip_reasons(share: FilesConnector) -> None:
    assert share.list_datasets() == DATASETS
    assert sorted(share.skipped) == SKIPPED_AT_LISTING
    for name, reason in SKIPPED_WHEN_READ.items():
        with pytest.raises(DatasetError) as refused:
            share.describe(name)
        assert str(refused.value) == f"{name}: {reason}"


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        ("letter.doc", 14),
        ("book.xls#พนักงาน", 2),
        ("slides.ppt", 12),
        ("slides.pptx", 12),
        ("letter.odt", 14),
        ("book.ods#พนักงาน", 2),
        ("letter.rtf", 14),
        ("thai_unicode.rtf", 5),
        ("thai_cp874.rtf", 4),
    ],
)
def test_detection_finds_national_id_email_and_phone_in_every_format(
    share: FilesConnector, detection_engine: DetectionEngine, name: str, rows: int
) -> None:
    info = share.describe(name)
    assert (info.row_count, info.row_count_exact) == (rows, True)
    columns = classify_dataset(share.sample(info, 1000), detection_engine)
    found = {match.type for column in columns for match in column.pii}
    wanted = {PiiType.TH_NATIONAL_ID, PiiType.EMAIL_ADDRESS, PiiType.PHONE_NUMBER}
    assert wanted <= found, sorted(found)
