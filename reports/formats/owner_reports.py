"""Per-owner reports: split one scan by data owner and write each owner's share.

A finding names its owner (the register entry's ``owner``). For each owner,
:func:`split_by_owner` builds a :class:`~scanners.model.result.ScanResult` holding
only that owner's findings and the datasets they concern, so an owner's
report never shows another owner's dataset or finding:

* findings: exactly those whose ``owner`` is the owner (after trimming
  surrounding whitespace); findings without an owner go to no owner;
* datasets: those named by the owner's findings (``(source, dataset)``
  pairs), plus the datasets registered under a ``register_id`` that appears in
  the owner's findings (a register entry has one owner);
* sources: the sources of those datasets and findings, with ``datasets``
  recounted for the owner and ``skipped`` dropped (skipped file names may
  belong to other owners);
* access reviews: dropped (they cover every dataset of a source).

Each owner's page is headed with the owner, their datasets and register
entries, then a "do first" list (the three findings due soonest, overdue
first, then by severity) and the rest in the same order; their CSV and XLSX
list findings in that order too. A finding keeps its triage (SPEC §9) in the
split: findings the owner's team set aside (accepted, false positive) are
never in "do first" nor in the counts, and are listed in their own section
(:mod:`reports.formats.html_report`), last in the CSV and XLSX.

:func:`write_owner_reports` writes each owner's reports with
:func:`reports.write_reports` into ``out_dir/owners/<folder>/``, where
``<folder>`` is :func:`owner_folder_name` of the owner.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from reports import write_reports
from reports.options import DEFAULT_OPTIONS, ReportOptions
from scanners.model.result import ScanResult

__all__ = ["OWNERS_DIR", "owner_folder_name", "split_by_owner", "write_owner_reports"]

#: Sub-folder of the report directory holding one folder per owner.
OWNERS_DIR = "owners"

_MAX_FOLDER_CHARS = 100
_UNSAFE = re.compile(r"[^A-Za-z0-9._+-]+")
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)


def _owner_key(owner: str | None) -> str | None:
    if owner is None:
        return None
    key = owner.strip()
    return key or None


def owner_folder_name(owner: str) -> str:
    """A readable, safe folder name for ``owner``: ``hr-owner_at_example.co.th``.

    ``@`` becomes ``_at_``; anything but ASCII letters, digits, ``.``, ``_``,
    ``+`` and ``-`` (so ``/``, ``\\``, control characters, spaces, non-ASCII)
    becomes ``_``; runs of dots are collapsed so no ``..`` remains, and a
    leading dot or dash is removed. The result is never empty, ``.`` or
    ``..``, and at most 100 characters.
    """
    text = unicodedata.normalize("NFKC", owner).strip().replace("@", "_at_")
    text = _UNSAFE.sub("_", text)
    text = re.sub(r"\.{2,}", ".", text)
    text = text.lstrip(".-_").rstrip(". ")
    if len(text) > _MAX_FOLDER_CHARS:
        text = text[:_MAX_FOLDER_CHARS].rstrip(". ")
    if not text:
        text = "owner"
    if _WINDOWS_RESERVED.match(text):
        text = f"_{text}"
    return text


def _folder_names(owners: Sequence[str]) -> dict[str, str]:
    """Folder per owner; a hash suffix keeps two owners apart if their names collide."""
    names: dict[str, str] = {}
    used: dict[str, int] = {}
    for owner in owners:
        folder = owner_folder_name(owner)
        used[folder.lower()] = used.get(folder.lower(), 0) + 1
        names[owner] = folder
    for owner, folder in names.items():
        if used[folder.lower()] > 1:  # also on case-insensitive file systems
            digest = hashlib.sha256(owner.encode("utf-8")).hexdigest()[:8]
            names[owner] = f"{folder}-{digest}"
    return names


def split_by_owner(result: ScanResult) -> dict[str, ScanResult]:
    """One :class:`ScanResult` per owner named by a finding, holding only that owner's share."""
    owners = sorted({key for f in result.findings if (key := _owner_key(f.owner)) is not None})
    split: dict[str, ScanResult] = {}
    for owner in owners:
        findings = tuple(f for f in result.findings if _owner_key(f.owner) == owner)
        pairs = {(f.source, f.dataset) for f in findings if f.dataset is not None}
        register_ids = {f.register_id for f in findings if f.register_id is not None}
        datasets = tuple(
            d
            for d in result.datasets
            if (d.source, d.name) in pairs
            or (d.register_id is not None and d.register_id in register_ids)
        )
        counts: dict[str, int] = {}
        for dataset in datasets:
            counts[dataset.source] = counts.get(dataset.source, 0) + 1
        source_names = set(counts) | {f.source for f in findings}
        sources = tuple(
            replace(s, datasets=counts.get(s.name, 0), skipped=())
            for s in result.sources
            if s.name in source_names
        )
        split[owner] = ScanResult(
            scan=result.scan,
            sources=sources,
            datasets=datasets,
            findings=findings,
            access_reviews=(),
        )
    return split


def write_owner_reports(
    result: ScanResult,
    out_dir: Path,
    formats: Sequence[str],
    language: str = "th",
    options: ReportOptions = DEFAULT_OPTIONS,
) -> dict[str, list[Path]]:
    """Write each owner's reports into ``out_dir/owners/<folder>/``; return the paths per owner.

    ``formats``, ``language`` and ``options`` are as for
    :func:`reports.write_reports` (checked before anything is written); each
    owner's reports name the owner and put what to do first on top. Owners
    without findings get nothing.
    """
    per_owner = split_by_owner(result)
    folders = _folder_names(list(per_owner))
    base = Path(out_dir) / OWNERS_DIR
    written: dict[str, list[Path]] = {}
    for owner, owner_result in per_owner.items():
        mine = replace(options, owner=owner)
        written[owner] = write_reports(owner_result, base / folders[owner], formats, language, mine)
    return written
