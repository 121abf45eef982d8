"""The JSON report (findings.json): keys and their order as the SPEC gives them, stable ordering.

Rendered from the hand-built scan of sample_scan.py: every
key of the scan, sources, datasets, columns and findings in SPEC order, the
rows sorted whatever the input order, Thai kept as UTF-8 (not escaped) and
the written file reading back as the same document.
"""

from __future__ import annotations

import json
from pathlib import Path

from reports import write_reports
from reports.formats.json_report import to_json_dict
from scanners.model.result import ScanResult
from tests.reports.sample_scan import EVIL_DATASET

SPEC_FINDING_KEYS = [
    "id",
    "type",
    "severity",
    "source",
    "dataset",
    "columns",
    "count",
    "register_id",
    "owner",
    "principal",
    "privileges",
    "law",
    "message",
    "remediation",
    "due",
    "count_unit",
]


def test_json_keys_and_order_follow_spec(result: ScanResult) -> None:
    doc = to_json_dict(result)
    assert list(doc) == ["schema_version", "scan", "sources", "datasets", "findings"]
    assert doc["schema_version"] == 1
    assert list(doc["scan"]) == ["id", "started_at", "finished_at", "tool_version"]
    assert [list(s) for s in doc["sources"]] == [["name", "status", "error", "datasets"]] * 2
    with_error, plain = doc["datasets"]  # "<script>…" sorts before "public.…"
    keys = ["source", "name", "kind", "row_count", "register_id", "columns"]
    assert list(plain) == keys
    assert list(with_error) == [*keys, "error"]
    assert with_error["error"] == "timeout after 30 s"
    column = plain["columns"][0]
    assert list(column) == ["name", "sampled", "pii", "evidence", "reasons"]
    assert column["pii"] == [{"type": "TH_NATIONAL_ID", "confidence": 0.98, "match_ratio": 0.97}]
    assert list(column["pii"][0]) == ["type", "confidence", "match_ratio"]
    assert plain["columns"][1]["pii"] == []
    for finding in doc["findings"]:
        assert list(finding) == SPEC_FINDING_KEYS
        assert list(finding["message"]) == ["th", "en"]
        assert isinstance(finding["privileges"], list)
        assert isinstance(finding["columns"], list)


def test_json_ordering(result: ScanResult) -> None:
    doc = to_json_dict(result)
    assert [s["name"] for s in doc["sources"]] == ["files", "hr"]
    assert [d["name"] for d in doc["datasets"]] == [EVIL_DATASET, "public.พนักงาน"]
    assert [f["id"] for f in doc["findings"]] == ["f-scan", "f-unreg", "f-retention", "f-access"]
    access = doc["findings"][-1]
    assert access["principal"] == "PUBLIC"
    assert access["privileges"] == ["SELECT", "UPDATE"]
    assert doc["findings"][0]["dataset"] is None


def test_json_file_round_trips_and_keeps_thai(result: ScanResult, tmp_path: Path) -> None:
    (path,) = write_reports(result, tmp_path, ["json"])
    assert path == tmp_path / "findings.json"
    text = path.read_bytes().decode("utf-8")
    assert "ชุดข้อมูล <b>พนักงาน</b>" in text  # ensure_ascii=False
    assert '\n  "scan": {' in text  # indent 2
    assert json.loads(text) == to_json_dict(result)
    assert list(json.loads(text)) == list(to_json_dict(result))


def test_json_is_stable_whatever_the_input_order(result: ScanResult) -> None:
    shuffled = ScanResult(
        scan=result.scan,
        sources=result.sources[::-1],
        datasets=result.datasets[::-1],
        findings=result.findings[::-1],
    )
    assert json.dumps(to_json_dict(shuffled)) == json.dumps(to_json_dict(result))
