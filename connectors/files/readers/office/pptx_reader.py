"""PowerPoint presentations (.pptx): the text of every slide and its notes, as lines.

Read with python-pptx once :func:`~connectors.files.readers.zip_reader.guard_archive`
has refused a ZIP bomb. Slides are read in order; on each, every shape in
z-order: text frames (placeholders, text boxes, auto-shapes), tables (a cell
per line, a merged cell once) and the shapes inside groups, nested groups
included; then the slide's notes. Charts, SmartArt, comments, master and
layout slides are not read. An encrypted presentation (an OLE2 container,
not a ZIP) and a ZIP that is not a presentation (a DOCX named .pptx) are
skipped with a one-line reason.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from pptx import Presentation
from pptx.shapes.base import BaseShape
from pptx.shapes.graphfrm import GraphicFrame
from pptx.shapes.group import GroupShape
from pptx.text.text import TextFrame

from connectors.files.readers.content import ReadLimits, SkipFile, Text
from connectors.files.readers.office.lines import Lines
from connectors.files.readers.office.sniff import (
    OLE_MAGIC,
    ZIP_ERRORS,
    error_name,
    not_a,
    what_is,
    zip_kind,
)
from connectors.files.readers.zip_reader import guard_archive

KIND = "PowerPoint presentation (PPTX)"
_MAIN_PART = "ppt/presentation.xml"


def frame_texts(frame: TextFrame) -> Iterator[str]:
    """Each paragraph of a text frame (a line break inside one is a vertical tab)."""
    for paragraph in frame.paragraphs:
        yield paragraph.text


def shape_texts(shapes: Iterator[BaseShape]) -> Iterator[str]:
    """The text of shapes in z-order, the members of groups in place, without recursion."""
    pending: list[Iterator[BaseShape]] = [iter(shapes)]
    while pending:
        shape = next(pending[-1], None)
        if shape is None:
            pending.pop()
        elif isinstance(shape, GroupShape):
            pending.append(iter(shape.shapes))
        elif isinstance(shape, GraphicFrame) and shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    if not cell.is_spanned:  # a merged cell's text is in its first cell
                        yield from frame_texts(cell.text_frame)
        elif shape.has_text_frame:
            yield from frame_texts(shape.text_frame)  # type: ignore[attr-defined]


def presentation_texts(data: bytes) -> Iterator[str]:
    """Every slide's shapes' text then its notes, slide by slide."""
    deck = Presentation(io.BytesIO(data))
    for slide in deck.slides:
        yield from shape_texts(iter(slide.shapes))
        if slide.has_notes_slide:
            notes = slide.notes_slide.notes_text_frame
            if notes is not None:
                yield from frame_texts(notes)


def read_pptx(name: str, data: bytes, limits: ReadLimits) -> Text:
    """The presentation's non-empty lines, at most ``limits.max_rows``."""
    if data.startswith(OLE_MAGIC):
        found = what_is(data)
        if "encrypted" in found:
            raise SkipFile("encrypted (password-protected) presentation")
        raise SkipFile(f"{not_a(KIND)}: {found}")
    guard_archive(data, limits)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    if _MAIN_PART not in names:
        raise SkipFile(f"{not_a(KIND)}: {zip_kind(names)}")
    lines = Lines(limits)
    try:
        lines.extend(presentation_texts(data))
    except ZIP_ERRORS as exc:
        raise SkipFile(f"corrupt or truncated {KIND} ({error_name(exc)})") from None
    return lines.finish()
