"""A real ``pdpa-agent scan`` of an organisation whose retention clocks are in the Buddhist era.

Three staff tables (B.E. DATE, ``dd/mm/25xx`` and Thai month clocks) on each
backend in turn: ``findings.json`` must report exactly the counts SQL gives
over the converted dates, name the calendar in English and Thai, and report
the values that are not dates as SCAN_ERRORs (exit code 3), not drop them.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import MetaData, create_engine, func, select
from sqlalchemy.engine import URL

from agent.cli import main
from scanners.dates.retention import cutoff
from tests.connectors.sql.buddhist_era.staff_clocks import UNREADABLE, staff_rows, staff_table

#: Tables of the organisation scanned end to end, each with its clock.
SCANNED = {"leavers_dmy": "dmy_be", "leavers_be_date": "be_date", "leavers_thai": "thai_month"}


def test_full_scan_counts_match_sql_over_converted_dates(
    empty_database_url: URL | str, tmp_path: Path
) -> None:
    """``pdpa-agent scan`` of an organisation whose clocks are B.E. (DATE and text)."""
    engine = create_engine(empty_database_url)
    metadata = MetaData()
    tables = {name: staff_table(metadata, name) for name in SCANNED}
    metadata.create_all(engine)
    rows = staff_rows()
    with engine.begin() as conn:
        for table in tables.values():
            conn.execute(table.insert(), rows)
        table = tables["leavers_dmy"]
        scan_cutoff = cutoff(date.today(), "10y")  # the scan counts from today
        expected = conn.execute(
            select(func.count()).select_from(table).where(table.c.true_ce < scan_cutoff)
        ).scalar_one()
    engine.dispose()
    url = (
        empty_database_url.render_as_string(hide_password=False)
        if isinstance(empty_database_url, URL)
        else empty_database_url
    )
    entries = "".join(
        f'[[datasets]]\nid = "HR-{i}"\nsource = "hr"\nmatch = "*.{name}"\n'
        f'legal_basis = "contract"\nowner = "hr@example.co.th"\nretention = "10y"\n'
        f'clock_column = "{clock}"\nallowed_pii = ["PERSON"]\n\n'
        for i, (name, clock) in enumerate(SCANNED.items())
    )
    (tmp_path / "register.toml").write_text(entries, encoding="utf-8")
    (tmp_path / "pdpa-agent.toml").write_text(
        f'[agent]\nstate = "sqlite:///state.db"\nworkers = 1\n\n'
        f'[[sources]]\nname = "hr"\nkind = "database"\nurl = "{url}"\n'
        f'include = ["*.leavers_*"]\n\n[register]\npath = "register.toml"\n',
        encoding="utf-8",
    )
    code = main(["scan", "-c", str(tmp_path / "pdpa-agent.toml"), "--out", str(tmp_path / "out")])
    assert code == 3  # the unreadable text clocks are SCAN_ERRORs: reported, not dropped
    report = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    expired = {
        f["dataset"].rsplit(".", 1)[1]: f
        for f in report["findings"]
        if f["type"] == "RETENTION_EXPIRED"
    }
    assert {name: f["count"] for name, f in expired.items()} == dict.fromkeys(SCANNED, expected)
    assert "Buddhist-era" in expired["leavers_dmy"]["message"]["en"]
    assert "ปี พ.ศ." in expired["leavers_thai"]["message"]["th"]
    unreadable = [
        f for f in report["findings"] if f["type"] == "SCAN_ERROR" and f["count"] is not None
    ]
    assert sorted(f["dataset"].rsplit(".", 1)[1] for f in unreadable) == [
        "leavers_dmy",
        "leavers_thai",
    ]
    assert all(f["count"] == len(UNREADABLE) for f in unreadable)
