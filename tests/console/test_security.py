"""CSRF, security headers, nothing external, and no raw value on any page (SPEC §12)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from starlette.testclient import TestClient

from agent.state.decisions.triage import current_triage, triage_history
from tests.console.conftest import Org
from tests.console.org import BREACH_ID, DISCLOSURE_ID, csrf_of

CONSOLE = Path(__file__).resolve().parents[2] / "agent" / "console"


def _recorded(org: Org, finding_id: str) -> int:
    with org.store() as store:
        return len(triage_history(store.engine, finding_id)) + len(
            current_triage(store.engine, [finding_id])
        )


def test_a_post_without_the_sessions_token_is_refused_and_records_nothing(
    org: Org, client_for: Callable[[str | None], TestClient]
) -> None:
    dpo = client_for("dpo")
    finding_id = org.finding_id("RETENTION_UNDEFINED", "main.customers")
    form = {"status": "acknowledged", "reason": "seen"}
    url = f"/findings/{finding_id}/triage"
    assert dpo.post(url, data=form).status_code == 403
    assert dpo.post(url, data={**form, "csrf_token": ""}).status_code == 403
    assert dpo.post(url, data={**form, "csrf_token": "not-the-token"}).status_code == 403
    other = client_for("alice")  # another session's token is no good either
    assert (
        dpo.post(url, data={**form, "csrf_token": csrf_of(other.get("/").text)}).status_code == 403
    )
    assert _recorded(org, finding_id) == 0
    assert dpo.post(url, data={**form, "csrf_token": csrf_of(dpo.get("/").text)}).status_code == 303
    assert _recorded(org, finding_id) == 2


def test_logout_needs_the_token_and_ends_the_session(
    client_for: Callable[[str | None], TestClient],
) -> None:
    dpo = client_for("dpo")
    assert dpo.post("/logout", data={"csrf_token": "wrong"}).status_code == 403
    assert dpo.get("/").status_code == 200
    done = dpo.post("/logout", data={"csrf_token": csrf_of(dpo.get("/").text)})
    assert (done.status_code, done.headers["location"]) == (303, "/login")
    assert dpo.get("/").status_code == 302


def test_the_login_form_is_protected_too(client_for: Callable[[str | None], TestClient]) -> None:
    anonymous = client_for(None)
    token = csrf_of(anonymous.get("/login").text)
    data = {"name": "dpo", "password": "correct horse battery staple"}
    assert anonymous.post("/login", data=data).status_code == 403
    assert anonymous.post("/login", data={**data, "csrf_token": token + "x"}).status_code == 403
    fresh = client_for(None)  # a token without its cookie (another browser's) fails
    assert fresh.post("/login", data={**data, "csrf_token": token}).status_code == 403
    assert anonymous.post("/login", data={**data, "csrf_token": token}).status_code == 303


def _pages(org: Org) -> list[str]:
    finding = org.finding_id("RETENTION_UNDEFINED", "main.customers")
    return [
        "/",
        "/inventory",
        "/inventory/org/main.customers",
        "/findings",
        f"/findings/{finding}",
        "/access",
        f"/disclosures/{DISCLOSURE_ID}",
        f"/breaches/{BREACH_ID}",
        "/nowhere",
    ]


def test_security_headers_on_every_response(
    org: Org, client_for: Callable[[str | None], TestClient]
) -> None:
    dpo = client_for("dpo")
    anonymous = client_for(None)
    responses = [dpo.get(path) for path in _pages(org)]
    responses += [anonymous.get(path) for path in ("/", "/login", "/healthz", "/nowhere")]
    responses.append(dpo.get("/static/console.css"))
    responses.append(dpo.post("/logout", data={}))  # a 403
    for response in responses:
        headers = response.headers
        policy = headers["content-security-policy"]
        for part in (
            "default-src 'none'",
            "style-src 'self'",
            "script-src 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "base-uri 'none'",
        ):
            assert part in policy, (response.url, part)
        assert "unsafe-inline" not in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
        assert headers["cross-origin-opener-policy"] == "same-origin"
        if not str(response.url).endswith(".css"):
            assert headers["cache-control"] == "no-store", response.url


def test_cookies_are_httponly_and_strict(
    org: Org, client_for: Callable[[str | None], TestClient]
) -> None:
    anonymous = client_for(None)
    form = anonymous.get("/login?lang=th")
    cookies = form.headers.get_list("set-cookie")
    assert len(cookies) == 2  # the login form's token and the language
    done = anonymous.post(
        "/login",
        data={
            "name": "dpo",
            "password": "correct horse battery staple",
            "csrf_token": csrf_of(form.text),
        },
    )
    session = [c for c in done.headers.get_list("set-cookie") if c.startswith("pdpa_session=")]
    for cookie in [*cookies, *session]:
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie, cookie
    assert len(session) == 1 and len(session[0].split(";")[0]) > 40
    with org.store() as store, store.engine.connect() as conn:
        from sqlalchemy import select

        from agent.state.tables import CONSOLE_SESSIONS

        stored = conn.execute(select(CONSOLE_SESSIONS.c.token_hash)).scalars().all()
    token = session[0].split(";")[0].split("=", 1)[1]
    assert token not in stored and len(stored) == 1 and len(stored[0]) == 64


def test_no_external_url_in_templates_or_styles() -> None:
    external = re.compile(r"https?://", re.IGNORECASE)
    files = [*(CONSOLE / "templates").iterdir(), *(CONSOLE / "static").iterdir()]
    assert len(files) > 10
    offenders = [f.name for f in files if external.search(f.read_text(encoding="utf-8"))]
    assert offenders == []
    css = (CONSOLE / "static" / "console.css").read_text(encoding="utf-8")
    assert "@import" not in css and "url(" not in css
    templates = "".join(f.read_text(encoding="utf-8") for f in (CONSOLE / "templates").iterdir())
    assert "<script" not in templates and "style=" not in templates


def _every_page(org: Org, client: TestClient) -> dict[str, str]:
    """Every page the dpo can reach: the lists, every finding and every dataset."""
    pages: dict[str, str] = {}
    todo = [*_pages(org), "/findings?status=all", "/disclosures", "/breaches", "/?lang=th"]
    while todo:
        path = todo.pop()
        if path in pages:
            continue
        html = client.get(path).text
        pages[path] = html
        for link in re.findall(r'href="(/(?:findings|inventory)/[^"?]+)"', html):
            todo.append(link)
    return pages


def test_no_page_shows_a_raw_value(
    org: Org, client_for: Callable[[str | None], TestClient]
) -> None:
    pages = _every_page(org, client_for("dpo"))
    assert len(pages) > 20
    values = org.planted.forms()
    leaks = {(path, v) for path, html in pages.items() for v in values if v in html}
    assert leaks == set()
    evidence = pages["/inventory/org/main.customers"]
    assert "xxxxx" in evidence and "@example.com" in evidence  # masked evidence is shown
