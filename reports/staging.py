"""Write a set of report files all or nothing: stage each beside its final name, then rename all.

Every file is first written (atomically) as ``.<name>.new`` in the output
folder; only when all of them are written are they renamed over the previous
reports. A failure halfway (disk full, a file size limit) removes what was
staged and leaves the previous reports as they were, so the folder never
mixes two scans or holds a half-written report.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class StagedFile:
    """One file of a report set: its name in the folder and how to write it to a given path."""

    name: str
    write: Callable[[Path], Path]


def write_all_or_nothing(out_dir: Path, files: Sequence[StagedFile]) -> list[Path]:
    """Write every file of ``files`` into ``out_dir`` (created if needed); return the final paths.

    A name given twice is written once (the first).
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    staged: list[tuple[Path, Path]] = []  # (written, its final path)
    try:
        for file in files:
            if file.name in seen:
                continue
            seen.add(file.name)
            staged.append((file.write(out_dir / f".{file.name}.new"), out_dir / file.name))
        for stage, final in staged:
            os.replace(stage, final)
    except BaseException:
        for stage, _final in staged:
            with contextlib.suppress(OSError):
                stage.unlink()
        raise
    return [final for _stage, final in staged]
