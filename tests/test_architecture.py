"""Dependencies point one way: connectors ← scanners ← reports ← agent; every module has a docstring."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("connectors", "scanners", "reports", "agent")


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", LAYERS)
def test_no_import_of_a_higher_layer(package: str) -> None:
    forbidden = set(LAYERS[LAYERS.index(package) + 1 :])
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) & forbidden)
        for path in modules(package)
        if imported_packages(path) & forbidden
    }
    assert offenders == {}


@pytest.mark.parametrize("package", LAYERS)
def test_every_module_has_a_docstring(package: str) -> None:
    missing = [
        str(path.relative_to(ROOT))
        for path in modules(package)
        if path.stat().st_size
        and ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) is None
    ]
    assert missing == []


def test_no_string_built_sql_in_connectors() -> None:
    """SQL goes through SQLAlchemy constructs; text() is allowed only for static session settings."""
    offenders = []
    for path in modules("connectors"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == "text"
            ):
                argument = node.args[0] if node.args else None
                if not isinstance(argument, ast.Constant):
                    offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


def test_recognizer_class_names_do_not_shadow_presidio() -> None:
    """Presidio finds predefined recognizers by class name among all subclasses; ours must differ."""
    import presidio_analyzer.predefined_recognizers as predefined

    from scanners.recognizers.registry import RECOGNIZER_CLASSES

    theirs = {name for name in dir(predefined) if name.endswith("Recognizer")}
    assert {cls.__name__ for cls in RECOGNIZER_CLASSES} & theirs == set()
