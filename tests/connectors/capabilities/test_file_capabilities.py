"""What the checks ask a file share: rows before a date, k-anonymity groups, subject lookups.

The files connector answers the database connector's questions on CSV, TSV
and TXT files in a temporary folder — dates parsed in ISO, ``dd/mm/yyyy``
and B.E. forms (a cell that is not a date is never before the cut-off),
file modification times, quasi-identifier groups, present values and
streamed column values — but prints no remediation SQL.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from connectors.base import GroupCounter, RemediationWriter, RowCounter, SubjectFinder
from connectors.errors import DatasetError
from connectors.files.connector import FilesConnector, parse_date
from connectors.model import GroupStats
from tests.connectors.capabilities.capability_data import CUTOFF, QUASI

CSV_ROWS = [
    ("1", "2015-03-01", "F", "1980", "10110"),
    ("2", "2016-11-24 18:00:00", "M", "1980", "10110"),
    ("3", "2016-11-25", "M", "1980", "10110"),
    ("4", "25/11/2559", "F", "1990", "10200"),
    ("5", "24/11/2559", "F", "1990", "10200"),
    ("6", "01/01/2010", "F", "1990", "10200"),
    ("7", "31/02/2010", "F", "1990", "10200"),
    ("8", "", "F", "1990", "10200"),
    ("9", "not a date", "M", "1975", "50000"),
    ("10", "2020-01-01T08:00:00", "M", "1975", "50000"),
]


@pytest.fixture
def share(tmp_path: Path) -> Iterator[FilesConnector]:
    lines = ["id,left,gender,birth_year,postcode", *(",".join(r) for r in CSV_ROWS)]
    (tmp_path / "staff.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    tsv = ["id\tleft", "1\t2010-01-01", "2\t2020-01-01"]
    (tmp_path / "staff.tsv").write_text("\n".join(tsv) + "\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("hello\n", encoding="utf-8")
    connector = FilesConnector("share", tmp_path)
    connector.open()
    yield connector
    connector.close()


def test_files_offer_lookups_but_no_sql(share: FilesConnector) -> None:
    for protocol in (RowCounter, GroupCounter, SubjectFinder):
        assert isinstance(share, protocol)
    assert not isinstance(share, RemediationWriter)


def test_files_count_before(share: FilesConnector) -> None:
    # 2015-03-01, 2016-11-24 18:00, 24/11/2559 (B.E.) and 01/01/2010 are before the cutoff.
    assert share.count_before("staff.csv", "left", CUTOFF) == 4
    assert share.count_before("staff.csv", "left", dt.date(2100, 1, 1)) == 7
    assert share.count_before("staff.tsv", "left", CUTOFF) == 1
    with pytest.raises(DatasetError, match="'nope'"):
        share.count_before("staff.csv", "nope", CUTOFF)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2016-11-24", dt.date(2016, 11, 24)),
        (" 2016-11-24 18:00:00 ", dt.date(2016, 11, 24)),
        ("2016-11-24T18:00:00.5+07:00", dt.date(2016, 11, 24)),
        ("24/11/2559", dt.date(2016, 11, 24)),
        ("4/1/2016 09:30", dt.date(2016, 1, 4)),
        ("2559-11-24", dt.date(2016, 11, 24)),
        ("31/02/2010", None),
        ("11/24/2016", None),
        ("24-11-2016", None),
        ("", None),
    ],
)
def test_parse_date(cell: str, expected: dt.date | None) -> None:
    assert parse_date(cell) == expected


def test_files_modified_before(share: FilesConnector, tmp_path: Path) -> None:
    stamp = dt.datetime(2015, 6, 1, 12, 0).timestamp()
    os.utime(tmp_path / "notes.txt", (stamp, stamp))
    assert share.modified_before("notes.txt", CUTOFF) is True
    assert share.modified_before("notes.txt", dt.date(2015, 6, 1)) is False
    assert share.modified_before("staff.csv", CUTOFF) is False  # written just now
    with pytest.raises(DatasetError):
        share.modified_before("gone.txt", CUTOFF)


def test_files_group_stats_and_lookups(share: FilesConnector) -> None:
    # Groups of 1, 2, 5 and 2 rows.
    assert share.group_stats("staff.csv", QUASI, 3) == GroupStats(4, 1, 5, 3)
    assert share.group_stats("staff.csv", QUASI, 6) == GroupStats(4, 1, 10, 4)
    assert share.group_stats("staff.csv", ["left"], 2) == GroupStats(10, 1, 10, 10)
    with pytest.raises(DatasetError):
        share.group_stats("staff.csv", ["gender", "nope"], 3)
    assert share.present_values("staff.csv", "id", ["1", "10", "11", " 2"]) == {"1", "10"}
    assert share.present_values("staff.csv", "id", []) == set()
    assert share.count_values("staff.csv", "gender", ["F"]) == 6
    assert list(share.column_values("staff.csv", "left"))[:2] == [
        "2015-03-01",
        "2016-11-24 18:00:00",
    ]
    assert len(list(share.column_values("staff.csv", "left"))) == 9  # the empty cell is NULL
    assert list(share.column_values("notes.txt", "content")) == ["hello"]
