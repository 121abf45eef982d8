"""Triage through the console: the decision, its audit trail (via="console"), the refusals.

One test runs on both state-store backends: the organisation's store on
SQLite, and on PostgreSQL (a fresh database; on CI a missing server fails).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import URL
from starlette.testclient import TestClient

from agent.console.app import create_app
from agent.inputs.config_loader import load_config
from agent.state.decisions.triage import current_triage, triage_history
from tests.console.conftest import Clock, Org
from tests.console.org import build, csrf_of, log_in


def _post(client: TestClient, finding_id: str, **fields: str) -> TestClient:
    csrf = csrf_of(client.get(f"/findings/{finding_id}").text)
    return client.post(f"/findings/{finding_id}/triage", data={**fields, "csrf_token": csrf})


def test_a_decision_is_recorded_with_its_history(
    org: Org, client_for: Callable[[str | None], TestClient], clock: Clock
) -> None:
    alice = client_for("alice")
    finding_id = org.finding_id("RETENTION_UNDEFINED", "main.customers")
    done = _post(alice, finding_id, status="in_progress", reason="writing a policy", assignee="it")
    assert (done.status_code, done.headers["location"]) == (303, f"/findings/{finding_id}")
    until = clock.now.date() + timedelta(days=60)
    buddhist = f"{until.year + 543}-{until.month:02d}-{until.day:02d}"
    done = _post(alice, finding_id, status="accepted", reason="until the migration", until=buddhist)
    assert done.status_code == 303
    assert _post(alice, finding_id, comment="vendor contacted").status_code == 303
    with org.store() as store:
        triage = current_triage(store.engine, [finding_id])[finding_id]
        history = triage_history(store.engine, finding_id)
    assert (triage.status, triage.by, triage.until, triage.assignee) == (
        "accepted",
        "alice",
        until,
        "it",
    )
    assert [(e.action, e.new_status, e.actor, e.via) for e in history] == [
        ("status", "in_progress", "alice", "console"),
        ("assign", None, "alice", "console"),
        ("status", "accepted", "alice", "console"),
        ("comment", None, "alice", "console"),
    ]
    page = alice.get(f"/findings/{finding_id}").text
    assert page.count('class="event"') == 4 and "vendor contacted" in page
    # set aside: no longer counted open on the dashboard, counted as set aside
    dashboard = client_for("dpo").get("/").text
    assert 'id="chart-set-aside"' in dashboard and 'data-key="accepted"' in dashboard
    listed = alice.get("/findings?triage=accepted").text
    assert f'data-id="{finding_id}"' in listed and 'id="findings-total">1<' in listed


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": "accepted", "reason": "risk ok"}, "until"),
        ({"status": "acknowledged"}, "needs a reason"),
        ({"status": "accepted", "reason": "x", "until": "2020-01-01"}, "in the past"),
        ({"status": "accepted", "reason": "x", "until": "someday"}, "not a date"),
        ({"status": "bogus", "reason": "x"}, "unknown status"),
        ({}, "nothing to record"),
    ],
)
def test_a_refused_decision_says_why(
    org: Org,
    client_for: Callable[[str | None], TestClient],
    fields: dict[str, str],
    message: str,
) -> None:
    dpo = client_for("dpo")
    finding_id = org.finding_id("SENSITIVE_NO_BASIS", "main.staff")
    refused = _post(dpo, finding_id, **fields)
    assert refused.status_code == 400
    assert 'id="triage-error"' in refused.text and message in refused.text
    with org.store() as store:
        assert triage_history(store.engine, finding_id) == []


def test_security_decides_access_findings_only(
    org: Org, client_for: Callable[[str | None], TestClient]
) -> None:
    sec = client_for("sec")
    access = org.finding_id("ACCESS_UNAPPROVED", "main.customers")
    other = org.finding_id("RETENTION_UNDEFINED", "main.customers")
    assert 'id="triage-form"' in sec.get(f"/findings/{access}").text
    page = sec.get(f"/findings/{other}")
    assert page.status_code == 200 and 'id="triage-form"' not in page.text
    csrf = csrf_of(page.text)
    data = {"status": "acknowledged", "reason": "r", "csrf_token": csrf}
    assert sec.post(f"/findings/{other}/triage", data=data).status_code == 404
    viewer = client_for("val")
    assert 'id="triage-form"' not in viewer.get(f"/findings/{access}").text


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_triage_on_each_store_backend(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path, clock: Clock
) -> None:
    state_url = None
    if backend == "postgresql":
        factory: Callable[[], URL] = request.getfixturevalue("fresh_pg_database")
        state_url = factory().render_as_string(hide_password=False)
    org = Org(tmp_path, build(tmp_path, state_url))
    app = create_app(load_config(tmp_path / "pdpa-agent.toml"), clock)
    try:
        with TestClient(app, follow_redirects=False) as client:
            log_in(client, "bob")
            finding_id = org.finding_id("SENSITIVE_NO_BASIS", "main.staff")
            until = (clock.now.date() + timedelta(days=10)).isoformat()
            done = _post(client, finding_id, status="accepted", reason="ok", until=until)
            assert done.status_code == 303
            assert client.get("/").status_code == 200
            assert 'id="findings-total">1<' in client.get("/findings?triage=accepted").text
            with org.store() as store:
                history = triage_history(store.engine, finding_id)
            assert [(e.new_status, e.via, e.until) for e in history] == [
                ("accepted", "console", date.fromisoformat(until))
            ]
    finally:
        app.state.console.store.close()


def test_a_dash_unassigns_and_an_empty_field_leaves_the_assignee(
    org: Org, client_for: Callable[[str | None], TestClient]
) -> None:
    dpo = client_for("dpo")
    finding_id = org.finding_id("RETENTION_UNDEFINED", "main.customers")
    assert _post(dpo, finding_id, assignee="it-ops").status_code == 303
    assert _post(dpo, finding_id, comment="still on it", assignee="").status_code == 303
    with org.store() as store:
        assert current_triage(store.engine, [finding_id])[finding_id].assignee == "it-ops"
    assert _post(dpo, finding_id, assignee="-").status_code == 303
    with org.store() as store:
        assert current_triage(store.engine, [finding_id])[finding_id].assignee is None
        actions = [(e.action, e.assignee) for e in triage_history(store.engine, finding_id)]
    assert actions == [("assign", "it-ops"), ("comment", None), ("assign", None)]
