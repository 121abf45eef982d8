"""Find the line of a key in a TOML file, so errors can say "file:line".

``tomllib`` gives no positions for values, so this scans the text once and
records, for each table header and key, the line it stands on, keyed by its
path (``("sources", 1, "kind")``). It understands headers, arrays of tables,
dotted keys and inline tables on one line — enough to point a user at the
right line; when a path is not found the closest known parent is used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Path = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*'))*)\s*="""
)


def _split_key(dotted: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_\-]+|"[^"]*"|'[^']*'""", dotted)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


class TomlLocator:
    """Maps value paths to 1-based line numbers of one TOML document."""

    def __init__(self, text: str) -> None:
        self.lines: dict[Path, int] = {}
        counters: dict[tuple[str, ...], int] = {}
        current: Path = ()
        in_multiline = False
        for number, line in enumerate(text.splitlines(), start=1):
            if in_multiline:
                if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
                    in_multiline = False
                continue
            header = _HEADER.match(line)
            if header:
                names = _split_key(header.group(2))
                if header.group(1) == "[[":
                    key = tuple(names)
                    counters[key] = counters.get(key, -1) + 1
                    current = (*names, counters[key])
                    self.lines.setdefault(key, number)
                else:
                    current = tuple(names)
                self.lines.setdefault(current, number)
                continue
            key = _KEY.match(line)
            if key:
                path = (*current, *_split_key(key.group(1)))
                self.lines.setdefault(path, number)
                if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
                    in_multiline = True

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """The line of ``path`` or of its nearest known ancestor."""
        probe = tuple(path)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return None
