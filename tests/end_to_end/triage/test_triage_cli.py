"""``pdpa-agent triage`` end to end (SPEC §9): decisions outlive the scan that raised them.

Real scans of a small organisation (SQLite and PostgreSQL sources, SQLite
state store), the real command line in process:

- a false positive marked once does not come back in the next scans (its
  override is recorded and shown beside what detection gave), and comes back
  when the decision is reversed;
- an acceptance holds through its ``until`` day and the finding is open
  again the day after (the scan re-opens it and the history says so);
- ``--fail-on`` ignores accepted findings but not acknowledged ones;
- every wrong decision exits 2 with the reason and records nothing.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from agent.state.decisions.triage import Decision, current_triage, record_decision
from agent.state.store import StateStore
from tests.end_to_end.triage.conftest import Org


def _finding(report: dict[str, Any], kind: str, column: str) -> dict[str, Any] | None:
    return next(
        (f for f in report["findings"] if f["type"] == kind and column in f["columns"]), None
    )


def _column(report: dict[str, Any], dataset: str, column: str) -> dict[str, Any]:
    found = next(d for d in report["datasets"] if d["name"].endswith(dataset))
    return next(c for c in found["columns"] if c["name"] == column)


def test_a_false_positive_marked_once_does_not_come_back(
    org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    first = org.scan_json(capsys)
    phone = _finding(first, "MINIMISE_UNDECLARED_PII", "phone")
    unregistered = _finding(first, "PII_UNREGISTERED", "contact_email")
    assert phone is not None and unregistered is not None
    code, text = org.cli(
        "triage", phone["id"], "--status", "false_positive",
        "--by", "dpo@example.co.th", "--reason", "the shop's switchboard numbers",
        capsys=capsys,
    )  # fmt: skip
    assert code == 0, text
    assert "override recorded" in text and "phone holds no personal data" in text

    for _ in range(2):  # the next scan, and the one after it
        later = org.scan_json(capsys)
        assert _finding(later, "MINIMISE_UNDECLARED_PII", "phone") is None
        assert _finding(later, "PII_UNREGISTERED", "contact_email") is not None
        decided = _column(later, "customer", "phone")
        assert decided["pii"] == []
        assert decided["override"]["detected"] == ["PHONE_NUMBER"]
        assert decided["override"]["decided_by"] == "dpo@example.co.th"
    with StateStore(org.state_url) as store:
        stored = store.finding(phone["id"])
        assert stored is not None and stored.status == "resolved"

    code, text = org.cli(
        "triage", phone["id"], "--status", "open", "--by", "dpo@example.co.th",
        "--reason", "they are customers' mobiles after all", capsys=capsys,
    )  # fmt: skip
    assert code == 0, text
    again = _finding(org.scan_json(capsys), "MINIMISE_UNDECLARED_PII", "phone")
    assert again is not None and again["id"] == phone["id"]
    assert again["triage"]["status"] == "open"


def test_an_accepted_finding_reopens_the_day_after_its_expiry(
    sqlite_org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    org = sqlite_org
    first = org.scan_json(capsys)
    lapsed = _finding(first, "PII_UNREGISTERED", "contact_email")
    holds = _finding(first, "MINIMISE_UNDECLARED_PII", "phone")
    assert lapsed is not None and holds is not None
    today = date.today()
    code, text = org.cli(
        "triage", holds["id"], "--status", "accepted", "--until", today.isoformat(),
        "--by", "dpo@example.co.th", "--reason", "order desk needs it this month", capsys=capsys,
    )  # fmt: skip
    assert code == 0, text
    with StateStore(org.state_url) as store:  # decided three days ago, until yesterday
        record_decision(
            store.engine,
            Decision(
                lapsed["id"], "dpo@example.co.th", "cli", "accepted", "campaign ends soon",
                today - timedelta(days=1),
            ),
            datetime.now(UTC) - timedelta(days=3),
        )  # fmt: skip

    report = org.scan_json(capsys)
    still = _finding(report, "MINIMISE_UNDECLARED_PII", "phone")
    reopened = _finding(report, "PII_UNREGISTERED", "contact_email")
    assert still is not None and reopened is not None
    assert (still["triage"]["status"], still["triage"]["until"]) == (
        "accepted",
        today.isoformat(),
    )
    assert reopened["triage"]["status"] == "open"
    assert reopened["triage"]["by"] == "pdpa-agent"
    assert "expired" in reopened["triage"]["reason"]
    code, text = org.cli("triage", lapsed["id"], capsys=capsys)
    assert code == 0
    assert "accepted → open" in text and "pdpa-agent (scan)" in text
    with StateStore(org.state_url) as store:
        assert current_triage(store.engine)[lapsed["id"]].status == "open"


def test_fail_on_ignores_accepted_findings_but_not_acknowledged_ones(
    sqlite_org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    org = sqlite_org
    report = org.scan_json(capsys)
    ids = [f["id"] for f in report["findings"]]
    assert ids
    assert org.cli("scan", "--format", "json", "--fail-on", "low", capsys=capsys)[0] == 1
    until = (date.today() + timedelta(days=30)).isoformat()
    for finding_id in ids[1:]:
        code, text = org.cli(
            "triage", finding_id, "--status", "accepted", "--until", until,
            "--by", "dpo@example.co.th", "--reason", "accepted risk", capsys=capsys,
        )  # fmt: skip
        assert code == 0, text
    code, text = org.cli(
        "triage", ids[0], "--status", "acknowledged", "--by", "owner@example.co.th",
        "--reason", "will look", capsys=capsys,
    )  # fmt: skip
    assert code == 0, text
    assert org.cli("scan", "--format", "json", "--fail-on", "low", capsys=capsys)[0] == 1
    code, text = org.cli(
        "triage", ids[0], "--status", "accepted", "--until", until,
        "--by", "dpo@example.co.th", "--reason", "accepted risk", capsys=capsys,
    )  # fmt: skip
    assert code == 0, text
    assert org.cli("scan", "--format", "json", "--fail-on", "low", capsys=capsys)[0] == 0
    code, listing = org.cli("findings", "--status", "open", capsys=capsys)
    assert code == 0
    assert all(f"{i} " in listing for i in ids)
    assert listing.count(f"[accepted until {until}]") == len(ids)


REFUSALS = [
    (["--status", "accepted", "--by", "d", "--reason", "r"], "needs the date"),
    (["--status", "accepted", "--by", "d", "--reason", "r", "--until", "2020-01-01"], "past"),
    (["--status", "accepted", "--by", "d", "--reason", "r", "--until", "31/02/2570"], "not a"),
    (["--status", "acknowledged", "--by", "d"], "needs a reason"),
    (["--status", "acknowledged", "--by", "d", "--reason", "r", "--until", "2570-01-01"], "only"),
    (["--status", "acknowledged", "--reason", "r"], "who decides"),
    (["--by", "d"], "nothing to record"),
    (["--status", "bogus", "--by", "d", "--reason", "r"], "invalid choice"),
]


@pytest.mark.parametrize(("args", "says"), REFUSALS)
def test_a_wrong_decision_exits_2_and_records_nothing(
    sqlite_org: Org, capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    report = sqlite_org.scan_json(capsys)
    target = report["findings"][0]["id"]
    with pytest.raises(SystemExit) if says == "invalid choice" else _no_exit() as caught:
        code, text = sqlite_org.cli("triage", target, *args, capsys=capsys)
    if says == "invalid choice":
        assert caught.value.code == 2  # type: ignore[union-attr]
        text = capsys.readouterr().err
    else:
        assert code == 2
    assert says in text and "Traceback" not in text
    with StateStore(sqlite_org.state_url) as store:
        assert current_triage(store.engine) == {}


def test_an_unknown_finding_is_refused(sqlite_org: Org, capsys: pytest.CaptureFixture[str]) -> None:
    sqlite_org.scan_json(capsys)
    code, text = sqlite_org.cli(
        "triage", "pii_unregistered-0000", "--status", "acknowledged", "--by", "d",
        "--reason", "r", capsys=capsys,
    )  # fmt: skip
    assert code == 2 and "no finding 'pii_unregistered-0000'" in text


def test_a_buddhist_era_until_is_read_as_such(
    sqlite_org: Org, capsys: pytest.CaptureFixture[str]
) -> None:
    target = sqlite_org.scan_json(capsys)["findings"][0]["id"]
    code, text = sqlite_org.cli(
        "triage", target, "--status", "accepted", "--until", "2570-01-31", "--by", "d",
        "--reason", "r", capsys=capsys,
    )  # fmt: skip
    assert code == 0, text
    with StateStore(sqlite_org.state_url) as store:
        assert current_triage(store.engine)[target].until == date(2027, 1, 31)


class _no_exit:
    """A context manager that expects no exception (the other branch of pytest.raises)."""

    value: object = None

    def __enter__(self) -> _no_exit:
        return self

    def __exit__(self, *exc: object) -> None:
        return None
