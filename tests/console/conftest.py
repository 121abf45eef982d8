"""The console tests' organisation (scanned once per session, copied for each test), a clock
the tests move, and clients of the real application on a real state store."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from agent.console.app import create_app
from agent.inputs.config_loader import load_config
from agent.state.store import StateStore
from tests.console.org import Planted, build, log_in


@dataclass
class Clock:
    """The console's clock in a test: starts now, moves only when told."""

    now: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass(frozen=True)
class Org:
    folder: Path
    planted: Planted

    @property
    def config(self) -> Path:
        return self.folder / "pdpa-agent.toml"

    def store(self) -> StateStore:
        return StateStore(load_config(self.config).config.agent.state)

    def finding_id(self, finding_type: str, dataset: str) -> str:
        with self.store() as store:
            ids = [
                f.id
                for f in store.findings(status="open")
                if f.type == finding_type and f.dataset == dataset
            ]
        assert ids, (finding_type, dataset)
        return sorted(ids)[0]


@pytest.fixture(scope="session")
def built_org(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Planted]:
    folder = tmp_path_factory.mktemp("console_org")
    return folder, build(folder)


@pytest.fixture
def org(built_org: tuple[Path, Planted], tmp_path: Path) -> Org:
    """A fresh copy of the scanned organisation (its state store included) for one test."""
    folder = tmp_path / "org"
    shutil.copytree(built_org[0], folder)
    return Org(folder, built_org[1])


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def client_for(org: Org, clock: Clock) -> Iterator[Callable[[str | None], TestClient]]:
    """``client_for(name)``: a client of one application logged in as ``name`` (None: anonymous)."""
    app = create_app(load_config(org.config), clock)
    clients: list[TestClient] = []

    def make(name: str | None) -> TestClient:
        client = TestClient(app, follow_redirects=False)
        clients.append(client)
        if name is not None:
            log_in(client, name)
        return client

    yield make
    for client in clients:
        client.close()
    app.state.console.store.close()
