"""The console in a real headless Chromium (Debian's chromium + chromium-driver, Selenium).

``pdpa-agent serve`` runs as a child process (real uvicorn on a free port)
over the scanned test organisation. In the browser a DPO logs in, filters
the findings, marks a Section 26 finding a false positive and accepts an
access finding until a date; the next ``pdpa-agent scan`` (another child
process, while the console keeps running) no longer raises the first and
shows the acceptance on the second in its ``findings.json``, and the
dashboard the DPO reloads shows the change. An owner who types another
owner's finding URL gets the 404 page; ten wrong passwords typed into the
login form make the eleventh attempt wait. Set ``PDPA_CONSOLE_SCREENSHOTS``
to a folder to keep the screenshots taken on the way.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.console.conftest import Org
from tests.console.org import PASSWORD
from tests.support.unavailable import unavailable

SHOTS = os.environ.get("PDPA_CONSOLE_SCREENSHOTS")


def _tool(name: str) -> str:
    found = shutil.which(name) or (
        f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None
    )
    if found is None:
        unavailable(f"{name} not installed (apt-get install -y chromium chromium-driver)")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def console(org: Org) -> Iterator[str]:
    """The base URL of ``pdpa-agent serve`` running over ``org``."""
    port = _free_port()
    log = (org.folder / "serve.log").open("w", encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-m", "agent", "-c", str(org.config), "serve", "--port", str(port)],
        cwd=org.folder,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).text == "ok":
                    break
            except httpx.HTTPError:
                pass
            assert child.poll() is None, (org.folder / "serve.log").read_text()
            assert time.monotonic() < deadline, "the console did not start"
            time.sleep(0.2)
        yield base
    finally:
        child.terminate()
        child.wait(30)
        log.close()


@pytest.fixture
def browser() -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = _tool("chromium")
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--lang=en-US",
    ):
        options.add_argument(argument)
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not fetch a driver
    driver = webdriver.Chrome(service=Service(_tool("chromedriver")), options=options)
    driver.implicitly_wait(5)
    try:
        yield driver
    finally:
        driver.quit()


def _shot(browser: WebDriver, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(Path(SHOTS) / f"console-{name}.png"))


def _gone(element: WebElement) -> Callable[[WebDriver], bool]:
    """Whether ``element``'s page has gone. Chromium answers a look at a node of a page
    being replaced either "stale element" or, mid-navigation, "Node with given id does
    not belong to the document": both mean gone (``staleness_of`` knows only the first)."""

    def check(_browser: WebDriver) -> bool:
        try:
            element.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as exc:
            if "does not belong to the document" in str(exc):
                return True
            raise
        return False

    return check


def _submit(browser: WebDriver, button: WebElement) -> None:
    """Click ``button`` and wait until the page it was on has gone (the next one is loading)."""
    button.click()
    WebDriverWait(browser, 30).until(_gone(button))


def _log_in(browser: WebDriver, base: str, name: str, password: str = PASSWORD) -> None:
    browser.get(f"{base}/login")
    browser.find_element(By.NAME, "name").send_keys(name)
    browser.find_element(By.NAME, "password").send_keys(password)
    _submit(browser, browser.find_element(By.ID, "login"))


def _open_total(browser: WebDriver) -> int:
    return int(browser.find_element(By.ID, "open-total").text.replace(",", "").split()[0])


def _scan(org: Org) -> dict[str, object]:
    out = org.folder / "next-scan"
    done = subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(org.config), "scan", "--out", str(out)],
        cwd=org.folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr
    report: dict[str, object] = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    return report


def _triage(browser: WebDriver, status: str, reason: str, until: str = "") -> None:
    Select(browser.find_element(By.ID, "triage-status-select")).select_by_value(status)
    browser.find_element(By.NAME, "reason").send_keys(reason)
    if until:
        browser.find_element(By.NAME, "until").send_keys(until)
    _submit(browser, browser.find_element(By.ID, "triage-save"))


def test_log_in_filter_triage_and_see_it_in_the_next_scan(
    org: Org, console: str, browser: WebDriver
) -> None:
    sensitive = org.finding_id("SENSITIVE_NO_BASIS", "main.staff")
    _log_in(browser, console, "dpo")
    assert browser.find_element(By.ID, "who").text.startswith("dpo")
    before = _open_total(browser)
    _shot(browser, "dashboard")

    _submit(browser, browser.find_element(By.ID, "nav-findings"))
    Select(browser.find_element(By.NAME, "type")).select_by_value("SENSITIVE_NO_BASIS")
    _submit(browser, browser.find_element(By.ID, "apply-filters"))
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.finding")
    assert [row.get_attribute("data-id") for row in rows] == [sensitive]
    _shot(browser, "findings")

    _submit(browser, rows[0].find_element(By.CSS_SELECTOR, "a.finding-link"))
    assert browser.find_element(By.ID, "finding-id").text == sensitive
    _triage(browser, "false_positive", "religion column holds office branch names")
    events = browser.find_elements(By.CSS_SELECTOR, "#history-table tr.event")
    assert len(events) == 1
    assert events[0].find_element(By.CSS_SELECTOR, "td.via").text == "console"
    _shot(browser, "finding")

    _submit(browser, browser.find_element(By.ID, "nav-access"))
    row = browser.find_element(By.CSS_SELECTOR, "#access-findings tr.finding")
    access_id = row.get_attribute("data-id")
    _submit(browser, row.find_element(By.CSS_SELECTOR, "a.finding-link"))
    until = (date.today() + timedelta(days=30)).isoformat()
    _triage(browser, "accepted", "review booked with HR next month", until)
    assert "accepted" in browser.find_element(By.ID, "triage-status").text.lower()

    report = _scan(org)  # while the console keeps running on the same store
    findings = {f["id"]: f for f in report["findings"]}  # type: ignore[attr-defined]
    assert sensitive not in findings
    assert findings[access_id]["triage"]["status"] == "accepted"
    assert findings[access_id]["triage"]["until"] == until

    _submit(browser, browser.find_element(By.ID, "nav-dashboard"))
    assert _open_total(browser) < before


def test_an_owner_cannot_open_another_owners_finding(
    org: Org, console: str, browser: WebDriver
) -> None:
    theirs = org.finding_id("SENSITIVE_NO_BASIS", "main.staff")  # owner B's dataset
    _log_in(browser, console, "alice")
    browser.get(f"{console}/findings/{theirs}")
    assert "404" in browser.title or "404" in browser.find_element(By.TAG_NAME, "body").text
    assert theirs not in browser.page_source.replace(f"/findings/{theirs}", "")
    browser.get(f"{console}/findings")
    shown = {
        row.get_attribute("data-id") for row in browser.find_elements(By.CSS_SELECTOR, "tr.finding")
    }
    assert shown and theirs not in shown
    _submit(browser, browser.find_element(By.ID, "lang-th"))
    assert "ประเด็น" in browser.find_element(By.TAG_NAME, "body").text
    _shot(browser, "owner-th")


def test_ten_wrong_passwords_make_the_next_attempt_wait(console: str, browser: WebDriver) -> None:
    for _ in range(10):
        _log_in(browser, console, "val", "not the password")
        assert browser.find_elements(By.ID, "login-error")
    _log_in(browser, console, "val")  # the right password, too soon
    assert browser.find_elements(By.ID, "login-error")
    assert browser.current_url.endswith("/login")
    assert not browser.find_elements(By.ID, "who")
