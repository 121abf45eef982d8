"""The scan summary never sends control characters from scanned names to the terminal."""

from __future__ import annotations

import pytest

from agent.commands.summary import printable, summary_lines
from scanners.model.result import ColumnResult, DatasetResult, PiiMatch, ScanInfo, ScanResult


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("ลูกค้า.อีเมล์", "ลูกค้า.อีเมล์"),  # Thai vowels and tone marks stay
        ("plain name", "plain name"),
        ("a\x1b[2Jb", "a\\x1b[2Jb"),  # an ANSI "clear screen"
        ("line\rover", "line\\rover"),
        ("nul\x00", "nul\\x00"),
        ("tab\there", "tab\\there"),
        ("zero\u200bwidth", "zero\\u200bwidth"),
    ],
)
def test_printable(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_summary_escapes_a_hostile_column_and_table_name() -> None:
    column = ColumnResult("e\x1b]0;owned\x07mail", 3, (PiiMatch("EMAIL_ADDRESS", 0.9, 1.0),))
    dataset = DatasetResult("db", "main.t\x1b[31m", "table", 3, None, (column,))
    result = ScanResult(ScanInfo("s1", "2026-11-25T00:00:00", "2026-11-25T00:00:01", "x"))
    result = ScanResult(result.scan, datasets=(dataset,))
    lines = summary_lines(result, [], 1.0)
    assert not any("\x1b" in line or "\x07" in line for line in lines)
    assert "    db/main.t\\x1b[31m: e\\x1b]0;owned\\x07mail=EMAIL_ADDRESS" in lines
