"""Build the bundled demo organisation ("Siam Retail Co.").

``build_demo(root)`` writes a SQLite database, a small file share, a config
file, a retention register, an access list and erasure requests under
``root``. The output depends only on ``seed`` and ``today``: building twice
gives the same content. Only the demo's own files are (over)written.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from agent.demo import config_files
from agent.demo.database import Population, write_database
from agent.demo.people import make_customers, make_employees, make_foreign_customers
from agent.demo.share import write_share

DEFAULT_SEED = 2562
DEFAULT_TODAY = date(2026, 11, 25)
BANGKOK = timezone(timedelta(hours=7))
EMPLOYEE_COUNT = 200
CUSTOMER_COUNT = 1000
FOREIGN_CUSTOMER_COUNT = 150


@dataclass(frozen=True)
class DemoPaths:
    """Where the demo's files were written (all absolute)."""

    root: Path
    config: Path
    database: Path
    share: Path
    register: Path
    access_list: Path
    erasure: Path
    disclosure_request: Path
    incident: Path


def make_population(seed: int = DEFAULT_SEED, today: date = DEFAULT_TODAY) -> Population:
    """The demo's synthetic people; each table has its own seeded generator."""
    return Population(
        employees=tuple(make_employees(random.Random(f"{seed}:employees"), EMPLOYEE_COUNT, today)),
        customers=tuple(make_customers(random.Random(f"{seed}:customers"), CUSTOMER_COUNT, today)),
        foreign_customers=tuple(
            make_foreign_customers(random.Random(f"{seed}:customers_en"), FOREIGN_CUSTOMER_COUNT)
        ),
    )


def _write_text(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def build_demo(root: Path, seed: int = DEFAULT_SEED, today: date = DEFAULT_TODAY) -> DemoPaths:
    """Create (or refresh) the demo organisation under ``root``."""
    root = Path(root).expanduser().resolve()
    root.mkdir(parents=True, exist_ok=True)
    population = make_population(seed, today)
    paths = DemoPaths(
        root=root,
        config=root / "pdpa-agent.toml",
        database=root / "org.sqlite",
        share=root / "share",
        register=root / "retention_register.toml",
        access_list=root / "access_list.toml",
        erasure=root / "erasure_requests.csv",
        disclosure_request=root / "disclosure_request.toml",
        incident=root / "incident.toml",
    )
    write_database(paths.database, population, seed, today)
    write_share(paths.share, population, seed, today)
    _write_text(paths.register, config_files.register_toml())
    _write_text(paths.access_list, config_files.access_toml(today))
    _write_text(paths.erasure, config_files.erasure_csv(population, today))
    _write_text(paths.disclosure_request, config_files.disclosure_request_toml())
    # aware six hours ago, Bangkok time: the 72-hour clock is running when the demo is tried
    aware = datetime.now(BANGKOK) - timedelta(hours=6)
    _write_text(paths.incident, config_files.incident_toml(aware))
    _write_text(paths.config, config_files.config_toml(root, paths.database))
    return paths
