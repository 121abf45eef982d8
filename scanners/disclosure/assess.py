"""Judge a disclosure request (SPEC §10): per column what it holds and what the register
allows, and every problem, blocking or not.

Pure: the agent gives what the source says (the columns' detected types,
which are prose, the k-anonymity over the quasi-identifiers) and gets back an
:class:`~scanners.disclosure.assessment.Assessment`. Blocking problems stop the
extract: no legal basis or purpose, a dataset the register does not cover, a
column the dataset lacks, Section 26 data without ``sensitive_basis``, a
treatment finer than the register allows, a direct identifier in clear with no
reason given, a pseudonym without its key, and k below ``k_min``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from scanners.disclosure.assessment import Assessment, ColumnAssessment, KAnonymity
from scanners.disclosure.column_problems import column_problems
from scanners.disclosure.minimums import allowed_treatments
from scanners.disclosure.request import DEFAULT_K_MIN, DisclosureRequest
from scanners.disclosure.request_problems import k_problems, request_problems
from scanners.model.register import RegisterEntry

#: Types that make a kept column part of the extract's quasi-identifiers.
QUASI_TYPES = frozenset({"DATE_OF_BIRTH", "BIRTH_YEAR", "GENDER", "POSTAL_CODE", "ADDRESS"})
#: Treatments that generalise a value (their output is a quasi-identifier).
GENERALISING = frozenset({"birth_year", "age_band", "postcode", "province"})
#: Treatments after which a value no longer joins a group (unique or cut to nothing).
NOT_GROUPED = frozenset({"drop", "pseudonym", "mask"})


@dataclass(frozen=True)
class ColumnFacts:
    """What the source says about one column of the dataset."""

    types: tuple[str, ...]  # detected (or overridden) PII types
    free_text: bool


def k_min_for(request: DisclosureRequest, entry: RegisterEntry | None) -> int:
    """The request's k_min, else the register entry's, else the default."""
    if request.k_min is not None:
        return request.k_min
    return entry.k_min if entry is not None else DEFAULT_K_MIN


def assess_columns(
    request: DisclosureRequest, entry: RegisterEntry | None, found: Mapping[str, ColumnFacts]
) -> tuple[ColumnAssessment, ...]:
    """One assessment per requested column, in request order."""
    qi_names = set(entry.quasi_identifiers) if entry is not None else set()
    columns = []
    for asked in request.columns:
        facts = found.get(asked.name)
        types = facts.types if facts is not None else ()
        free = facts.free_text if facts is not None else False
        grouped = asked.treatment not in NOT_GROUPED and not free
        quasi = grouped and (
            asked.name in qi_names
            or bool(set(types) & QUASI_TYPES)
            or asked.treatment in GENERALISING
        )
        columns.append(
            ColumnAssessment(
                name=asked.name,
                treatment=asked.treatment,
                types=types,
                free_text=free,
                allowed=allowed_treatments(entry, types, free),
                quasi_identifier=quasi,
                exists=facts is not None,
            )
        )
    return tuple(columns)


def assess(
    request: DisclosureRequest,
    entry: RegisterEntry | None,
    columns: tuple[ColumnAssessment, ...],
    k_anonymity: KAnonymity | None,
    key_present: bool,
    rows: int | None,
    assessed_at: datetime,
) -> Assessment:
    """The assessment of ``request``: columns as :func:`assess_columns` gave them, and problems."""
    problems = [
        *request_problems(request, entry),
        *column_problems(request, entry, columns, key_present),
        *k_problems(k_anonymity),
    ]
    problems.sort(key=lambda p: not p.blocking)
    return Assessment(
        request=request,
        assessed_at=assessed_at,
        register_id=entry.id if entry is not None else None,
        owner=entry.owner if entry is not None else None,
        columns=columns,
        problems=tuple(problems),
        k_anonymity=k_anonymity,
        rows=rows,
    )
