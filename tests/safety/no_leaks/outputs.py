"""Every output of the no-leak runs as text, and the planted values found in it.

stdout and stderr of every command, every console page and the console's
log, every file written (inside
``.xlsx``/``.docx``/``.zip`` too, HTML and JSON escapes undone) and every
cell and raw byte of the state store; :func:`find_leaks` searches them for
every spelling of every planted value and names the output and the kind of
value, never the value itself.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, create_engine, select

from tests.support.leak_org.org import Org
from tests.support.leak_org.people import spellings

_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


@dataclass(frozen=True)
class Output:
    """One thing the tool wrote: where, and its text."""

    where: str
    text: str


@dataclass(frozen=True)
class Runs:
    """The organisation and every command's outputs."""

    org: Org
    work: Path
    commands: dict[str, subprocess.CompletedProcess[str]]
    console_pages: dict[str, str] = field(default_factory=dict)  # URL → body
    console_log: str = ""  # what ``pdpa-agent -v serve`` printed


# -- reading every output as text ----------------------------------------------------


def unescaped(text: str) -> str:
    """``text`` with HTML entities and ``\\uXXXX`` escapes undone (appended, not replaced)."""
    plain = html.unescape(text)
    decoded = _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), plain)
    return "\n".join({text, plain, decoded})


def file_texts(path: Path, where: str) -> Iterator[Output]:
    data = path.read_bytes()
    yield Output(where, unescaped(data.decode("utf-8", errors="replace")))
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                member = archive.read(info).decode("utf-8", errors="replace")
                yield Output(f"{where}!{info.filename}", unescaped(member))
    if path.suffix == ".json":
        strings: list[str] = []
        stack: list[object] = [json.loads(data)]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
            elif item is not None:
                strings.append(str(item))
        yield Output(f"{where} (JSON strings)", "\n".join(strings))


def state_store_texts(db: Path) -> Iterator[Output]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        tables = MetaData()
        tables.reflect(engine)
        with engine.connect() as conn:
            for table in tables.sorted_tables:
                cells = [
                    str(c) for row in conn.execute(select(table)) for c in row if c is not None
                ]
                yield Output(f"{db.name} table {table.name}", unescaped("\n".join(cells)))
    finally:
        engine.dispose()


def all_outputs(runs: Runs) -> list[Output]:
    found = []
    for name, done in runs.commands.items():
        found.append(Output(f"stdout of `{name}`", done.stdout))
        found.append(Output(f"stderr of `{name}`", done.stderr))
    for path in sorted(p for p in runs.work.rglob("*") if p.is_file()):
        where = str(path.relative_to(runs.work))
        if path.name.startswith("state-"):  # a store, its -wal and -journal: raw bytes
            raw = path.read_bytes().decode("utf-8", errors="replace")
            found.append(Output(f"{where} (raw bytes)", raw))
        else:
            found.extend(file_texts(path, where))
    for db in sorted(runs.work.glob("state-*.db")):
        found.extend(state_store_texts(db))
    for url, body in runs.console_pages.items():
        found.append(Output(f"console page {url}", unescaped(body)))
    found.append(Output("console server output", runs.console_log))
    return found


def find_leaks(runs: Runs, outputs: list[Output]) -> list[str]:
    """One line per output and kind of raw value found in it (the value itself masked)."""
    planted = [s for person in runs.org.people for s in spellings(person)]
    leaks: dict[tuple[str, str], str] = {}
    for output in outputs:
        lowered = output.text.lower()
        for kind, spelling, masked in planted:
            if spelling in output.text or spelling.lower() in lowered:
                leaks.setdefault((output.where, kind), masked)
    return [
        f"{where}: raw {kind} (e.g. {masked})" for (where, kind), masked in sorted(leaks.items())
    ]


def findings_report(runs: Runs, out: str) -> dict[str, Any]:
    report: dict[str, Any] = json.loads((runs.work / out / "findings.json").read_text("utf-8"))
    return report
