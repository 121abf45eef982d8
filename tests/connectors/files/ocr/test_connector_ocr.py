"""FilesConnector and OCR: nothing read while listing, read once on use, bounds made visible."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from connectors.errors import DatasetError
from connectors.files.connector import FilesConnector
from connectors.files.readers.ocr.engine import pages_read
from connectors.files.readers.ocr.settings import OcrSettings
from tests.connectors.files.ocr.samples import EMAIL, PHONE, fixture


def _bundle() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("pics/contact.png", fixture("contact.png"))
        archive.writestr("docs/scan.pdf", fixture("scanned.pdf"))
        archive.writestr("pics/cut.png", fixture("contact.png")[:3000])
    return buffer.getvalue()


@pytest.fixture
def share(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    files = {
        "contact.png": fixture("contact.png"),
        "photo.jpg": fixture("contact.jpg"),
        "scan.pdf": fixture("scanned.pdf"),
        "bundle.zip": _bundle(),
        "broken.png": fixture("contact.png")[:3000],
        "notes.txt": "ไม่มีอะไร\n".encode(),
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    return root


def _open(root: Path, **ocr: object) -> FilesConnector:
    connector = FilesConnector("share", root, seed=1, ocr=OcrSettings(**ocr))  # type: ignore[arg-type]
    connector.open()
    return connector


def test_listing_does_no_ocr_and_use_does_it_once(share: Path) -> None:
    connector = _open(share)
    before = pages_read()
    assert connector.list_datasets() == [
        "broken.png",
        "bundle.zip/docs/scan.pdf",
        "bundle.zip/pics/contact.png",
        "bundle.zip/pics/cut.png",
        "contact.png",
        "notes.txt",
        "photo.jpg",
        "scan.pdf",
    ]
    assert connector.skipped == []
    assert pages_read() == before  # the ZIP's pictures and both PDFs were only opened
    info = connector.describe("bundle.zip/pics/contact.png")
    assert info.kind == "file" and info.row_count == 4 and info.columns[0].free_text
    assert pages_read() == before + 1
    sample = connector.sample(info, 100)
    assert f"โทร {PHONE}" in sample.columns[0].values
    assert connector.truncated("bundle.zip/pics/contact.png") == ()
    assert pages_read() == before + 1  # what OCR read is cached with the file's content
    scan = connector.sample(connector.describe("bundle.zip/docs/scan.pdf"), 100)
    assert scan.columns[0].values[0] == "สำเนาหน้า 1 Scanned page 1"
    assert pages_read() == before + 4


def test_a_corrupt_picture_is_a_dataset_error_with_a_reason(share: Path) -> None:
    connector = _open(share)
    connector.list_datasets()
    for name in ("broken.png", "bundle.zip/pics/cut.png"):
        with pytest.raises(DatasetError, match=r": corrupt or truncated image$"):
            connector.describe(name)


def test_ocr_disabled_lists_pictures_and_scans_as_skipped(share: Path) -> None:
    connector = _open(share, enabled=False)
    before = pages_read()
    assert connector.list_datasets() == ["notes.txt"]
    assert dict(connector.skipped) == {
        "broken.png": "OCR disabled",
        "bundle.zip/docs/scan.pdf": "no text layer (scanned image; OCR disabled)",
        "bundle.zip/pics/contact.png": "OCR disabled",
        "bundle.zip/pics/cut.png": "OCR disabled",
        "contact.png": "OCR disabled",
        "photo.jpg": "OCR disabled",
        "scan.pdf": "no text layer (scanned image; OCR disabled)",
    }
    assert pages_read() == before


def test_a_missing_language_lists_pictures_as_skipped(share: Path) -> None:
    connector = _open(share, languages="tha+xyz")
    connector.list_datasets()
    reason = "OCR unavailable (Tesseract language xyz not installed)"
    assert dict(connector.skipped)["photo.jpg"] == reason
    assert dict(connector.skipped)["bundle.zip/pics/contact.png"] == reason


def test_the_scan_budget_is_the_connectors_and_its_cut_is_a_truncation(share: Path) -> None:
    connector = _open(share, max_pages_per_scan=1)
    connector.list_datasets()
    assert connector.describe("contact.png").row_count == 4
    assert connector.truncated("contact.png") == ()
    photo = connector.describe("photo.jpg")
    assert photo.row_count == 0
    assert connector.truncated("photo.jpg") == (
        "OCR cut: the scan's OCR budget of 1 pages (ocr_max_pages_per_scan) was used up, "
        "1 image(s) not read",
    )
    assert connector.limits.ocr_budget.used == 1


def test_the_page_limit_of_a_scanned_pdf_is_a_truncation(share: Path) -> None:
    connector = _open(share, max_pages_per_file=2)
    connector.list_datasets()
    assert connector.describe("scan.pdf").row_count == 2
    assert connector.truncated("scan.pdf") == (
        "OCR cut at 2 pages per file (ocr_max_pages_per_file): 1 more page(s) not read",
    )
    # In a ZIP the member's OCR note is kept beside the archive's own notes.
    assert connector.truncated("bundle.zip/docs/scan.pdf") == connector.truncated("scan.pdf")


def test_an_email_on_a_picture_is_a_value_of_the_content_column(share: Path) -> None:
    connector = _open(share)
    connector.list_datasets()
    values = connector.sample(connector.describe("photo.jpg"), 100).columns[0].values
    assert f"อีเมล {EMAIL}" in values
