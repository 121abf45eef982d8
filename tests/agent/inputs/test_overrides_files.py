"""Classification overrides beyond one scan: the file cache, workers, `subject` and `check-config`.

Real files and a real SQLite state store: a cached file classification is
overridden on every scan (the cache keeps what detection gave, so editing
the overrides file takes effect without reading the file again); Celery
workers rebuild their rules when the overrides change; ``subject`` does
not search a column decided to hold no personal data; a broken overrides
file stops every command with ``file:line`` and exit code 2.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from agent.cli import main
from agent.inputs.config_loader import load_config
from agent.inputs.user_files import load_grants_for, load_overrides_for, load_register_for
from agent.scan.executors.celery_worker import WorkerState
from agent.scan.file_cache import FILE_CACHE, FileCache
from agent.scan.plan_digest import plan_digest
from agent.scan.runner import ScanPlan, run_scan
from agent.scan.work import ScanContext
from scanners.detection.engine import DetectionEngine
from scanners.model.result import ColumnResult, ScanResult

MARKER = "from the cache"
TODAY = date(2026, 12, 10)


def decision(dataset: str, column: str, types: str) -> str:
    return (
        f'[[overrides]]\nsource = "share"\ndataset = "{dataset}"\ncolumn = "{column}"\n'
        f'types = {types}\nreason = "test addresses of the QA team"\n'
        'decided_by = "dpo@example.co.th"\ndecided_at = 2026-12-04\n'
    )


def share_config(folder: Path) -> Path:
    share = folder / "share"
    share.mkdir()
    (share / "leads.csv").write_text(
        "email\n" + "\n".join(f"u{i}@example.co.th" for i in range(20)), encoding="utf-8"
    )
    config = folder / "pdpa-agent.toml"
    config.write_text(
        '[agent]\nworkers = 1\n\n[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n\n'
        '[classification]\noverrides = "overrides.toml"\n',
        encoding="utf-8",
    )
    return config


def scan(config: Path, cache: FileCache, engine: DetectionEngine) -> ScanResult:
    loaded = load_config(config)
    plan = ScanPlan(
        loaded,
        tuple(loaded.config.sources),
        file_cache=cache,
        overrides=load_overrides_for(loaded),
    )
    return run_scan(plan, engine)


def email(result: ScanResult) -> ColumnResult:
    (dataset,) = result.datasets
    (column,) = dataset.columns
    return column


def stored_types(cache: FileCache) -> list[list[str]]:
    with cache.engine.connect() as conn:
        row = conn.execute(FILE_CACHE.select()).mappings().one()
    columns = json.loads(row["columns"])
    assert all("override" not in column for column in columns)
    return [[m["type"] for m in column["pii"]] for column in columns]


def test_overrides_apply_to_cached_files_and_edits_take_effect_next_scan(
    tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    config = share_config(tmp_path)
    overrides = tmp_path / "overrides.toml"
    overrides.write_text(decision("leads.csv", "phone", "[]"), encoding="utf-8")
    cache = FileCache(f"sqlite:///{tmp_path / 'state.db'}")
    try:
        first = scan(config, cache, detection_engine)
        assert [m.type for m in email(first).pii] == ["EMAIL_ADDRESS"]
        assert email(first).override is None
        with cache.engine.begin() as conn:  # mark the stored row: a re-read would lose the mark
            row = conn.execute(FILE_CACHE.select()).mappings().one()
            columns = json.loads(row["columns"])
            columns[0]["reasons"] = [MARKER]
            conn.execute(FILE_CACHE.update().values(columns=json.dumps(columns)))

        overrides.write_text(decision("leads.csv", "email", "[]"), encoding="utf-8")
        second = scan(config, cache, detection_engine)
        column = email(second)
        assert column.reasons == (MARKER,)  # from the cache, not read again
        assert column.pii == () and column.override is not None
        assert [m.type for m in column.override.detected] == ["EMAIL_ADDRESS"]
        assert second.datasets[0].pii_types == frozenset()
        assert not any(f.type == "PII_UNREGISTERED" for f in second.findings)

        overrides.write_text(decision("*.csv", "e*", '["PERSON"]'), encoding="utf-8")
        third = scan(config, cache, detection_engine)
        assert email(third).reasons == (MARKER,)
        assert [m.type for m in email(third).pii] == ["PERSON"]
        assert any(f.type == "PII_UNREGISTERED" for f in third.findings)

        leads = tmp_path / "share" / "leads.csv"  # changed: read again, cached as detected
        leads.write_text(leads.read_text(encoding="utf-8") + "\nu99@example.co.th", "utf-8")
        os.utime(leads, (leads.stat().st_atime, leads.stat().st_mtime + 5))
        fourth = scan(config, cache, detection_engine)
        assert email(fourth).reasons != (MARKER,)
        assert [m.type for m in email(fourth).pii] == ["PERSON"]
        assert stored_types(cache) == [["EMAIL_ADDRESS"]]
    finally:
        cache.close()


def test_celery_workers_use_the_same_overrides_and_reload_edits(
    tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    config = share_config(tmp_path)
    overrides = tmp_path / "overrides.toml"
    overrides.write_text(decision("leads.csv", "email", "[]"), encoding="utf-8")

    def coordinator_digest() -> tuple[str, ScanContext]:
        loaded = load_config(config)
        context = ScanContext(
            loaded,
            load_register_for(loaded),
            (),
            TODAY,
            load_grants_for(loaded),
            load_overrides_for(loaded),
        )
        return plan_digest(context), context

    digest, context = coordinator_digest()
    state = WorkerState(config, load_config(config), detection_engine, "worker@test")
    worker = state.worker_for(TODAY, digest)
    assert worker.context.overrides == context.overrides and len(context.overrides) == 1

    overrides.write_text("\n\n" + decision("leads.csv", "email", "[]"), encoding="utf-8")
    assert coordinator_digest()[0] == digest  # where a decision is written does not count

    overrides.write_text(decision("leads.csv", "email", '["PERSON"]'), encoding="utf-8")
    edited, _ = coordinator_digest()
    assert edited != digest
    rebuilt = state.worker_for(TODAY, edited)
    assert rebuilt.context.overrides[0].types == ("PERSON",)
    state.close()


def contacts_config(folder: Path, overrides: str | None) -> Path:
    db = folder / "contacts.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, email TEXT, note TEXT)")
        conn.executemany(
            "INSERT INTO contacts (email, note) VALUES (?, ?)",
            [(f"person{i}@example.co.th", "call back") for i in range(20)],
        )
    config = folder / "pdpa-agent.toml"
    state = (folder / "state.db").as_posix()
    text = (
        f'[agent]\nstate = "sqlite:///{state}"\n\n'
        f'[[sources]]\nname = "crm"\nkind = "database"\nurl = "sqlite:///{db.as_posix()}"\n'
    )
    if overrides is not None:
        (folder / "overrides.toml").write_text(overrides, encoding="utf-8")
        text += '\n[classification]\noverrides = "overrides.toml"\n'
    config.write_text(text, encoding="utf-8")
    return config


@pytest.mark.parametrize(("types", "found"), [(None, True), ("[]", False), ('["PERSON"]', False)])
def test_subject_does_not_search_a_column_decided_free_of_the_subject_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], types: str | None, found: bool
) -> None:
    rule = None if types is None else decision("main.contacts", "email", types)
    config = contacts_config(tmp_path, rule and rule.replace('"share"', '"crm"'))
    code = main(["-c", str(config), "subject", "person7@example.co.th"])
    out = capsys.readouterr().out
    assert code == 0
    assert ("main.contacts column email: 1 row(s)" in out) is found, out
    assert "person7@example.co.th" not in out


def test_a_broken_overrides_file_stops_every_command_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = decision("main.contacts", "email", '["SHOE_SIZE"]').replace('"share"', '"crm"')
    config = contacts_config(tmp_path, bad + 'colour = "red"\n')
    path = tmp_path / "overrides.toml"
    assert main(["-c", str(config), "check-config"]) == 2
    out = capsys.readouterr().out
    assert f"{path}:5: types.0: " in out and f"{path}:9: colour: unknown key" in out
    for command in (["scan", "--out", str(tmp_path / "r")], ["subject", "a@example.co.th"]):
        assert main(["-c", str(config), *command]) == 2
        captured = capsys.readouterr()
        assert captured.err.startswith(f"pdpa-agent: error: {path}:") and "Traceback" not in (
            captured.out + captured.err
        )
    path.write_text(
        decision("main.contacts", "email", "[]").replace('"share"', '"crm"'), encoding="utf-8"
    )
    assert main(["-c", str(config), "check-config"]) == 0
    assert "1 classification override(s)" in capsys.readouterr().out
