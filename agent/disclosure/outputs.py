"""The files of an assessment and of a disclosure, as a staged set (written all or nothing).

Assessment: ``assessment.json`` and ``assessment.html``. Disclosure: the extract
(written first: the notices and ``disclosure.json`` state its row count and
SHA-256), ``notice.th.html``, ``notice.en.html``, ``disclosure.json`` and the
assessment it was made under.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from reports.disclosure.assessment_report import assessment_to_dict, render_assessment_html
from reports.disclosure.disclosure_json import disclosure_to_dict
from reports.disclosure.notice import render_notice
from reports.staging import StagedFile
from scanners.disclosure.assessment import Assessment
from scanners.model.disclosure import DisclosureRecord


def _text(render: Callable[[], str]) -> Callable[[Path], Path]:
    def write(path: Path) -> Path:
        path.write_text(render(), encoding="utf-8")
        return path

    return write


def _json(data: Callable[[], object]) -> Callable[[Path], Path]:
    return _text(lambda: json.dumps(data(), ensure_ascii=False, indent=2) + "\n")


def assessment_files(assessment: Assessment) -> list[StagedFile]:
    return [
        StagedFile("assessment.json", _json(lambda: assessment_to_dict(assessment))),
        StagedFile("assessment.html", _text(lambda: render_assessment_html(assessment))),
    ]


def disclosure_files(
    extract_name: str,
    write_extract: Callable[[Path], Path],
    record: Callable[[], DisclosureRecord],
    assessment: Assessment,
    controller: str,
) -> list[StagedFile]:
    """The extract first, then what describes it (``record`` is read after the extract)."""
    return [
        StagedFile(extract_name, write_extract),
        StagedFile("notice.th.html", _text(lambda: render_notice(record(), "th", controller))),
        StagedFile("notice.en.html", _text(lambda: render_notice(record(), "en", controller))),
        StagedFile("disclosure.json", _json(lambda: disclosure_to_dict(record()))),
        *assessment_files(assessment),
    ]
