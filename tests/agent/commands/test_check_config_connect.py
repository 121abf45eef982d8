"""``check-config --connect`` (SPEC §3): what only the sources can tell, on SQLite, PostgreSQL
and MariaDB and on a file share.

A correct config passes with exit 0; each trap — a register ``match`` that
matches nothing, a missing ``clock_column`` / ``subject_key`` /
quasi-identifier, a clock that holds no dates, a principal that does not
exist, an override that matches no column, an unreachable source — is found,
named with its file and line, and makes the exit 2. No password is printed.
"""

from __future__ import annotations

import os
import pwd
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Column, Date, Integer, MetaData, String, Table, create_engine, insert
from sqlalchemy.engine import URL, make_url

ME = pwd.getpwuid(os.getuid()).pw_name


@dataclass(frozen=True)
class Org:
    folder: Path
    dataset: str  # the staff table's dataset name on this backend
    principal: str  # a principal that exists on this backend
    url: str


def _staff(url: URL | str) -> None:
    engine = create_engine(url)
    meta = MetaData()
    staff = Table(
        "staff",
        meta,
        Column("id", Integer, primary_key=True, autoincrement=False),
        Column("citizen_id", String(20)),
        Column("left_at", Date),
        Column("left_text", String(40)),
        Column("note", String(40)),
        Column("zip", String(10)),
    )
    meta.create_all(engine)
    rows = [
        {
            "id": i,
            "citizen_id": f"110370000{i:04d}",
            "left_at": date(2020, 1, 1 + i % 28) if i % 3 else None,
            # Thai digits and a Buddhist-era year, as Thai systems write them
            "left_text": ("๑๕/๐๑/๒๕๖๕" if i % 2 else f"2021-03-{1 + i % 28:02d}")
            if i % 4
            else None,
            "note": f"remark {i}",
            "zip": f"10{i % 9}00",
        }
        for i in range(60)
    ]
    with engine.begin() as conn:
        conn.execute(insert(staff), rows)
    engine.dispose()


@pytest.fixture
def org(empty_database_url: URL | str, tmp_path: Path) -> Org:
    """A database with ``staff`` and a share with ``leavers.csv``, and their config folder."""
    _staff(empty_database_url)
    url = make_url(empty_database_url)
    backend = url.get_backend_name()
    schema = {"sqlite": "main", "postgresql": "public"}.get(backend, url.database or "")
    principal = {"sqlite": ME, "postgresql": "postgres"}.get(backend, "root")
    share = tmp_path / "share"
    share.mkdir()
    (share / "leavers.csv").write_text(
        "citizen_id,left_on,comment\n"
        + "".join(f"110370000{i:04d},{1 + i % 28}/02/2566,ok\n" for i in range(30)),
        encoding="utf-8",
    )
    return Org(tmp_path, f"{schema}.staff", principal, url.render_as_string(hide_password=False))


ENTRY = (
    '[[datasets]]\nid = "{id}"\nsource = "{source}"\nmatch = "{match}"\npurpose = "p"\n'
    'legal_basis = "contract"\nowner = "o@example.co.th"\nretention = "5y"\n'
    'clock_column = "{clock}"\nsubject_key = "{key}"\nquasi_identifiers = [{qi}]\n\n'
)
GRANT = (
    '[[grants]]\nsource = "{source}"\ndataset = "*"\nprincipal = "{principal}"\n'
    'privileges = ["{privilege}"]\napproved_by = "o@example.co.th"\n'
    'reviewed_at = 2026-01-01\nreview_every = "6m"\n\n'
)
OVERRIDE = (
    '[[overrides]]\nsource = "{source}"\ndataset = "{dataset}"\ncolumn = "{column}"\n'
    'types = []\nreason = "r"\ndecided_by = "d@example.co.th"\ndecided_at = 2026-01-01\n\n'
)


def _write(
    org: Org,
    entries: list[dict[str, str]],
    grants: list[dict[str, str]],
    overrides: list[dict[str, str]],
    extra_sources: str = "",
) -> Path:
    (org.folder / "register.toml").write_text(
        "".join(ENTRY.format(**e) for e in entries), encoding="utf-8"
    )
    (org.folder / "access.toml").write_text(
        "".join(GRANT.format(**g) for g in grants), encoding="utf-8"
    )
    (org.folder / "overrides.toml").write_text(
        "".join(OVERRIDE.format(**o) for o in overrides), encoding="utf-8"
    )
    config = org.folder / "pdpa-agent.toml"
    config.write_text(
        '[agent]\nstate = "sqlite:///state.db"\n\n'
        f'[[sources]]\nname = "db"\nkind = "database"\nurl = "{org.url}"\n'
        "statement_timeout_s = 30\n\n"
        '[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n\n'
        f"{extra_sources}"
        '[register]\npath = "register.toml"\n\n[access]\npath = "access.toml"\n\n'
        '[classification]\noverrides = "overrides.toml"\n',
        encoding="utf-8",
    )
    return config


def _good(org: Org) -> tuple[list[dict[str, str]], list[dict[str, str]], list[dict[str, str]]]:
    entries = [
        dict(
            id="DB-1", source="db", match=org.dataset, clock="left_at", key="citizen_id", qi='"zip"'
        ),
        dict(id="FS-1", source="share", match="*.csv", clock="left_on", key="citizen_id", qi=""),
    ]
    grants = [
        dict(source="db", principal=org.principal, privilege="SELECT"),
        dict(source="share", principal=ME, privilege="READ"),
    ]
    overrides = [
        dict(source="db", dataset=org.dataset, column="no*"),
        dict(source="share", dataset="leavers.csv", column="comment"),
    ]
    return entries, grants, overrides


def _check(config: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), "check-config", "--connect"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_a_correct_config_passes(org: Org) -> None:
    config = _write(org, *_good(org))
    done = _check(config)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "every source reached" in done.stdout
    assert "warning" not in done.stdout


def test_a_text_clock_of_thai_dates_passes(org: Org) -> None:
    entries, grants, overrides = _good(org)
    entries[0]["clock"] = "left_text"
    done = _check(_write(org, entries, grants, overrides))
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_trap_is_found_with_its_file_and_line(org: Org) -> None:
    entries, grants, overrides = _good(org)
    entries[0].update(clock="note", key="national_id", qi='"zip", "postcode"')
    entries.append(
        dict(id="DB-9", source="db", match="nowhere.*", clock="left_at", key="id", qi="")
    )
    entries[1].update(clock="left_date")
    grants.append(dict(source="db", principal="ghost_role_xyz", privilege="SELECT"))
    grants.append(dict(source="share", principal="no_such_user_xyz", privilege="READ"))
    overrides.append(dict(source="db", dataset=org.dataset, column="zz_*"))
    overrides.append(dict(source="share", dataset="*.xlsx", column="*"))
    config = _write(org, entries, grants, overrides)
    done = _check(config)
    assert done.returncode == 2, done.stdout + done.stderr
    out = done.stdout
    register, access, over = (
        org.folder / n for n in ("register.toml", "access.toml", "overrides.toml")
    )
    expected = [
        f"{register}:1: register entry DB-1: clock_column 'note' of {org.dataset} is text that "
        "does not read as dates (0 of ",
        f"{register}:1: register entry DB-1: subject_key 'national_id' is not a column of "
        f"{org.dataset}",
        f"{register}:1: register entry DB-1: quasi_identifiers 'postcode' is not a column of "
        f"{org.dataset}",
        f"{register}:13: register entry FS-1: clock_column 'left_date' is not a column of "
        "leavers.csv",
        f"{register}:25: register entry DB-9: match 'nowhere.*' matches no dataset of source db",
        f"{access}:19: grant on *: principal 'ghost_role_xyz' does not exist on source db",
        f"{access}:28: grant on *: principal 'no_such_user_xyz' does not exist on source share",
        f"{over}:19: override (dataset {org.dataset}, column zz_*) matches no column of source db",
        f"{over}:28: override (dataset *.xlsx, column *) matches no column of source share",
    ]
    for line in expected:
        assert line in out, f"{line!r} not in:\n{out}"
    assert "'zip' is not a column" not in out  # the column that exists is not reported
    assert len([line for line in out.splitlines() if line.startswith(str(org.folder))]) == len(
        expected
    )
    assert "9 problem(s) found" in done.stderr


def test_an_unreachable_source_is_named_without_its_password(org: Org) -> None:
    entries, grants, overrides = _good(org)
    down = (
        '[[sources]]\nname = "down"\nkind = "database"\n'
        'url = "postgresql+psycopg2://scanner@127.0.0.1:1/hr"\npassword_env = "PDPA_TEST_DOWN_PW"\n\n'
    )
    config = _write(org, entries, grants, overrides, extra_sources=down)
    done = _check(config, env={"PDPA_TEST_DOWN_PW": "s3cr3t-down-pw"})
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"{config}:16: source down: cannot connect: " in done.stdout
    assert "s3cr3t-down-pw" not in done.stdout + done.stderr
    assert "1 problem(s) found" in done.stderr


def test_a_missing_share_is_a_problem_only_with_connect(org: Org) -> None:
    config = _write(org, *_good(org))
    (org.folder / "share" / "leavers.csv").unlink()
    (org.folder / "share").rmdir()
    plain = subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), "check-config"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert plain.returncode == 0 and "warning: source share: folder" in plain.stdout
    done = _check(config)
    assert done.returncode == 2
    assert f"{config}:11: source share: cannot connect: folder " in done.stdout
