"""The shape of the tree: one-way layers, no import circles, small modules and folders.

Dependencies point one way (connectors ← scanners ← reports ← agent); no
module imports itself back through others (imports inside functions and under
TYPE_CHECKING count); every module has a docstring; no folder holds more than
about a dozen modules and no module more than about 300 lines; the agent asks
a connector what it can do through the Protocols of ``connectors.base``, never
with ``getattr``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support.paths import REPO_ROOT

ROOT = REPO_ROOT
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


MAX_MODULES_PER_FOLDER = 13  # "about 12"
MAX_LINES_PER_MODULE = 320  # "about 300"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module → the modules of this product it imports, wherever the import statement is."""
    paths = {module_name(path): path for package in LAYERS for path in modules(package)}

    def known(name: str) -> str | None:
        while name and name not in paths:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        targets: set[str | None] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(known(alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    targets.add(full if full in paths else known(node.module))
        graph[name] = {target for target in targets if target and target != name}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_circle_finder_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(graph) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_no_import_circles() -> None:
    assert circles(import_graph()) == []


def test_no_folder_holds_more_than_about_a_dozen_modules() -> None:
    crowded = {}
    for package in (*LAYERS, "tests"):
        for folder in [ROOT / package, *(ROOT / package).rglob("*/")]:
            count = len([p for p in folder.glob("*.py") if p.name != "__init__.py"])
            if count > MAX_MODULES_PER_FOLDER:
                crowded[str(folder.relative_to(ROOT))] = count
    assert crowded == {}


def test_no_module_over_about_300_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): lines
        for package in (*LAYERS, "tests")
        for path in modules(package)
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES_PER_MODULE
    }
    assert long == {}


def test_the_agent_never_probes_a_connector_with_getattr() -> None:
    """Capabilities are Protocols (connectors.base); ``getattr(connector, ...)`` hides them."""
    offenders = []
    for path in modules("agent"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"getattr", "hasattr"}
                and node.args
                and "connector" in ast.unparse(node.args[0])
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


#: Inside the agent the same rule holds between its folders, lowest first;
#: ``agent/cli.py`` and ``agent/__main__.py`` sit above them all.
AGENT_LAYERS = (
    "inputs",
    "state",
    "scan",
    "disclosure",
    "delivery",
    "breach",
    "triage",
    "console",
    "demo",
    "commands",
)


@pytest.mark.parametrize("layer", AGENT_LAYERS)
def test_agent_folders_import_only_lower_folders(layer: str) -> None:
    forbidden = {f"agent.{name}" for name in AGENT_LAYERS[AGENT_LAYERS.index(layer) + 1 :]}
    forbidden |= {"agent.cli", "agent.__main__"}
    graph = import_graph()
    offenders = {
        name: sorted(target for target in targets if target.startswith(tuple(forbidden)))
        for name, targets in graph.items()
        if name.startswith(f"agent.{layer}")
        and any(target.startswith(tuple(forbidden)) for target in targets)
    }
    assert offenders == {}
