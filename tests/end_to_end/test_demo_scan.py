"""The README's main command: `pdpa-agent demo` builds the demo organisation and scans it.

Run as a user would (a subprocess), with every socket connection refused, so
any attempt to reach the network at run time fails the test.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

NETWORK_GUARD = """
import socket
_log = __import__("os").environ["PDPA_NETWORK_LOG"]
_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex
def _network(sock):
    return sock.family in (socket.AF_INET, socket.AF_INET6)
def _refuse(self, address, *args, **kwargs):
    if not _network(self):  # local IPC (the worker pool's fork server) is not network access
        return _connect(self, address, *args, **kwargs)
    with open(_log, "a") as handle:
        handle.write(repr(address) + "\\n")
    raise OSError("network access attempted at run time")
def _refuse_ex(self, address, *args, **kwargs):
    if not _network(self):
        return _connect_ex(self, address, *args, **kwargs)
    return _refuse(self, address)
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse_ex
"""

EXPECTED = {
    "demo-db/main.employees": {
        "first_name_th": "PERSON",
        "last_name_th": "PERSON",
        "citizen_id": "TH_NATIONAL_ID",
        "birth_date": "DATE_OF_BIRTH",
        "phone": "PHONE_NUMBER",
        "email": "EMAIL_ADDRESS",
        "address": "ADDRESS",
    },
    "demo-db/main.customers": {
        "full_name": "PERSON",
        "phone": "PHONE_NUMBER",
        "email": "EMAIL_ADDRESS",
    },
    "demo-db/main.customers_en": {
        "first_name": "PERSON",
        "last_name": "PERSON",
        "email": "EMAIL_ADDRESS",
    },
    "demo-share/hr/payroll_2025.csv": {
        "เลขบัตรประชาชน": "TH_NATIONAL_ID",
        "เบอร์โทร": "PHONE_NUMBER",
    },
    "demo-share/marketing/leads_export.csv": {"name": "PERSON", "email": "EMAIL_ADDRESS"},
    "demo-share/it/app.log": {"content": "EMAIL_ADDRESS"},
}
TRAPS = (
    "demo-db/main.products",
    "demo-db/main.suppliers",
    "demo-db/main.orders",
    "demo-db/main.branch_sales",
    "demo-db/main.devices",
    "demo-share/public/price_list.csv",
    "demo-share/public/readme.txt",
)


@pytest.fixture(scope="module")
def demo(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str], Path]:
    out = tmp_path_factory.mktemp("demo")
    guard = tmp_path_factory.mktemp("guard")
    (guard / "sitecustomize.py").write_text(NETWORK_GUARD, encoding="utf-8")
    log = guard / "network.log"
    done = subprocess.run(
        [sys.executable, "-m", "agent", "-v", "demo", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(out),
            "PYTHONPATH": str(guard),
            "PDPA_NETWORK_LOG": str(log),
        },
    )
    return out, done, log


def report(out: Path) -> dict:
    return json.loads((out / "findings.json").read_text(encoding="utf-8"))


def test_demo_runs_offline_and_writes_every_report(
    demo: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    out, done, log = demo
    assert done.returncode == 0, done.stderr
    assert not log.exists(), log.read_text()
    for name in (
        "findings.json",
        "report.html",
        "findings.csv",
        "findings.xlsx",
        "access.html",
        "access.csv",
        "access.xlsx",
    ):
        assert (out / name).stat().st_size > 0
    assert "PII_UNREGISTERED" in done.stdout


def test_demo_classification(demo: tuple[Path, subprocess.CompletedProcess[str], Path]) -> None:
    data = report(demo[0])
    columns = {
        f"{d['source']}/{d['name']}": {
            c["name"]: {p["type"] for p in c["pii"]} for c in d["columns"]
        }
        for d in data["datasets"]
    }
    for dataset, expected in EXPECTED.items():
        for column, pii_type in expected.items():
            assert pii_type in columns[dataset][column], (dataset, column)
    for dataset in TRAPS:
        assert all(not types for types in columns[dataset].values()), (dataset, columns[dataset])


def test_demo_findings_follow_the_register(
    demo: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    findings = report(demo[0])["findings"]
    unregistered = {
        f"{f['source']}/{f['dataset']}" for f in findings if f["type"] == "PII_UNREGISTERED"
    }
    assert {"demo-db/main.customers_en", "demo-share/marketing/leads_export.csv"} <= unregistered
    assert not unregistered & {
        "demo-db/main.employees",
        "demo-db/main.customers",
        "demo-share/hr/payroll_2025.csv",
    }
    registered = {d["name"]: d["register_id"] for d in report(demo[0])["datasets"]}
    assert (
        registered["main.employees"] == "HR-001" and registered["hr/payroll_2025.csv"] == "SHARE-HR"
    )
    assert all(f["type"] != "SCAN_ERROR" for f in findings)
    types = {f["type"] for f in findings}
    stale = [f for f in findings if f["type"] == "ACCESS_STALE_ENTRY"]
    owners = {f["dataset"]: f["owner"] for f in stale}
    assert owners["main.employees"] == "hr-owner@siamretail.co.th"  # access findings reach owners
    assert {
        "RETENTION_EXPIRED",
        "ERASURE_PENDING",
        "SENSITIVE_NO_BASIS",
        "ACCESS_REVIEW_OVERDUE",
    } <= types


def test_no_planted_value_in_any_output(
    demo: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    out, done, _ = demo
    with sqlite3.connect(out / "demo-org" / "org.sqlite") as db:
        planted = {
            value
            for query in (
                "SELECT citizen_id, replace(citizen_id, '-', ''), phone, email, address, "
                "first_name_th || ' ' || last_name_th FROM employees",
                "SELECT full_name, phone, email, line_id, NULL, NULL FROM customers",
            )
            for row in db.execute(query)
            for value in row
            if value and len(str(value)) >= 6
        }
    assert len(planted) > 1000
    outputs = [done.stdout, done.stderr]
    for name in ("findings.json", "report.html", "findings.csv"):
        outputs.append((out / name).read_text(encoding="utf-8-sig"))
    with zipfile.ZipFile(out / "findings.xlsx") as xlsx:
        outputs.extend(xlsx.read(member).decode("utf-8") for member in xlsx.namelist())
    everything = "\n".join(outputs)
    assert [v for v in planted if v in everything] == []
