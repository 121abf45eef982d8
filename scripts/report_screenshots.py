"""Screenshots of the demo reports for docs/: Thai and English, 1024 px wide.

Builds the bundled demo organisation (``agent.demo.build_demo``), scans it
twice through the command line — ``[reports] language = "th"`` and ``"en"`` —
and has headless Chromium (Debian's ``chromium``, nothing downloaded) take
the top of each page at 1024 px:

    docs/report-th.png        the findings report in Thai
    docs/report-en.png        the same scan in English
    docs/owner-report-th.png  the HR owner's own report in Thai (do first, due dates)
    docs/access-report-th.png the access review in Thai
    docs/disclosure-assessment.png  the demo disclosure request's assessment (k too low)
    docs/disclosure-notice-th.png   the Thai notice to the recipient of the extract
    docs/breach-office-notice-th.png the drafted breach notice to the PDPC office, in Thai

Run from the repository root: ``.venv/bin/python scripts/report_screenshots.py``
(``--out DIR`` to write elsewhere, ``--height PX`` for a taller capture).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from agent.cli import main as pdpa_agent  # noqa: E402
from agent.demo import build_demo  # noqa: E402

WIDTH = 1024
HEIGHT = 2400
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
HR_OWNER_FOLDER = "hr-owner_at_siamretail.co.th"


def find_chromium() -> str | None:
    """The headless-capable Chromium on this machine, or None."""
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def chromium_args(chromium: str, width: int, height: int) -> list[str]:
    """Headless Chromium at ``width`` × ``height`` px, offline and without a sandbox (root)."""
    return [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        f"--window-size={width},{height}",
    ]


def screenshot(chromium: str, page: Path, png: Path, width: int, height: int) -> None:
    """Save the top ``height`` px of ``page`` rendered ``width`` px wide as ``png``."""
    png.parent.mkdir(parents=True, exist_ok=True)
    command = [*chromium_args(chromium, width, height), f"--screenshot={png}", page.as_uri()]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    if not png.is_file():
        raise RuntimeError(f"Chromium wrote no screenshot of {page}")


def _scan(config: Path, out: Path) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        code = pdpa_agent(["-c", str(config), "scan", "--out", str(out)])
    if code not in (0, 1):
        raise RuntimeError(f"the demo scan of {config} exited {code}")


def _disclose(config: Path, request: Path, out: Path, *options: str) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        code = pdpa_agent(
            ["-c", str(config), "disclose", str(request), *options, "--out", str(out)]
        )
    if code != 0:
        raise RuntimeError(f"disclose {request} exited {code}")


def build_disclosure(work: Path, config: Path, request: Path) -> dict[str, Path]:
    """Assess the demo's disclosure request, then make it as the assessment suggests."""
    os.environ.setdefault("PDPA_PSEUDONYM_KEY", secrets.token_hex(32))
    _disclose(config, request, work / "assessed", "--assess")
    text = request.read_text(encoding="utf-8")
    text = text.replace('approved_by = ""', 'approved_by = "dpo@siamretail.co.th"')
    text = text.replace('name = "address"\nas = "province"', 'name = "address"\nas = "drop"')
    request.write_text(text, encoding="utf-8")
    _disclose(config, request, work / "disclosed")
    return {
        "disclosure-assessment.png": work / "assessed" / "assessment.html",
        "disclosure-notice-th.png": work / "disclosed" / "notice.th.html",
    }


def build_breach(work: Path, config: Path, incident: Path) -> dict[str, Path]:
    """Open the demo's breach (after the scan) and return its Thai notice to the Office."""
    out = work / "breach"
    with contextlib.redirect_stdout(io.StringIO()):
        code = pdpa_agent(["-c", str(config), "breach", "open", str(incident), "--out", str(out)])
    if code != 0:
        raise RuntimeError(f"breach open {incident} exited {code}")
    return {"breach-office-notice-th.png": out / "office-notice.th.html"}


def build_reports(work: Path) -> dict[str, Path]:
    """Scan the demo in Thai and in English; return the pages to capture by PNG name."""
    paths = build_demo(work / "demo-org")
    thai = paths.config
    english = paths.config.with_name("pdpa-agent-en.toml")
    text = thai.read_text(encoding="utf-8")
    if 'language = "th"' not in text:
        raise RuntimeError('the demo config no longer says language = "th"')
    english.write_text(text.replace('language = "th"', 'language = "en"'), encoding="utf-8")
    _scan(thai, work / "th")
    _scan(english, work / "en")
    return {
        "report-th.png": work / "th" / "report.html",
        "report-en.png": work / "en" / "report.html",
        "owner-report-th.png": work / "th" / "owners" / HR_OWNER_FOLDER / "report.html",
        "access-report-th.png": work / "th" / "access.html",
        **build_disclosure(work, thai, paths.disclosure_request),
        **build_breach(work, thai, paths.incident),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs", help="folder for the PNGs")
    parser.add_argument("--height", type=int, default=HEIGHT, help="pixels captured per page")
    args = parser.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        print("Chromium not found: apt-get install -y chromium", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="pdpa-screens-") as tmp:
        pages = build_reports(Path(tmp))
        for name, page in pages.items():
            png = args.out / name
            screenshot(chromium, page, png, WIDTH, args.height)
            print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
