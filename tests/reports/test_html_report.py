"""The HTML report: everything escaped, self-contained, in the chosen language.

A hostile dataset name and a Thai message holding HTML come out as text,
never markup; the page loads nothing from outside (no links, images or
URLs), shows the scan, findings, masked evidence and Bangkok B.E. times,
and an empty scan still renders. Its layout in a real browser is
tests/reports/test_report_layout.py.
"""

from __future__ import annotations

from pathlib import Path

from reports import write_reports
from reports.formats.html_report import render_html
from reports.text import labels
from scanners.model.result import ScanInfo, ScanResult


def test_html_escapes_everything(result: ScanResult, tmp_path: Path) -> None:
    (path,) = write_reports(result, tmp_path, ["html"])
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="th">' in page
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "ชุดข้อมูล &lt;b&gt;พนักงาน&lt;/b&gt; มีข้อมูลส่วนบุคคล &amp; ไม่ตรงกับทะเบียน" in page
    assert "<b>พนักงาน</b>" not in page


def test_html_content(result: ScanResult) -> None:
    page = render_html(result, "th")
    assert "Noto Sans Thai" in page
    assert "scan-1" in page
    assert "1 พ.ค. 2567 08:00 น." in page  # 01:00 UTC in Bangkok, B.E. year
    assert labels.finding_type_name("PII_UNREGISTERED", "th") in page
    assert labels.severity_name("critical", "th") in page
    assert "<code>REVOKE SELECT, UPDATE ON &#34;public&#34;.&#34;พนักงาน&#34; FROM PUBLIC" in page
    assert "connection refused" in page
    assert "1-1037-xxxxx-xx-1" in page  # masked evidence
    assert "0.98" in page and "97%" in page
    assert "http://" not in page and "https://" not in page
    assert "<link" not in page and "<img" not in page


def test_html_language(result: ScanResult) -> None:
    page = render_html(result, "en")
    assert '<html lang="en">' in page
    assert "Dataset holds personal data but is not registered" in page
    assert "ชุดข้อมูล &lt;b&gt;" not in page
    assert labels.ui("en")["title"] in page


def test_html_empty_result() -> None:
    empty = ScanResult(scan=ScanInfo("s", "a", "b", "v"))
    page = render_html(empty, "en")
    assert labels.ui("en")["no_findings"] in page
    assert labels.ui("en")["no_datasets"] in page
