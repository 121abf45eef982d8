"""Plain text (TXT, LOG, MD) and JSON / NDJSON as lines of one ``content`` column.

JSON is flattened: every string or number leaf becomes a line
``key.path: value`` (list items are numbered, ``staff.0.name: สมชาย``). In
NDJSON (``.ndjson``, ``.jsonl``) each line is flattened on its own. A JSON file
that does not parse is read as plain text (and noted); an NDJSON line that
does not parse is kept as it is. JSON's ``\\uD800``-style escapes can name a
lone surrogate, which is not text (it cannot be encoded, hashed or stored):
each becomes U+FFFD. Integers are kept as their digits, however long.
"""

from __future__ import annotations

import json
import re

from connectors.files.readers.content import ReadLimits, Text, rows_note
from connectors.files.readers.csv_reader import decode

NDJSON_SUFFIXES = (".ndjson", ".jsonl")
_SURROGATE = re.compile("[\ud800-\udfff]")


def flatten_json(value: object) -> list[str]:
    """``key.path: value`` for every string / number leaf of a parsed JSON value."""
    lines: list[str] = []
    stack: list[tuple[str, object]] = [("", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, dict):
            children = [(f"{path}.{k}" if path else str(k), v) for k, v in item.items()]
            stack.extend(reversed(children))
        elif isinstance(item, list):
            children = [(f"{path}.{i}" if path else str(i), v) for i, v in enumerate(item)]
            stack.extend(reversed(children))
        elif isinstance(item, str | int | float) and not isinstance(item, bool):
            text = str(item).strip()
            if text:
                lines.append(f"{path}: {text}" if path else text)
    return [_SURROGATE.sub("\ufffd", line) for line in lines]


def _parse(text: str) -> object:
    try:  # integers stay text: no 4300-digit conversion limit, every digit kept
        return json.loads(text, parse_int=str)
    except (ValueError, RecursionError):
        return None


def read_text(name: str, data: bytes, limits: ReadLimits) -> Text:
    """The non-empty lines of the file (flattened for JSON), at most ``limits.max_rows``."""
    text, note = decode(data)
    lower = name.lower()
    raw = [line for line in text.splitlines() if line.strip()]
    lines: list[str] = []
    if lower.endswith(".json"):
        parsed = _parse(text)
        if parsed is None and text.strip() != "null":
            note = "; ".join(n for n in (note, "not valid JSON, read as text") if n)
            lines = raw
        else:
            lines = flatten_json(parsed)
    elif lower.endswith(NDJSON_SUFFIXES):
        for line in raw:
            parsed = _parse(line)
            lines.extend(flatten_json(parsed) if parsed is not None else [line])
            if len(lines) > limits.max_rows:
                break
    else:
        lines = raw
    more = len(lines) > limits.max_rows
    kept = tuple(lines[: limits.max_rows])
    return Text(kept, "", "; ".join(n for n in (note, rows_note(len(kept), limits, more)) if n))
