"""Follow-ups (SPEC §10): a disclosure past its follow-up date raises exactly one
DISCLOSURE_FOLLOWUP_DUE in the next scan, for the dataset's owner with the recipient as
principal; ``no_answer`` leaves it due, ``still_needed`` reschedules it, ``deleted`` resolves
it; the log exports as XLSX."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from agent.inputs.config_loader import load_config
from agent.state.disclosures import record_disclosure
from agent.state.store import StateStore
from scanners.model.disclosure import DisclosureRecord
from tests.end_to_end.disclosure.conftest import read_json, run
from tests.support.dpo.disclosure_org import Setup

RECIPIENT = "Payroll Bureau Co., Ltd."


def _past_disclosure(org: Setup, disclosure_id: str, due: date) -> DisclosureRecord:
    """A disclosure made seven months ago whose follow-up fell due on ``due``."""
    record = DisclosureRecord(
        id=disclosure_id,
        source="ops",
        dataset=org.dataset,
        recipient=RECIPIENT,
        recipient_contact="payroll@example.com",
        requested_by="HR",
        legal_basis="contract",
        sensitive_basis="",
        purpose="Payroll",
        approved_by="dpo@example.co.th",
        register_id="OPS-001",
        owner="ops-owner@example.co.th",
        disclosed_at=datetime.now(UTC) - timedelta(days=210),
        rows=60,
        sha256="0" * 64,
        k=None,
        treatments=(("passenger_id", "keep"), ("national_id", "pseudonym")),
        format="csv",
        follow_up_every="6m",
        next_followup=due,
    )
    with StateStore(load_config(org.config).config.agent.state) as store:
        record_disclosure(store, record)
    return record


def _followups(
    org: Setup, capsys: pytest.CaptureFixture[str], name: str
) -> list[dict[str, object]]:
    out = org.folder / f"scan_{name}"
    code, _, err = run(capsys, "-c", str(org.config), "scan", "--out", str(out))
    assert code == 0, err
    findings = read_json(out / "findings.json")["findings"]
    return [f for f in findings if f["type"] == "DISCLOSURE_FOLLOWUP_DUE"]


def _answer(
    org: Setup, capsys: pytest.CaptureFixture[str], disclosure: str, status: str, note: str = ""
) -> tuple[int, str, str]:
    """``disclosures followup DISCLOSURE --status STATUS`` by the DPO."""
    argv = ["-c", str(org.config), "disclosures", "followup", disclosure, "--status", status]
    return run(capsys, *argv, "--by", "dpo@example.co.th", "--note", note)


def test_a_past_follow_up_raises_one_finding_until_the_copy_is_deleted(
    org: Setup, capsys: pytest.CaptureFixture[str]
) -> None:
    yesterday = date.today() - timedelta(days=1)
    _past_disclosure(org, f"FU-{org.folder.name}", yesterday)
    _past_disclosure(org, f"FU-LATER-{org.folder.name}", date.today() + timedelta(days=30))
    due = _followups(org, capsys, "first")
    assert len(due) == 1
    finding = due[0]
    assert finding["principal"] == RECIPIENT
    assert finding["owner"] == "ops-owner@example.co.th"
    assert finding["severity"] == "medium" and finding["law"] == "PDPA s.37(2)"
    assert finding["dataset"] == org.dataset and finding["count"] == 60
    assert finding["due"] == yesterday.isoformat()
    owner_report = org.folder / "scan_first" / "owners" / "ops-owner_at_example.co.th"
    owned = read_json(owner_report / "findings.json")["findings"]
    assert [f["id"] for f in owned if f["type"] == "DISCLOSURE_FOLLOWUP_DUE"] == [finding["id"]]

    disclosure = f"FU-{org.folder.name}"
    config = str(org.config)
    code, said, _ = _answer(org, capsys, disclosure, "no_answer", "phoned, no reply")
    assert code == 0 and "no_answer" in said
    assert len(_followups(org, capsys, "no_answer")) == 1  # still due: nobody answered

    code, _, _ = _answer(org, capsys, disclosure, "deleted", "certificate of deletion received")
    assert code == 0
    assert _followups(org, capsys, "deleted") == []
    code, listed, _ = run(capsys, "-c", config, "findings", "--status", "resolved")
    assert any(
        line.startswith("resolved") and "DISCLOSURE_FOLLOWUP_DUE" in line and RECIPIENT in line
        for line in listed.splitlines()
    )

    code, shown, _ = run(capsys, "-c", config, "disclosures", "show", disclosure)
    assert code == 0 and "closed" in shown and "certificate of deletion received" in shown
    code, _, err = _answer(org, capsys, disclosure, "still_needed")
    assert code == 2 and "closed" in err


def test_still_needed_schedules_the_next_follow_up(
    org: Setup, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    disclosure = f"FU-NEEDED-{org.folder.name}"
    _past_disclosure(org, disclosure, date.today() - timedelta(days=3))
    config = str(org.config)
    code, said, _ = _answer(org, capsys, disclosure, "still_needed")
    assert code == 0 and "next follow-up" in said
    ids = [f["message"]["en"] for f in _followups(org, capsys, "needed")]
    assert not any(disclosure in message for message in ids)

    export = tmp_path / "log.xlsx"
    code, _, err = run(capsys, "-c", config, "disclosures", "list", "--xlsx", str(export))
    assert code == 0, err
    sheet = load_workbook(export).worksheets[0]
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
    assert disclosure in cells and RECIPIENT in cells
