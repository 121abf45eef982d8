"""The Celery executor with a real Redis (and RabbitMQ) broker and real worker processes.

Workers are ``pdpa-agent worker`` subprocesses reading the same config file;
the coordinator is ``run_scan`` in the test process. Checked: the result is
the same as a local scan, both workers share the work, zones route tasks to
the right workers, a zone nobody serves is a SCAN_ERROR that names it, and a
worker killed mid-scan loses none of its datasets.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from agent.inputs.config_loader import load_config
from agent.inputs.user_files import load_register_for
from agent.scan.plain_codec import to_plain
from agent.scan.runner import ScanPlan, run_scan
from scanners.classification.overrides import Override
from scanners.detection.engine import DetectionEngine
from scanners.model.result import ScanResult
from tests.support.celery_workers import WorkerProcess, wait_until_ready
from tests.support.paths import REPO_ROOT

ROOT = REPO_ROOT
sys.path.insert(0, str(ROOT / "bench"))

from make_tables import create_customer_table  # noqa: E402


@pytest.fixture
def workers() -> Iterator[list[WorkerProcess]]:
    started: list[WorkerProcess] = []
    yield started
    for worker in started:
        worker.stop()


def write_config(tmp_path: Path, broker: str, sources: str, agent_extra: str = "") -> Path:
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[agent]\nstate = "sqlite:///{tmp_path / "state.db"}"\nexecutor = "celery"\n'
        f'broker = "{broker}"\n{agent_extra}\n{sources}\n[reports]\nformats = ["json"]\n',
        encoding="utf-8",
    )
    return config


def scan(config: Path, engine: DetectionEngine, executor: str | None = None) -> ScanResult:
    loaded = load_config(config)
    if executor is not None:
        agent = loaded.config.agent.model_copy(update={"executor": executor, "workers": 1})
        loaded = replace(loaded, config=loaded.config.model_copy(update={"agent": agent}))
    plan = ScanPlan(loaded, tuple(loaded.config.sources), load_register_for(loaded))
    return run_scan(plan, engine)


def comparable(result: ScanResult) -> dict[str, object]:
    return {
        "datasets": to_plain(result.datasets),
        "findings": to_plain(result.findings),
        "sources": to_plain(result.sources),
    }


def customer_database(fresh_pg_database: object, tables: int) -> URL:
    url: URL = fresh_pg_database()  # type: ignore[operator]
    engine = create_engine(url)
    try:
        for i in range(tables):
            create_customer_table(engine, f"customers_{i:02d}", 200)
    finally:
        engine.dispose()
    return url


def test_two_workers_share_a_scan_and_agree_with_a_local_scan(
    tmp_path: Path,
    redis_broker_url: str,
    fresh_pg_database: object,
    detection_engine: DetectionEngine,
    workers: list[WorkerProcess],
) -> None:
    url = customer_database(fresh_pg_database, 10)
    sources = (
        f'[[sources]]\nname = "crm"\nkind = "database"\nurl = "{url.render_as_string(False)}"\n'
    )
    config = write_config(tmp_path, redis_broker_url, sources)
    workers += [WorkerProcess(config, "w1"), WorkerProcess(config, "w2")]
    wait_until_ready(config, workers)

    distributed = scan(config, detection_engine)
    local = scan(config, detection_engine, executor="local")

    assert [d.name for d in distributed.datasets] == [
        f"public.customers_{i:02d}" for i in range(10)
    ]
    assert not distributed.failed
    assert comparable(distributed) == comparable(local)
    assert {c.name for c in distributed.datasets[0].columns if c.pii} >= {"citizen_id", "email"}
    done = [set(w.datasets_done()) for w in workers]
    assert all(done), "both workers must have scanned datasets"
    assert done[0] | done[1] == {f"crm/public.customers_{i:02d}" for i in range(10)}


def test_zones_route_tasks_and_an_unserved_zone_is_a_scan_error(
    tmp_path: Path,
    redis_broker_url: str,
    shared_data: Path,
    detection_engine: DetectionEngine,
    workers: list[WorkerProcess],
) -> None:
    chinook = shared_data / "chinook.sqlite"
    sources = "".join(
        f'[[sources]]\nname = "{name}"\nkind = "database"\nurl = "sqlite:///{chinook}"\n'
        f'include = ["main.{table}"]\nzone = "{zone}"\n'
        for name, table, zone in [
            ("north-crm", "Customer", "north"),
            ("south-hr", "Employee", "south"),
            ("east-db", "Invoice", "east"),
        ]
    )
    config = write_config(tmp_path, redis_broker_url, sources)
    workers += [
        WorkerProcess(config, "north1", zones=("north",)),
        WorkerProcess(config, "south1", zones=("south",)),
    ]
    wait_until_ready(config, workers)

    result = scan(config, detection_engine)

    assert workers[0].datasets_done() == ["north-crm/main.Customer"]
    assert workers[1].datasets_done() == ["south-hr/main.Employee"]
    status = {s.name: s for s in result.sources}
    assert status["north-crm"].status == status["south-hr"].status == "ok"
    assert status["east-db"].status == "error"
    errors = [f for f in result.findings if f.type == "SCAN_ERROR"]
    assert [(f.source, f.dataset) for f in errors] == [("east-db", None)]
    assert "zone 'east'" in errors[0].message_en
    assert "pdpa-agent worker --zone east" in errors[0].message_en


def test_a_worker_killed_mid_scan_loses_none_of_its_datasets(
    tmp_path: Path,
    redis_broker_url: str,
    fresh_pg_database: object,
    detection_engine: DetectionEngine,
    workers: list[WorkerProcess],
) -> None:
    url = customer_database(fresh_pg_database, 2)
    engine = create_engine(url)
    slow = [f"public.slow_{i}" for i in range(4)]
    with engine.begin() as conn:
        for name in slow:
            # Every read of the view sleeps: each dataset task takes a few seconds.
            view = name.split(".")[1]
            conn.execute(
                text(f"CREATE VIEW {view} AS SELECT c.* FROM customers_00 c, pg_sleep(0.7)")
            )
    engine.dispose()
    sources = (
        f'[[sources]]\nname = "crm"\nkind = "database"\nurl = "{url.render_as_string(False)}"\n'
        'include = ["public.slow_*"]\nmax_concurrency = 4\n'
    )
    config = write_config(tmp_path, redis_broker_url, sources, "task_visibility_timeout_s = 8")
    victim, survivor = WorkerProcess(config, "victim"), WorkerProcess(config, "survivor")
    workers += [victim, survivor]
    wait_until_ready(config, workers)

    outcome: list[ScanResult] = []
    coordinator = threading.Thread(target=lambda: outcome.append(scan(config, detection_engine)))
    coordinator.start()
    deadline = time.monotonic() + 60
    while not (_has_task_in_progress(victim) and _busy_with_slow_view(url)):
        assert time.monotonic() < deadline, "the victim never started a dataset"
        time.sleep(0.05)
    victim.kill()
    coordinator.join(timeout=120)
    assert not coordinator.is_alive(), "the scan did not finish after a worker died"

    result = outcome[0]
    names = [d.name for d in result.datasets]
    assert names == slow
    assert not result.failed, [f.message_en for f in result.findings if f.type == "SCAN_ERROR"]
    assert all(d.error is None and d.columns for d in result.datasets)
    redone = set(survivor.datasets_done()) - set(victim.datasets_done())
    assert redone, "the survivor must have redone the victim's unfinished task"


def _has_task_in_progress(worker: WorkerProcess) -> bool:
    log = worker.text()
    return log.count(" received") > log.count("task done:")


def _busy_with_slow_view(url: URL) -> bool:
    """Whether some backend of the test database is reading a slow view right now."""
    admin = create_engine(url.set(database="postgres"))
    try:
        with admin.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = :db "
                    "AND state = 'active' AND pid <> pg_backend_pid()"
                ),
                {"db": url.database},
            ).scalar_one()
    finally:
        admin.dispose()
    return rows > 0


def test_rabbitmq_broker_with_rpc_results(
    tmp_path: Path,
    amqp_broker_url: str,
    shared_data: Path,
    detection_engine: DetectionEngine,
    workers: list[WorkerProcess],
) -> None:
    chinook = shared_data / "chinook.sqlite"
    sources = f'[[sources]]\nname = "music"\nkind = "database"\nurl = "sqlite:///{chinook}"\n'
    config = write_config(tmp_path, amqp_broker_url, sources)
    workers.append(WorkerProcess(config, "rabbit1"))
    wait_until_ready(config, workers)

    result = scan(config, detection_engine)

    assert len(result.datasets) == 11 and not result.failed
    customer = next(d for d in result.datasets if d.name == "main.Customer")
    assert {"EMAIL_ADDRESS", "PHONE_NUMBER"} <= customer.pii_types
    assert len(workers[0].datasets_done()) == 11


def test_a_worker_with_another_register_refuses_and_says_why(
    tmp_path: Path,
    redis_broker_url: str,
    shared_data: Path,
    detection_engine: DetectionEngine,
    workers: list[WorkerProcess],
) -> None:
    chinook = shared_data / "chinook.sqlite"
    sources = (
        f'[[sources]]\nname = "music"\nkind = "database"\nurl = "sqlite:///{chinook}"\n'
        'include = ["main.Customer"]\n'
    )
    config = write_config(tmp_path, redis_broker_url, sources)
    worker_dir = tmp_path / "worker"
    worker_dir.mkdir()
    worker_config = worker_dir / "pdpa-agent.toml"
    # The worker's copy names a register the coordinator's copy does not.
    worker_config.write_text(
        config.read_text(encoding="utf-8") + '[register]\npath = "register.toml"\n',
        encoding="utf-8",
    )
    (worker_dir / "register.toml").write_text(
        '[[datasets]]\nid = "R1"\nsource = "music"\nmatch = "main.Customer"\n'
        'purpose = "sales"\nlegal_basis = "contract"\nowner = "sales@example.co.th"\n'
        'retention = "5y"\n',
        encoding="utf-8",
    )
    workers.append(WorkerProcess(worker_config, "stale1"))
    wait_until_ready(config, workers)

    result = scan(config, detection_engine)

    errors = [f for f in result.findings if f.type == "SCAN_ERROR"]
    assert errors and all("differ from the coordinator's" in f.message_en for f in errors)


def test_workers_apply_the_false_positives_recorded_in_the_coordinators_store(
    tmp_path: Path,
    redis_broker_url: str,
    fresh_pg_database: object,
    detection_engine: DetectionEngine,
    workers: list[WorkerProcess],
) -> None:
    """A triage override (SPEC §9) lives in the coordinator's state store, which a worker may
    not reach: it travels in each task, so a worker decides the column as a local scan does."""
    url = customer_database(fresh_pg_database, 2)
    sources = (
        f'[[sources]]\nname = "crm"\nkind = "database"\nurl = "{url.render_as_string(False)}"\n'
    )
    config = write_config(tmp_path, redis_broker_url, sources)
    workers.append(WorkerProcess(config, "w1"))
    wait_until_ready(config, workers)
    decided = (
        Override(
            "crm", "public.customers_00", "email", (), "role mailboxes", "dpo", date(2026, 12, 5)
        ),
    )
    loaded = load_config(config)
    plan = ScanPlan(
        loaded, tuple(loaded.config.sources), load_register_for(loaded), decided=decided
    )
    distributed = run_scan(plan, detection_engine)
    assert not distributed.failed
    columns = {(d.name, c.name): c for d in distributed.datasets for c in d.columns}
    overridden = columns[("public.customers_00", "email")]
    assert overridden.pii == () and overridden.override is not None
    assert overridden.override.reason == "role mailboxes"
    untouched = columns[("public.customers_01", "email")]
    assert [m.type for m in untouched.pii] == ["EMAIL_ADDRESS"] and untouched.override is None
    assert workers[0].datasets_done()
