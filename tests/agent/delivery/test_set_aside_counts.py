"""The owner's e-mail counts only open work: findings set aside by triage are left out (§9)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from agent.delivery.notifier import build_message

FINDINGS = [
    {"id": "a", "severity": "high", "triage": {"status": "accepted"}},
    {"id": "b", "severity": "high", "triage": {"status": "false_positive"}},
    {"id": "c", "severity": "high", "triage": {"status": "acknowledged"}},  # still work
    {"id": "d", "severity": "low"},
]


def _body(path: Path, language: str) -> tuple[str, str]:
    message = build_message("agent@example.co.th", "owner@example.co.th", [path], language)
    body = message.get_body(("plain",))
    assert body is not None
    return str(message["Subject"]), body.get_content()


def test_json_counts_leave_set_aside_findings_out(tmp_path: Path) -> None:
    path = tmp_path / "findings.json"
    path.write_text(json.dumps({"findings": FINDINGS}), encoding="utf-8")
    subject, body = _body(path, "en")
    assert subject.endswith(": 2")
    assert "High: 1" in body and "Low: 1" in body


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("en", ("Accepted risk", "False positive")),
        ("th", ("ยอมรับความเสี่ยง", "ตรวจพบคลาดเคลื่อน (false positive)")),
    ],
)
def test_csv_counts_leave_set_aside_findings_out(
    tmp_path: Path, language: str, labels: tuple[str, str]
) -> None:
    path = tmp_path / "findings.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "severity", "triage_status"])
        writer.writerows([["a", "high", labels[0]], ["b", "high", labels[1]], ["c", "high", ""]])
    subject, _ = _body(path, language)
    assert ": 1" in subject and ": 3" not in subject
