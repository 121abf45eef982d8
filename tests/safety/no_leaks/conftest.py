"""Real CLI runs over the synthetic organisation, once for every no-leak test module.

One synthetic organisation (:mod:`tests.support.leak_org`) with known,
distinctive values spread over PostgreSQL, MariaDB, SQLite and a file share
(CSV, LOG, JSON, XLSX, DOCX, a ZIP, broken files, PostgreSQL views whose
errors quote a value), a register with retention and erasure checks, an
access list and an erasure-request file naming subjects in clear. The real
CLI runs as subprocesses: ``scan`` with one and two workers, ``-v`` and
``--debug``, ``findings``, ``subject``, ``access``, ``detect`` and ``triage``, every
report format and the owner reports, then the web console (every page a DPO
reaches, and the server's log: ``console_walk``). ``runs`` is package-scoped: the
organisation is built and the commands run once for the whole package.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from tests.safety.no_leaks.console_walk import walk_console
from tests.safety.no_leaks.outputs import Runs
from tests.support.leak_org.org import Org, build_org


def _config(org: Org, work: Path, workers: int, language: str) -> Path:
    """A config for ``workers`` with its own state store ``state-<workers>.db``."""
    path = work / f"workers-{workers}.toml"
    path.write_text(
        f"""
[agent]
state = "sqlite:///{work / f"state-{workers}.db"}"
workers = {workers}
inline_below = 0

[detection]
sample_rows = 200

[[sources]]
name = "pg"
kind = "database"
url = "{org.pg_url.render_as_string(hide_password=False)}"

[[sources]]
name = "maria"
kind = "database"
url = "{org.mariadb_url.render_as_string(hide_password=False)}"

[[sources]]
name = "clinic"
kind = "database"
url = "sqlite:///{org.sqlite_path}"

[[sources]]
name = "share"
kind = "files"
path = "{org.share}"

[register]
path = "{org.register}"

[access]
path = "{org.access}"

[erasure]
path = "{org.erasure}"
grace_days = 30

[reports]
out_dir = "{work / f"out-{workers}"}"
formats = ["json", "html", "csv", "xlsx"]
language = "{language}"

[reports.email]
smtp_url = "smtp://127.0.0.1:1"
sender = "pdpa-agent@example.org"
""",
        encoding="utf-8",
    )
    path.chmod(0o600)
    return path


def _cli(work: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent", *args],
        cwd=work,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=900,
        env=os.environ | {"PDPA_PSEUDONYM_KEY": PSEUDONYM_KEY},
    )


#: The employees' disclosure (SPEC §10): every identifier pseudonymised, masked, generalised
#: or dropped, and the notes kept as free text, so the extract itself may hold no raw value.
DISCLOSURE_COLUMNS = {
    "id": "keep",
    "full_name": "pseudonym",
    "citizen_id": "pseudonym",
    "phone": "mask",
    "email": "pseudonym",
    "birth_date": "drop",
    "bank_account": "drop",
    "passport_no": "drop",
    "notes": "keep",
}
PSEUDONYM_KEY = "no-leak-test-key-0123456789abcdef"


def _disclosure_request(work: Path) -> Path:
    path = work / "disclosure.toml"
    columns = "".join(
        f'\n[[request.columns]]\nname = "{name}"\nas = "{treatment}"\n'
        for name, treatment in DISCLOSURE_COLUMNS.items()
    )
    path.write_text(
        '[request]\nid = "LEAK-1"\nrequested_by = "HR"\nrecipient = "Payroll Bureau"\n'
        'recipient_contact = "payroll@example.com"\nlegal_basis = "contract"\n'
        'purpose = "Payroll"\napproved_by = "dpo@example.org"\nsource = "pg"\n'
        'dataset = "public.employees"\nformat = "xlsx"\n' + columns,
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="package")
def runs(
    tmp_path_factory: pytest.TempPathFactory,
    fresh_pg_database: Callable[[], URL],
    fresh_mariadb_database: Callable[[], URL],
) -> Runs:
    root = tmp_path_factory.mktemp("leaks")
    org = build_org(root / "org", fresh_pg_database(), fresh_mariadb_database())
    work = root / "work"
    work.mkdir()
    two = _config(org, work, 2, "th")
    one = _config(org, work, 1, "en")
    planted = org.erasure_subjects
    request = str(_disclosure_request(work))
    commands = {
        "scan -v (2 workers)": _cli(work, "-v", "-c", str(two), "scan"),
        "scan --debug (1 worker)": _cli(work, "--debug", "-c", str(one), "scan"),
        "scan -v --debug (1 worker)": _cli(
            work, "-v", "--debug", "-c", str(one), "scan", "--out", str(work / "out-three")
        ),
        "findings -v": _cli(work, "-v", "-c", str(one), "findings"),
        "findings --debug --status open": _cli(
            work, "--debug", "-c", str(two), "findings", "--status", "open"
        ),
        "subject -v (national id, digits)": _cli(
            work, "-v", "-c", str(two), "subject", planted[0].national_id
        ),
        "subject --debug (national id, dashed)": _cli(
            work, "--debug", "-c", str(one), "subject", planted[2].id_dashed
        ),
        "subject -v (e-mail)": _cli(work, "-v", "-c", str(one), "subject", planted[1].email),
        "subject --debug (phone)": _cli(
            work, "--debug", "-c", str(two), "subject", planted[3].phone_dashed
        ),
        "access -v (2 workers)": _cli(
            work, "-v", "-c", str(two), "access", "--out", str(work / "out-access-2")
        ),
        "access --debug (1 worker)": _cli(
            work, "--debug", "-c", str(one), "access", "--out", str(work / "out-access-1")
        ),
        "check-config": _cli(work, "-c", str(two), "check-config"),
        "disclose --assess -v": _cli(
            work, "-v", "-c", str(two), "disclose", request, "--assess", "--out", "assessed"
        ),
        "disclose --debug": _cli(
            work, "--debug", "-c", str(two), "disclose", request, "--out", "disclosed"
        ),
        "disclosures list --xlsx": _cli(
            work, "-c", str(two), "disclosures", "list", "--xlsx", "disclosures.xlsx"
        ),
        "disclosures show": _cli(work, "-c", str(two), "disclosures", "show", "LEAK-1"),
        "detect -v": _cli(work, "-v", "detect", "-", stdin=planted[0].note),
        "detect --debug --jsonl (a bad line)": _cli(
            work,
            "--debug",
            "detect",
            "-",
            "--jsonl",
            stdin=json.dumps({"id": 1, "text": planted[1].note}) + "\n" + planted[2].note,
        ),
    }
    first = json.loads((work / "out-2" / "findings.json").read_text("utf-8"))["findings"][0]["id"]
    commands["triage --debug"] = _cli(
        work, "--debug", "-c", str(two), "triage", first, "--status", "acknowledged",
        "--by", "dpo@example.org", "--reason", "checked", "--comment", "see ticket 42",
    )  # fmt: skip
    commands["triage -v (history)"] = _cli(work, "-v", "-c", str(two), "triage", first)
    pages, served = walk_console(work, two, _cli)
    return Runs(org, work, commands, pages, served)
