"""Progress on a terminal (datasets done / total, current dataset); silent otherwise."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    """Rewrites one status line on stderr when it is a terminal."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._width = 0

    def update(self, done: int, total: int, source: str, dataset: str) -> None:
        if not self.enabled:
            return
        line = f"[{done}/{total}] {source}: {dataset}"[:120]
        self.stream.write("\r" + line.ljust(self._width))
        self._width = len(line)
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
