"""Tests of the security team's access report (access.html, access.csv, access.xlsx)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from connectors.model import HeldPrivilege, Principal
from reports import write_reports
from reports.formats.access_report import (
    ACCESS_COLUMNS,
    access_headers,
    build_workbook,
    render_html,
    to_csv_text,
    write_access_reports,
)
from scanners.checks.access.review import review_access
from scanners.model.access import ApprovedGrant
from scanners.model.result import AccessReview, ScanInfo, ScanResult

EVIL_PRINCIPAL = "<script>alert('x')</script>"
EVIL_DATASET = "hr.<b>pay</b>"
INJECTION = "=cmd|' /C calc'!A0"
TODAY = date(2025, 8, 1)


@pytest.fixture
def reviews() -> list[AccessReview]:
    principals = [
        Principal("app_login", "user"),
        Principal("PUBLIC", "public"),
        Principal(EVIL_PRINCIPAL, "user"),
        Principal(INJECTION, "user"),
    ]
    held = [
        HeldPrivilege("hr.employees", "app_login", "SELECT", "direct"),
        HeldPrivilege("hr.employees", "app_login", "UPDATE", "role hr_rw"),
        HeldPrivilege("hr.employees", "PUBLIC", "SELECT", "direct"),
        HeldPrivilege(EVIL_DATASET, EVIL_PRINCIPAL, "SELECT", "direct", ("salary",)),
        HeldPrivilege(EVIL_DATASET, INJECTION, "DELETE", "direct"),
    ]
    personal = {
        "hr.employees": frozenset({"PERSON", "EMAIL_ADDRESS"}),
        EVIL_DATASET: frozenset({"BANK_ACCOUNT"}),
    }
    grants = [
        ApprovedGrant(
            "hr",
            "hr.employees",
            "app_login",
            ("SELECT",),
            "owner@example.co.th",
            date(2025, 1, 10),
            "6m",
            "access_list.toml:3",
        ),
    ]
    hr = review_access("hr", principals, held, personal, grants, TODAY)
    files = review_access(
        "share",
        [Principal("everyone", "public")],
        [HeldPrivilege("pay/slip.pdf", "everyone", "READ", "direct")],
        {"pay/slip.pdf": frozenset({"PERSON"})},
        grants,
        TODAY,
    )
    return [files, hr]


def test_writes_every_format_atomically(reviews: list[AccessReview], tmp_path: Path) -> None:
    out = tmp_path / "out"
    paths = write_access_reports(reviews, out, ["json", "html", "csv", "xlsx", "csv"], "en")
    assert [p.name for p in paths] == ["access.html", "access.csv", "access.xlsx"]
    assert all(p.stat().st_size > 0 for p in paths)
    assert sorted(p.name for p in out.iterdir()) == ["access.csv", "access.html", "access.xlsx"]


def test_unknown_format_or_language_writes_nothing(
    reviews: list[AccessReview], tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match="pdf"):
        write_access_reports(reviews, tmp_path / "a", ["html", "pdf"], "en")
    with pytest.raises(ValueError):
        write_access_reports(reviews, tmp_path / "b", ["html"], "fr")
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_html_escapes_everything(reviews: list[AccessReview]) -> None:
    page = render_html(reviews, "en")
    assert EVIL_PRINCIPAL not in page and "<b>pay</b>" not in page
    assert "&lt;script&gt;" in page and "hr.&lt;b&gt;pay&lt;/b&gt;" in page
    assert "<script" not in page.lower()


def test_html_content_and_overdue(reviews: list[AccessReview]) -> None:
    page = render_html(reviews, "en")
    assert "Access review of personal data" in page
    for text in (
        "hr / hr.employees",
        "share / pay/slip.pdf",
        "through role hr_rw",
        "SELECT: directly",
        "2025-01-10",
        "2025-07-10",
        "ACCESS_PUBLIC",
        "ACCESS_EXCESSIVE",
        "ACCESS_REVIEW_OVERDUE",
        "SELECT (salary)",
    ):
        assert text in page
    assert page.count('class="overdue"') == 1  # only app_login's covering grant is overdue
    assert 'class="public"' in page and 'class="unapproved"' in page and 'class="excessive"' in page


def test_html_thai(reviews: list[AccessReview]) -> None:
    page = render_html(reviews, "th")
    assert '<html lang="th">' in page
    assert "ผ่านบทบาท hr_rw" in page and "เลยกำหนดทบทวน" in page


def test_csv_rows_and_formula_guard(reviews: list[AccessReview], tmp_path: Path) -> None:
    (path,) = write_access_reports(reviews, tmp_path, ["csv"], "en")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == list(ACCESS_COLUMNS)
    assert len(rows) == sum(len(r.rows) for r in reviews) == 5
    by_principal = {r["principal"]: r for r in rows}
    app = by_principal["app_login"]
    assert (app["approved"], app["extra"], app["overdue"], app["review_due"]) == (
        "yes",
        "UPDATE",
        "yes",
        "2025-07-10",
    )
    assert app["how_held"] == "SELECT: directly;UPDATE: through role hr_rw"
    assert "'" + INJECTION in by_principal
    assert INJECTION not in by_principal
    assert all(not value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values())
    assert by_principal[EVIL_PRINCIPAL]["columns"] == "SELECT(salary)"


def test_csv_text_without_file(reviews: list[AccessReview]) -> None:
    assert to_csv_text([], "en").splitlines() == [",".join(ACCESS_COLUMNS)]
    thai = to_csv_text(reviews, "th")
    assert "everyone" in thai
    assert thai.splitlines()[0] == ",".join(access_headers("th"))
    assert thai.splitlines()[0].startswith("แหล่งข้อมูล,ชุดข้อมูล,ประเภทข้อมูลส่วนบุคคล")


def test_xlsx_sheets_and_guard(reviews: list[AccessReview], tmp_path: Path) -> None:
    (path,) = write_access_reports(reviews, tmp_path, ["xlsx"], "en")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Access", "Findings"]
    access = list(book["Access"].iter_rows(values_only=True))
    assert access[0] == ACCESS_COLUMNS
    assert len(access) == 6
    principals = [row[3] for row in access[1:]]
    assert "'" + INJECTION in principals
    findings = list(book["Findings"].iter_rows(values_only=True))
    assert len(findings) - 1 == sum(len(r.findings) for r in reviews)
    thai = build_workbook(reviews, "th")
    assert thai.sheetnames == ["สิทธิ์การเข้าถึง", "ประเด็นที่ตรวจพบ"]
    header = next(thai["สิทธิ์การเข้าถึง"].iter_rows(values_only=True))
    assert list(header) == access_headers("th") and "ผู้ใช้/บทบาท" in header


def test_empty_reviews_still_render(tmp_path: Path) -> None:
    paths = write_access_reports(
        [AccessReview(source="hr")], tmp_path, ["html", "csv", "xlsx"], "th"
    )
    assert len(paths) == 3
    assert "ไม่พบผู้ใดมีสิทธิ์" in paths[0].read_text(encoding="utf-8")


# --- the access report inside the one report set --------------------------------------------


def _result_with(reviews: list[AccessReview]) -> ScanResult:
    scan = ScanInfo("20250801T000000Z-00000000", "2025-08-01T00:00:00+00:00", "", "0.1.0")
    return ScanResult(scan, access_reviews=tuple(reviews))


def test_write_reports_writes_the_access_report_in_the_same_set(
    reviews: list[AccessReview], tmp_path: Path
) -> None:
    paths = write_reports(
        _result_with(reviews),
        tmp_path,
        ["json", "html"],
        "en",
        access_formats=["json", "html", "csv"],
    )
    assert [p.name for p in paths] == ["findings.json", "report.html", "access.html", "access.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)
    no_reviews = write_reports(
        _result_with([]), tmp_path / "none", ["json"], "en", access_formats=["html"]
    )
    assert [p.name for p in no_reviews] == ["findings.json"]


def test_a_failed_access_file_leaves_every_previous_report_as_it_was(
    reviews: list[AccessReview], tmp_path: Path
) -> None:
    """Findings and access files are one set: the last file failing writes none of them."""
    previous = {"findings.json": "old scan", "report.html": "old page", "access.html": "old access"}
    for name, text in previous.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (
        tmp_path / ".access.xlsx.new.tmp"
    ).mkdir()  # where the workbook is staged: it cannot be written
    with pytest.raises(OSError):
        write_reports(
            _result_with(reviews), tmp_path, ["json", "html"], "en", access_formats=["html", "xlsx"]
        )
    kept = {p.name: p for p in tmp_path.iterdir()}
    assert sorted(kept) == sorted([*previous, ".access.xlsx.new.tmp"])  # nothing staged is left
    assert {name: kept[name].read_text(encoding="utf-8") for name in previous} == previous
