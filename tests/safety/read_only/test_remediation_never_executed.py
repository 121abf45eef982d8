"""Read-only by construction (issue 9): remediation SQL is only ever compiled to text.

Structurally, from the source: ``connectors/sql/remediation.py`` compiles
statements and calls nothing that runs SQL, and no call that runs SQL in the
product takes anything named remediation or a ``*_sql()`` statement.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support.paths import REPO_ROOT

ROOT = REPO_ROOT
EXECUTING = {"execute", "exec_driver_sql", "executemany", "executescript", "begin", "connect"}


def calls_in(path: Path) -> list[ast.Call]:
    return [
        n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.Call)
    ]


def called_name(call: ast.Call) -> str:
    return getattr(call.func, "attr", getattr(call.func, "id", ""))


def test_remediation_module_only_compiles() -> None:
    path = ROOT / "connectors" / "sql" / "remediation.py"
    names = {called_name(call) for call in calls_in(path)}
    assert "compile" in names  # the module is what this test thinks it is
    assert names & EXECUTING == set()
    source = path.read_text(encoding="utf-8")
    assert "Connection" not in source and "Engine" not in source


def test_no_production_code_executes_a_remediation() -> None:
    """No call that runs SQL takes anything named remediation, or a *_sql() statement."""
    offenders = []
    for package in ("agent", "connectors", "scanners", "reports"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for call in calls_in(path):
                if called_name(call) not in EXECUTING:
                    continue
                for argument in [*call.args, *(k.value for k in call.keywords)]:
                    words = {
                        getattr(node, "id", getattr(node, "attr", ""))
                        for node in ast.walk(argument)
                    }
                    if any("remediation" in w or w.endswith("_sql") for w in words):
                        offenders.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert offenders == []
