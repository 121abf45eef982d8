"""The breach organisation (``tests.support.dpo.breach_org``) built and scanned once per module."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import URL

from agent.cli import main
from tests.support.dpo.breach_org import BreachOrg, build_org, write_config


@pytest.fixture(scope="module")
def org(
    tmp_path_factory: pytest.TempPathFactory,
    fresh_pg_database: Callable[[], URL],
    fresh_mariadb_database: Callable[[], URL],
) -> tuple[BreachOrg, Path]:
    folder = tmp_path_factory.mktemp("breach_org")
    built = build_org(folder, fresh_pg_database(), fresh_mariadb_database())
    config = write_config(folder, built)
    assert main(["-c", str(config), "scan", "--out", str(folder / "first-scan")]) in (0, 1)
    return built, config


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``pdpa-agent ARGV`` in this process: exit code, stdout, stderr."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write_incident(folder: Path, name: str, scope: list[dict[str, Any]], **fields: Any) -> Path:
    """An incident file with ``fields`` under [incident] and ``scope`` entries."""
    lines = ["[incident]"]
    for key, value in fields.items():
        lines.append(
            f"{key} = {json.dumps(value, ensure_ascii=False) if not _raw(value) else value}"
        )
    for entry in scope:
        lines.append("[[incident.scope]]")
        lines += [
            f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in entry.items()
        ]
    path = folder / f"{name}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _raw(value: Any) -> bool:
    """TOML literals written as they are: booleans and dates/times given as ``Raw``."""
    return isinstance(value, Raw)


class Raw(str):
    """A TOML value written without quotes (``2026-12-04T09:30:00+07:00``, ``true``)."""


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
