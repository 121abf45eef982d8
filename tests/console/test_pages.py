"""What the pages show: Thai and English, the dashboard's numbers, filters and paging."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

from starlette.testclient import TestClient

from agent.state.records import iso_utc
from agent.state.tables import FINDINGS
from tests.console.conftest import Org


def test_thai_and_english_labels_on_the_dashboard(
    client_for: Callable[[str | None], TestClient],
) -> None:
    client = client_for("dpo")
    english = client.get("/").text  # the config's reports.language is "en"
    assert '<html lang="en">' in english
    assert "Open findings by severity" in english and ">Critical<" in english
    assert "Retention not defined" in english
    thai = client.get("/?lang=th").text
    assert '<html lang="th">' in thai
    assert "ประเด็นที่ยังเปิดอยู่ ตามระดับความรุนแรง" in thai and ">วิกฤต<" in thai
    assert "ภาพรวม" in thai and "ออกจากระบบ" in thai
    assert '<html lang="th">' in client.get("/findings").text  # remembered in a cookie
    assert '<html lang="en">' in client.get("/inventory?lang=en").text
    assert '<html lang="en">' in client.get("/access").text


def _numbers(html: str, chart: str) -> dict[str, int]:
    figure = html.split(f'id="{chart}"', 1)[1].split("</figure>", 1)[0]
    rows = re.findall(r'data-key="([^"]*)">.*?class="value"[^>]*>(\d+)<', figure, re.DOTALL)
    return {key: int(value) for key, value in rows}


def test_the_dashboard_counts_open_findings_and_the_trend(
    org: Org, client_for: Callable[[str | None], TestClient]
) -> None:
    with org.store() as store:
        records = store.findings(status="open")
    html = client_for("dpo").get("/").text
    by_severity = _numbers(html, "chart-severity")
    assert sum(by_severity.values()) == len(records)
    assert by_severity["critical"] == sum(1 for r in records if r.severity == "critical")
    assert _numbers(html, "chart-owner") == {
        "a@example.co.th": sum(1 for r in records if r.owner == "a@example.co.th"),
        "b@example.co.th": sum(1 for r in records if r.owner == "b@example.co.th"),
    }
    assert f'id="open-total">{len(records)}<' in html
    assert html.count('class="scan"') == 1  # one scan in the trend
    mine = client_for("alice").get("/").text
    assert set(_numbers(mine, "chart-owner")) == {"a@example.co.th"}
    assert mine.count('class="scan"') == 1
    theirs = sum(1 for r in records if r.owner == "a@example.co.th")
    assert f'id="open-total">{theirs}<' in mine


def test_filters_and_paging(org: Org, client_for: Callable[[str | None], TestClient]) -> None:
    now = iso_utc(datetime.now(UTC))
    with org.store() as store, store.engine.begin() as conn:
        conn.execute(
            FINDINGS.insert(),
            [
                {
                    "id": f"extra-{i:04d}",
                    "type": "RETENTION_UNDEFINED",
                    "severity": "low",
                    "source": "org",
                    "dataset": f"main.extra_{i:04d}",
                    "columns": f'["note_{i}"]',
                    "owner": "a@example.co.th",
                    "privileges": "[]",
                    "law": "PDPA s.37(3)",
                    "message_th": "ข้อความ",
                    "message_en": "message",
                    "first_seen_scan": "s",
                    "first_seen_at": now,
                    "last_seen_scan": "s",
                    "last_seen_at": now,
                    "status": "open" if i % 2 else "resolved",
                }
                for i in range(250)
            ],
        )
    dpo = client_for("dpo")
    page = dpo.get("/findings?status=all&severity=low&source=org").text
    assert 'id="findings-total">250<' in page and 'id="page-count">3<' in page
    assert page.count('class="finding"') == 100
    assert 'id="page-next"' in page and 'id="page-previous"' not in page
    last = dpo.get("/findings?status=all&severity=low&source=org&page=3").text
    assert last.count('class="finding"') == 50
    assert 'id="page-previous"' in last and 'id="page-next"' not in last
    assert 'href="?status=all&amp;severity=low&amp;source=org&amp;page=2"' in last
    resolved = dpo.get("/findings?status=resolved&q=extra_000").text
    assert 'id="findings-total">5<' in resolved  # extra_0000, 0002, 0004, 0006, 0008
    by_column = dpo.get("/findings?status=all&q=NOTE_12").text  # columns, any case
    assert 'id="findings-total">11<' in by_column  # note_12, note_120 … note_129
    wildcard = dpo.get("/findings?status=all&q=%25").text  # % is a character, not a wildcard
    assert 'id="findings-total">0<' in wildcard
    owner = dpo.get("/findings?owner=a%40example.co.th&type=RETENTION_UNDEFINED").text
    assert 'id="findings-total">126<' in owner  # 125 extra open ones and main.customers'
    assert 'id="findings-total">0<' in client_for("bob").get("/findings?q=extra").text
