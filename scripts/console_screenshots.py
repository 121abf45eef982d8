"""Screenshots of the web console on the demo organisation, for docs/console.md.

Builds the bundled demo (``pdpa-agent demo``), records a few decisions (a
false positive, an acceptance), scans again so the trend has two points,
opens the demo breach, creates a DPO and an owner account, starts
``pdpa-agent serve`` and has headless Chromium (Debian's ``chromium`` and
``chromedriver`` through Selenium, nothing downloaded) take:

    docs/console-dashboard.png   the DPO's dashboard (charts, trend)
    docs/console-findings.png    findings filtered to high severity
    docs/console-finding.png     one finding with its triage form and history
    docs/console-access.png      the access review
    docs/console-breaches.png    the breach register with the 72-hour clock
    docs/console-owner-th.png    an owner's dashboard in Thai

Run from the repository root: ``.venv/bin/python scripts/console_screenshots.py``
(``--out DIR`` to write elsewhere).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "demo console password"


def agent(*args: str, stdin: str | None = None, cwd: Path | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "agent", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"pdpa-agent {' '.join(args[:3])} failed: {done.stderr}")
    return done.stdout


def prepare(work: Path) -> Path:
    agent("demo", "--out", str(work / "demo"))
    config = work / "demo" / "demo-org" / "pdpa-agent.toml"
    report = json.loads((work / "demo" / "findings.json").read_text(encoding="utf-8"))
    by_type = {f["type"]: f["id"] for f in report["findings"]}
    c = ("-c", str(config))
    until = (date.today() + timedelta(days=60)).isoformat()
    agent(*c, "triage", by_type["ACCESS_PUBLIC"], "--status", "accepted", "--until", until,
          "--by", "dpo@siamretail.co.th", "--reason", "kiosk account; firewall rule")  # fmt: skip
    agent(*c, "triage", by_type["RETENTION_EXPIRED"], "--status", "in_progress",
          "--by", "hr-owner@siamretail.co.th", "--reason", "deletion job scheduled",
          "--assignee", "it-ops@siamretail.co.th")  # fmt: skip
    agent(*c, "scan")
    agent(*c, "breach", "open", str(config.parent / "incident.toml"))
    agent(*c, "user", "add", "dpo", "--role", "dpo", "--email", "dpo@siamretail.co.th",
          stdin=PASSWORD + "\n")  # fmt: skip
    agent(*c, "user", "add", "hr", "--role", "owner", "--email", "hr-owner@siamretail.co.th",
          stdin=PASSWORD + "\n")  # fmt: skip
    return config


def serve(config: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    child = subprocess.Popen(
        [sys.executable, "-m", "agent", "-c", str(config), "serve", "--port", str(port)]
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{base}/healthz", timeout=2).text == "ok":
                return child, base
        except httpx.HTTPError:
            time.sleep(0.2)
    child.terminate()
    raise SystemExit("the console did not start")


def browser() -> WebDriver:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1100"):
        options.add_argument(argument)
    os.environ["SE_OFFLINE"] = "true"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def log_in(driver: WebDriver, base: str, name: str) -> None:
    driver.delete_all_cookies()
    driver.get(f"{base}/login")
    driver.find_element(By.NAME, "name").send_keys(name)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "login").click()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pdpa-console-shots-"))
    config = prepare(work)
    child, base = serve(config)
    driver = browser()
    try:
        log_in(driver, base, "dpo")
        driver.get(f"{base}/?lang=en")
        driver.save_screenshot(str(args.out / "console-dashboard.png"))
        driver.get(f"{base}/findings?severity=high")
        driver.save_screenshot(str(args.out / "console-findings.png"))
        first = driver.find_element(By.CSS_SELECTOR, "tr.finding a.finding-link")
        first.click()
        driver.save_screenshot(str(args.out / "console-finding.png"))
        driver.get(f"{base}/access")
        driver.save_screenshot(str(args.out / "console-access.png"))
        driver.get(f"{base}/breaches")
        driver.save_screenshot(str(args.out / "console-breaches.png"))
        log_in(driver, base, "hr")
        driver.get(f"{base}/?lang=th")
        driver.save_screenshot(str(args.out / "console-owner-th.png"))
    finally:
        driver.quit()
        child.terminate()
        child.wait(30)
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
