"""Logging in: the rate limit, session expiry and single sign-on by a trusted header."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from starlette.testclient import TestClient

from agent.console.app import create_app
from agent.inputs.config_loader import load_config
from agent.state.decisions.accounts import disable_account, login_wait
from tests.console.conftest import Clock, Org
from tests.console.org import PASSWORD, csrf_of


def _attempt(client: TestClient, name: str, password: str) -> TestClient:
    token = csrf_of(client.get("/login").text)
    return client.post("/login", data={"name": name, "password": password, "csrf_token": token})


def test_ten_wrong_passwords_slow_the_next_attempt(
    org: Org, clock: Clock, client_for: Callable[[str | None], TestClient]
) -> None:
    client = client_for(None)
    for attempt in range(10):  # typed in a row, the clock standing still
        response = _attempt(client, "dpo", f"wrong password {attempt}")
        # the first five are checked; from then on each must wait and is refused
        assert response.status_code == (401 if attempt < 5 else 429), attempt
        assert 'id="login-error"' in response.text
    refused = _attempt(client, "dpo", PASSWORD)  # the right password, not even checked
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) == 2 ** (11 - 5)  # eleven failures now
    assert refused.headers["content-security-policy"]
    assert client.get("/").status_code == 302  # not logged in
    clock.advance(seconds=int(refused.headers["retry-after"]))
    done = _attempt(client, "dpo", PASSWORD)
    assert (done.status_code, done.headers["location"]) == (303, "/")
    assert client.get("/").status_code == 200
    with org.store() as store:  # the success cleared the account's failures
        assert login_wait(store.engine, "dpo", "elsewhere", clock.now) == timedelta(0)


def test_each_failure_after_the_fifth_doubles_the_wait(
    clock: Clock, client_for: Callable[[str | None], TestClient]
) -> None:
    client = client_for(None)
    for attempt in range(5):
        assert _attempt(client, "dpo", f"wrong {attempt}").status_code == 401
    # each round: an attempt too soon is refused and counted; waiting out its wait lets
    # one more password be checked. Failures 6, 8, 10, 12 make waits of 2, 8, 32, 128 s.
    for wait in (2, 8, 32, 128):
        refused = _attempt(client, "dpo", "too soon")
        assert refused.status_code == 429
        assert int(refused.headers["retry-after"]) == wait
        clock.advance(seconds=wait)
        assert _attempt(client, "dpo", "wrong again").status_code == 401


def test_the_wait_is_per_client_address_too(org: Org, clock: Clock) -> None:
    from agent.state.decisions.accounts import record_failure

    with org.store() as store:
        for i in range(8):
            record_failure(store.engine, f"guess{i}", "10.0.0.9", clock.now)
        assert login_wait(store.engine, "dpo", "10.0.0.9", clock.now) > timedelta(seconds=7)
        assert login_wait(store.engine, "dpo", "10.0.0.10", clock.now) == timedelta(0)
        later = clock.now + timedelta(minutes=16)  # failures older than the window are forgotten
        assert login_wait(store.engine, "dpo", "10.0.0.9", later) == timedelta(0)
        for _ in range(40):
            record_failure(store.engine, "dpo", "10.0.0.11", clock.now)
        assert login_wait(store.engine, "dpo", "x", clock.now) == timedelta(minutes=15)


def test_a_wrong_password_for_an_unknown_or_disabled_account_looks_the_same(
    org: Org, client_for: Callable[[str | None], TestClient]
) -> None:
    with org.store() as store:
        disable_account(store.engine, "val")
    client = client_for(None)
    texts = {
        _attempt(client, name, PASSWORD if name == "val" else "wrong password!").text.count(
            'id="login-error"'
        )
        for name in ("nobody", "val", "dpo")
    }
    assert texts == {1}
    assert client.get("/").status_code == 302


def test_idle_sessions_end(clock: Clock, client_for: Callable[[str | None], TestClient]) -> None:
    client = client_for("dpo")
    for _ in range(5):  # used every 29 minutes: still alive after 2 h 25 min
        clock.advance(minutes=29)
        assert client.get("/").status_code == 200
    clock.advance(minutes=31)
    assert client.get("/").status_code == 302
    clock.advance(minutes=-31)  # ended for good, not just hidden
    assert client.get("/").status_code == 302


def test_sessions_end_after_their_lifetime(
    clock: Clock, client_for: Callable[[str | None], TestClient]
) -> None:
    client = client_for("dpo")
    for _ in range(12 * 3 - 1):  # used every 20 minutes, never idle: 11 h 40 min
        clock.advance(minutes=20)
        assert client.get("/").status_code == 200
    clock.advance(minutes=20)  # 12 hours after logging in
    assert client.get("/").status_code == 302


def test_disabling_an_account_ends_its_sessions(
    org: Org, client_for: Callable[[str | None], TestClient]
) -> None:
    client = client_for("val")
    assert client.get("/").status_code == 200
    with org.store() as store:
        disable_account(store.engine, "val")
    assert client.get("/").status_code == 302


@pytest.fixture
def sso(org: Org, clock: Clock) -> Iterator[TestClient]:
    with org.config.open("a", encoding="utf-8") as config:
        config.write('\n[console]\ntrusted_header = "X-Remote-User"\n')
    app = create_app(load_config(org.config), clock)
    with TestClient(app, follow_redirects=False) as client:
        yield client
    app.state.console.store.close()


def test_trusted_header_single_sign_on(org: Org, sso: TestClient) -> None:
    known = sso.get("/", headers={"X-Remote-User": "alice"})
    assert known.status_code == 200 and 'id="who">alice<' in known.text
    assert (
        sso.get("/inventory/org/main.staff", headers={"X-Remote-User": "alice"}).status_code == 404
    )
    assert sso.get("/", headers={"X-Remote-User": "mallory"}).status_code == 403
    assert sso.get("/", headers={"X-Remote-User": ""}).status_code == 403
    sso.cookies.clear()
    assert sso.get("/").status_code == 403  # no header: no entry, not even a login page
    assert sso.get("/login").status_code == 404
    assert sso.post("/login", data={"name": "dpo", "password": PASSWORD}).status_code == 404
    # a form posted with the session's token works; the header decides who posts
    page = sso.get("/", headers={"X-Remote-User": "dpo"})
    finding_id = org.finding_id("RETENTION_UNDEFINED", "main.customers")
    data = {"status": "acknowledged", "reason": "sso", "csrf_token": csrf_of(page.text)}
    posted = sso.post(f"/findings/{finding_id}/triage", data=data, headers={"X-Remote-User": "dpo"})
    assert posted.status_code == 303
    # the same cookie with another user's header is that other user, with a new session
    as_bob = sso.post(f"/findings/{finding_id}/triage", data=data, headers={"X-Remote-User": "bob"})
    assert as_bob.status_code == 403
