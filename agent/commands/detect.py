"""``pdpa-agent detect``: Thai-aware detection over free text or JSONL (SPEC §3).

The text is never repeated in a message: a PATH that names no file may be
text given in its place, so it is not echoed either.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from agent.inputs.problems import ConfigProblems, Problem
from connectors.errors import PdpaAgentError
from scanners.detection.engine import DetectionEngine, Entity

MAX_TEXT_CHARS = 5_000_000


def entities_json(entities: Iterable[Entity]) -> list[dict[str, object]]:
    return [{"type": e.type, "start": e.start, "end": e.end, "score": e.score} for e in entities]


def read_input(path: str) -> str:
    """The whole input: a file path, or ``-`` for standard input (UTF-8)."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_TEXT_CHARS * 4 + 1)
        where = Path("<stdin>")
    else:
        where = Path(path)
        try:
            data = where.read_bytes()
        except OSError as exc:
            if not os.path.lexists(path):  # perhaps text given in place of a file name
                raise PdpaAgentError(
                    "detect: input file not found (PATH is a file name, not repeated here; "
                    "give text on standard input with -)"
                ) from None
            raise ConfigProblems(
                [Problem(where, None, f"cannot read input: {exc.strerror}")]
            ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigProblems(
            [Problem(where, None, f"input is not UTF-8 (byte {exc.start})")]
        ) from None
    if len(text) > MAX_TEXT_CHARS:
        raise ConfigProblems(
            [Problem(where, None, f"input longer than {MAX_TEXT_CHARS} characters")]
        )
    return text


def detect_text(engine: DetectionEngine, text: str, out: TextIO) -> None:
    json.dump({"entities": entities_json(engine.detect(text))}, out, ensure_ascii=False)
    out.write("\n")


def detect_jsonl(engine: DetectionEngine, text: str, out: TextIO, where: str) -> None:
    """One output line per input line ``{"id", "text"}``; a bad line stops with its number."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigProblems(
                [Problem(Path(where), number, f"not valid JSON ({exc.msg})")]
            ) from None
        if (
            not isinstance(record, dict)
            or not isinstance(record.get("text"), str)
            or "id" not in record
        ):
            raise ConfigProblems(
                [Problem(Path(where), number, 'each line must be an object {"id": …, "text": "…"}')]
            )
        entities = engine.detect(record["text"])
        out.write(
            json.dumps(
                {"id": record["id"], "entities": entities_json(entities)}, ensure_ascii=False
            )
        )
        out.write("\n")
        out.flush()


def detect_command(args: argparse.Namespace) -> int:
    """``pdpa-agent detect [PATH|-] [--jsonl]``."""
    text = read_input(args.path)
    engine = DetectionEngine()
    if args.jsonl:
        detect_jsonl(engine, text, sys.stdout, args.path)
    else:
        detect_text(engine, text, sys.stdout)
    return 0
