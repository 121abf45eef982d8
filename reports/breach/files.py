"""The files of one breach assessment, as a staged set (written all or nothing).

``breach.json``; the notice to the PDPC office and the internal record in
Thai and English, as HTML and DOCX (the Office notice whatever the grade:
for ``none`` it is marked "not required — kept for the record"); and, only
when the grade asks for it (``notify_subjects``), the notice to the data
subjects in the same four forms. Each file is rendered when it is written.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from docx.document import Document

from reports.breach.docx_drafts import (
    internal_record_docx,
    office_notice_docx,
    subjects_notice_docx,
)
from reports.breach.drafts import internal_record_html, office_notice_html, subjects_notice_html
from reports.staging import StagedFile

JSON_NAME = "breach.json"
LANGUAGES: tuple[str, ...] = ("th", "en")


def _text(render: Callable[[], str]) -> Callable[[Path], Path]:
    def write(path: Path) -> Path:
        path.write_text(render(), encoding="utf-8")
        return path

    return write


def _docx(build: Callable[[], Document]) -> Callable[[Path], Path]:
    def write(path: Path) -> Path:
        build().save(str(path))
        return path

    return write


def _both_forms(
    name: str,
    html: Callable[[str], str],
    word: Callable[[str], Document],
) -> list[StagedFile]:
    """``name.<lang>.html`` and ``name.<lang>.docx`` for Thai and English."""
    files = [StagedFile(f"{name}.{lang}.html", _text(partial(html, lang))) for lang in LANGUAGES]
    files += [StagedFile(f"{name}.{lang}.docx", _docx(partial(word, lang))) for lang in LANGUAGES]
    return files


def draft_files(doc: dict[str, Any], controller: str, dpo_email: str) -> list[StagedFile]:
    """``breach.json`` and the drafts of ``doc`` (a :func:`breach_document`), to stage together."""
    files = [
        StagedFile(JSON_NAME, _text(lambda: json.dumps(doc, ensure_ascii=False, indent=2) + "\n")),
        *_both_forms(
            "office-notice",
            lambda lang: office_notice_html(doc, lang, controller, dpo_email),
            lambda lang: office_notice_docx(doc, lang, controller, dpo_email),
        ),
        *_both_forms(
            "internal-record",
            lambda lang: internal_record_html(doc, lang),
            lambda lang: internal_record_docx(doc, lang),
        ),
    ]
    if doc["grade"]["notify_subjects"]:
        files += _both_forms(
            "subjects-notice",
            lambda lang: subjects_notice_html(doc, lang, controller, dpo_email),
            lambda lang: subjects_notice_docx(doc, lang, controller, dpo_email),
        )
    return files
