"""``check-config --connect``: what only the sources themselves can tell (SPEC §3).

Every configured source is opened read-only, with the connector a scan uses
(hence its connect and statement timeouts), and its datasets listed. Then:

* each register entry's ``match`` matches at least one dataset of its source;
* ``clock_column``, ``subject_key`` and ``quasi_identifiers`` are columns of
  every matched dataset, and the clock is a date or timestamp column, or text
  of which at least :data:`DATE_LIKE_SHARE` of up to :data:`CLOCK_SAMPLE`
  sampled non-empty values read as dates (:func:`scanners.dates.date_values.read_date`);
* each access-list principal exists on its source (a database role or user;
  for a local share, an OS user or group, or an owner of a shared file);
* each classification override matches at least one column.

Each problem names the file it is written in (config, register, access list
or overrides) and its line where known. A source that cannot be reached is
one problem naming the source, never its password; nothing here prints a
sampled value.
"""

from __future__ import annotations

import grp
import pwd
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

from agent.inputs.config import DatabaseSource, FilesSource
from agent.inputs.config_loader import LoadedConfig
from agent.inputs.problems import Problem
from agent.scan.sources import build_connector
from connectors.base import Connector, PrincipalLister, ValueStreamer
from connectors.files.smb_url import is_smb_url
from connectors.model import DatasetInfo, ValueKind
from scanners.checks.access.common import principal_matches
from scanners.classification.overrides import Override
from scanners.dates.date_values import read_date
from scanners.model.access import ApprovedGrant
from scanners.model.register import RegisterEntry
from scanners.reasons import error_reason

#: Non-empty values of a text clock column read to judge whether it holds dates.
CLOCK_SAMPLE = 200
#: Share of those values that must read as dates.
DATE_LIKE_SHARE = 0.8
_DATE_KINDS = (ValueKind.DATE, ValueKind.DATETIME)

SourceProblem = Callable[[int, str], Problem]  # (source index, message) → a config problem


@dataclass(frozen=True)
class UserFiles:
    """The register, access list and overrides loaded for the check, and their files."""

    register: tuple[RegisterEntry, ...] = ()
    register_path: Path | None = None
    grants: tuple[ApprovedGrant, ...] = ()
    access_path: Path | None = None
    overrides: tuple[Override, ...] = ()
    overrides_path: Path | None = None


def connect_problems(
    loaded: LoadedConfig, files: UserFiles, source_problem: SourceProblem
) -> list[Problem]:
    """Every problem only the sources can reveal, source by source in config order."""
    problems: list[Problem] = []
    for index, source in enumerate(loaded.config.sources):
        connector: Connector | None = None
        try:
            connector = build_connector(source, loaded)
            connector.open()
            datasets = connector.list_datasets()
        except Exception as exc:  # one unreachable source is one problem
            problems.append(
                source_problem(index, f"source {source.name}: cannot connect: {error_reason(exc)}")
            )
            if connector is not None:
                connector.close()
            continue
        try:
            problems.extend(_SourceCheck(source, connector, datasets, files).problems())
        finally:
            connector.close()
    return problems


def _line(origin: str) -> int | None:
    """The line number of an origin ``"file.toml:12"`` (None when it has none)."""
    tail = origin.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


class _SourceCheck:
    """The checks of one open source (datasets described once, on first use)."""

    def __init__(
        self,
        source: DatabaseSource | FilesSource,
        connector: Connector,
        datasets: Sequence[str],
        files: UserFiles,
    ) -> None:
        self.source = source
        self.connector = connector
        self.datasets = list(datasets)
        self.files = files
        self._described: dict[str, DatasetInfo | str] = {}

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        for entry in self.files.register:
            if entry.source == self.source.name:
                found.extend(self._entry(entry))
        found.extend(self._principals())
        for override in self.files.overrides:
            if override.source == self.source.name:
                found.extend(self._override(override))
        return found

    def _describe(self, dataset: str) -> DatasetInfo | str:
        """The dataset's columns, or the reason it cannot be read."""
        if dataset not in self._described:
            try:
                self._described[dataset] = self.connector.describe(dataset)
            except Exception as exc:  # reported against the entry that needs it
                self._described[dataset] = error_reason(exc)
        return self._described[dataset]

    # -- register ------------------------------------------------------------

    def _entry(self, entry: RegisterEntry) -> list[Problem]:
        path = self.files.register_path or Path("register")

        def problem(message: str) -> Problem:
            return Problem(path, _line(entry.origin), f"register entry {entry.id}: {message}")

        where = f"source {self.source.name}"
        matched = [d for d in self.datasets if entry.covers(self.source.name, d)]
        if not matched:
            return [problem(f"match {entry.match!r} matches no dataset of {where}")]
        found: list[Problem] = []
        wanted = [
            ("clock_column", entry.clock_column),
            ("subject_key", entry.subject_key),
            *(("quasi_identifiers", column) for column in entry.quasi_identifiers),
        ]
        for dataset in matched:
            info = self._describe(dataset)
            if isinstance(info, str):
                found.append(problem(f"dataset {dataset} of {where} cannot be read: {info}"))
                continue
            names = {column.name for column in info.columns}
            for field, column in wanted:
                if column is not None and column not in names:
                    found.append(problem(f"{field} {column!r} is not a column of {dataset}"))
            if entry.clock_column is not None and entry.clock_column in names:
                why = self._not_a_clock(info, entry.clock_column)
                if why:
                    found.append(problem(f"clock_column {entry.clock_column!r} of {dataset} {why}"))
        return found

    def _not_a_clock(self, info: DatasetInfo, column: str) -> str:
        """Why ``column`` cannot be a retention clock ("" when it holds dates)."""
        col = next(c for c in info.columns if c.name == column)
        if col.kind in _DATE_KINDS:
            return ""
        if col.kind != ValueKind.TEXT:
            return f"is {col.type_name}, not a date, timestamp or date-like text"
        try:
            values = self._clock_values(replace(info, columns=(col,)), column)
        except Exception as exc:  # the column exists but cannot be read
            return f"cannot be read: {error_reason(exc)}"
        if not values:
            return ""  # no value yet: nothing says it is wrong
        dates = sum(1 for value in values if _reads_as_date(value))
        if dates >= DATE_LIKE_SHARE * len(values):
            return ""
        return (
            f"is text that does not read as dates ({dates} of {len(values)} sampled values "
            f"do; at least {DATE_LIKE_SHARE:.0%} must)"
        )

    def _clock_values(self, info: DatasetInfo, column: str) -> list[object]:
        """Up to :data:`CLOCK_SAMPLE` non-empty values: a random sample, else the first ones."""
        sample = self.connector.sample(info, CLOCK_SAMPLE)
        values = [v for v in sample.columns[0].values if v is not None and str(v).strip()]
        if values:
            return values
        if not isinstance(self.connector, ValueStreamer):
            return []
        stream = self.connector.column_values(info.name, column)
        try:
            return [v for v in islice(stream, CLOCK_SAMPLE) if str(v).strip()]
        finally:
            if isinstance(stream, Generator):  # a server-side cursor: release it now
                stream.close()

    # -- access list ---------------------------------------------------------

    def _principals(self) -> list[Problem]:
        grants = [g for g in self.files.grants if g.source == self.source.name]
        if not grants:
            return []
        path = self.files.access_path or Path("access list")
        if not isinstance(self.connector, PrincipalLister):
            return []
        try:
            principals = self.connector.principals()
        except Exception as exc:  # no right to read the catalogue: say so, once
            reason = error_reason(exc)
            line = _line(grants[0].origin)
            return [
                Problem(path, line, f"source {self.source.name}: cannot list principals: {reason}")
            ]
        local_share = isinstance(self.source, FilesSource) and not is_smb_url(self.source.path)
        if not principals and not local_share:
            return []  # nothing to compare with (an SMB share whose permissions could not be read)
        found: list[Problem] = []
        seen: set[str] = set()
        for grant in grants:
            if grant.principal in seen:
                continue
            seen.add(grant.principal)
            if any(principal_matches(grant.principal, p) for p in principals):
                continue
            if local_share and _os_principal(grant.principal):
                continue
            found.append(
                Problem(
                    path,
                    _line(grant.origin),
                    f"grant on {grant.dataset}: principal {grant.principal!r} does not exist "
                    f"on source {self.source.name}",
                )
            )
        return found

    # -- classification overrides -------------------------------------------

    def _override(self, override: Override) -> list[Problem]:
        unreadable = False
        for dataset in self.datasets:
            if not override.covers_dataset(self.source.name, dataset):
                continue
            info = self._describe(dataset)
            if isinstance(info, str):
                unreadable = True
                continue
            if any(override.covers(self.source.name, dataset, c.name) for c in info.columns):
                return []
        path = self.files.overrides_path or Path("overrides")
        what = "matches no readable column" if unreadable else "matches no column"
        return [
            Problem(
                path,
                _line(override.origin),
                f"override (dataset {override.dataset}, column {override.column}) {what} "
                f"of source {self.source.name}",
            )
        ]


def _reads_as_date(value: object) -> bool:
    """Whether a clock value reads as a date the way the scan reads clocks (any era, Thai
    digits, two-digit years, ``YYYYMMDD``: :func:`scanners.dates.date_values.read_date`)."""
    try:
        return read_date(value) is not None
    except Exception:  # a value no date parser expects
        return False


def _os_principal(name: str) -> bool:
    """Whether ``name`` is a user or group of this machine."""
    for lookup in (pwd.getpwnam, grp.getgrnam):
        try:
            lookup(name)
        except (KeyError, ValueError):  # unknown, or a name with a NUL
            continue
        return True
    return False
