"""Reading one share file within its budgets: line formats sampled, XLSX streamed.

:func:`read_line_file` reads a line format (CSV, text, JSON) up to the read
budget, cut at a line end; a giant line that would eat the budget is read past
(up to the scan budget) so the rows after it are read too, and giant cells are
cut (:mod:`connectors.files.readers.long_lines`). :func:`read_whole_file`
reads any other format whole when it fits the read budget, from a file handle
when it is larger and its format can be read streaming (XLSX, up to the
streaming budget), and skips it otherwise. Both return the notes to keep:
what was cut (and says so: "sampled: first …", "… cut …") and how a file was
read ("read streaming …").
"""

from __future__ import annotations

from dataclasses import dataclass

from connectors.files.readers import registry
from connectors.files.readers.content import FileContent, ReadLimits, Skipped, trim_partial_line
from connectors.files.readers.long_lines import MAX_LINE_BYTES, cap_long_lines, partial_tail
from connectors.files.share_fs import ShareFS


@dataclass(frozen=True)
class Budgets:
    """Bytes one file may cost: read whole, read past a giant line, read streaming."""

    read: int
    scan: int
    stream: int


@dataclass(frozen=True)
class LinesRead:
    """A line-format file's bytes as read, whether it was read in part, and the notes."""

    data: bytes
    sampled: bool
    notes: tuple[str, ...]


def read_line_file(fs: ShareFS, path: str, size: int, budgets: Budgets) -> LinesRead:
    """``path``'s bytes, giant cells cut, at most ``budgets.read`` of them."""
    data = fs.read(path, budgets.read)
    if size > len(data) and partial_tail(data) > MAX_LINE_BYTES:
        data = fs.read(path, max(budgets.scan, budgets.read))
    sampled = size > len(data)
    if sampled:
        data = trim_partial_line(data)
    capped = cap_long_lines(data)
    notes = list(capped.notes)
    data = capped.data
    if len(data) > budgets.read:  # the rest of what was read is left out
        data = trim_partial_line(data[: budgets.read])
        sampled = True
    if sampled:
        notes.append(
            f"sampled: first {len(data)} of {size} bytes read, the rest left out "
            f"(read budget {budgets.read} bytes)"
        )
    return LinesRead(data, sampled, tuple(notes))


def read_whole_file(
    fs: ShareFS, path: str, size: int, budgets: Budgets, limits: ReadLimits
) -> tuple[FileContent | Skipped, tuple[str, ...]]:
    """The content of a file that is not read in part, and the notes on how it was read."""
    if size <= budgets.read:
        return registry.read_content(path, fs.read(path, budgets.read), limits), ()
    if not registry.can_stream(path):
        return Skipped(f"larger than the read budget ({size} > {budgets.read} bytes)"), ()
    if size > budgets.stream:
        return Skipped(f"larger than the streaming budget ({size} > {budgets.stream} bytes)"), ()
    with fs.open_binary(path) as handle:
        content = registry.read_stream(path, handle, limits)
    return content, (f"read streaming ({size} bytes, above the read budget)",)
