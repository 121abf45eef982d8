"""The web console over the no-leak organisation: every page a DPO can reach, and its log.

:func:`walk_console` creates a DPO account (``pdpa-agent user add``, the
password on stdin), starts ``pdpa-agent -v serve`` as a child process on a
free port over the scanned state store, logs in through the login form,
follows every link the pages offer (dashboard, inventory and each dataset
with its masked evidence, every page of findings and each finding, the
access review, the disclosure log and breach register), records one triage
decision through the console's form, and returns every response body and the
server's own output (its log lines) for the leak search.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from html import unescape
from pathlib import Path

import httpx

PASSWORD = "no-leak console password"
_LINK = re.compile(r'href="(/[^"#]*)"')
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_SKIP = ("/static/", "/logout", "/login")
MAX_PAGES = 400


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _csrf(page: str) -> str:
    found = _CSRF.search(page)
    assert found is not None, "no CSRF token on the page"
    return found.group(1)


def walk_console(
    work: Path, config: Path, cli: Callable[..., subprocess.CompletedProcess[str]]
) -> tuple[dict[str, str], str]:
    """(URL → response body of every page visited, the server's output)."""
    added = cli(
        work, "-c", str(config), "user", "add", "dpo", "--role", "dpo", stdin=PASSWORD + "\n"
    )
    assert added.returncode == 0, added.stderr
    port = _free_port()
    log = work / "console-serve.log"
    with log.open("w", encoding="utf-8") as sink:
        child = subprocess.Popen(
            [sys.executable, "-m", "agent", "-v", "-c", str(config), "serve", "--port", str(port)],
            cwd=work,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
        try:
            pages = _walk(f"http://127.0.0.1:{port}", child)
        finally:
            child.terminate()
            child.wait(30)
    return pages, log.read_text(encoding="utf-8")


def _walk(base: str, child: subprocess.Popen[bytes]) -> dict[str, str]:
    deadline = time.monotonic() + 60
    with httpx.Client(base_url=base, timeout=30, follow_redirects=False) as client:
        while True:
            try:
                if client.get("/healthz").text == "ok":
                    break
            except httpx.HTTPError:
                assert child.poll() is None and time.monotonic() < deadline, "console down"
                time.sleep(0.2)
        login = client.get("/login")
        done = client.post(
            "/login", data={"name": "dpo", "password": PASSWORD, "csrf_token": _csrf(login.text)}
        )
        assert done.status_code == 303, done.status_code
        pages: dict[str, str] = {"/login": login.text}
        queue = ["/", "/findings?status=all"]
        while queue and len(pages) < MAX_PAGES:
            path = queue.pop(0)
            if path in pages:
                continue
            response = client.get(path)
            pages[path] = response.text
            for link in _LINK.findall(response.text):
                target = unescape(link)
                if not target.startswith(_SKIP) and target not in pages:
                    queue.append(target)
        finding = next(p for p in pages if p.startswith("/findings/"))
        posted = client.post(
            f"{finding}/triage",
            data={
                "status": "acknowledged",
                "reason": "seen in the console",
                "csrf_token": _csrf(pages[finding]),
            },
        )
        pages[f"POST {finding}/triage"] = posted.text
        pages[f"{finding} (after triage)"] = client.get(finding).text
    return pages
