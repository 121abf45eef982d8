"""End to end: ``pdpa-agent scan`` of an SMB share reviews its Windows ACLs (issue 19).

A folder made world-readable through Samba holds Thai national IDs: the scan's
findings.json has ACCESS_PUBLIC for Everyone. A private folder is readable by
the scanning account only, which the access list approves by SID: no
ACCESS_UNAPPROVED for it; root's entry, approved by its Windows name, neither.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from stdnum.th import pin

from .conftest import SambaShare
from .descriptors import FULL, INHERIT, READ, descriptor_bytes

ROOT, WHEEL, EVERYONE = "S-1-22-1-0", "S-1-22-2-0", "S-1-1-0"


def ids_csv() -> bytes:
    lines = ["ชื่อ,เลขบัตรประชาชน"]
    for i in range(12):
        body = f"1{10 + i:02d}0170020{i:02d}"
        lines.append(f"สมชาย {i},{body}{pin.calc_check_digit(body)}")
    return "\n".join(lines).encode("utf-8")


def grant(principal: str, dataset: str, privileges: str) -> str:
    return (
        f'[[grants]]\nsource = "share"\ndataset = "{dataset}"\nprincipal = \'{principal}\'\n'
        f'privileges = [{privileges}]\napproved_by = "dpo@example.co.th"\n'
        'reviewed_at = 2026-06-01\nreview_every = "12m"\n\n'
    )


def test_scan_reports_public_smb_files_and_approves_by_sid(
    tmp_path: Path, samba_server: SambaShare
) -> None:
    try:
        check_scan(tmp_path, samba_server)
    finally:  # the whole-share scans of test_smb_scan.py must not meet these files
        shutil.rmtree(samba_server.share_dir / "access_e2e", ignore_errors=True)


def check_scan(tmp_path: Path, samba_server: SambaShare) -> None:
    server = samba_server.server
    scanner = server.user_sid()
    for folder in ("access_e2e/public", "access_e2e/private"):
        (samba_server.share_dir / folder).mkdir(parents=True)
    own = ("allow", ROOT, FULL, INHERIT)
    server.set_security(
        "access_e2e/public",
        descriptor_bytes(ROOT, WHEEL, [own, ("allow", EVERYONE, READ, INHERIT)]),
    )
    server.set_security(
        "access_e2e/private",
        descriptor_bytes(ROOT, WHEEL, [own, ("allow", scanner, READ, INHERIT)]),
    )
    server.write_file("access_e2e/public/ids.csv", ids_csv())
    server.write_file("access_e2e/private/ids.csv", ids_csv())

    parts = urlsplit(samba_server.url)
    url = urlunsplit(
        parts._replace(netloc=f"{samba_server.username}@{parts.hostname}:{parts.port}")
    )
    (tmp_path / "access.toml").write_text(
        grant(scanner.lower(), "private/*", '"READ"')
        + grant("Unix User\\0", "*", '"READ", "WRITE"'),
        encoding="utf-8",
    )
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[[sources]]\nname = "share"\nkind = "files"\npath = "{url}/access_e2e"\n'
        'password_env = "PDPA_TEST_SMB_PASSWORD"\n\n[access]\npath = "access.toml"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), "scan", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PDPA_TEST_SMB_PASSWORD": samba_server.password},
    )
    assert (out / "findings.json").is_file(), done.stdout[-1500:] + done.stderr[-1500:]
    report = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    found = {
        (f["type"], f["dataset"], f["principal"], tuple(f["privileges"]))
        for f in report["findings"]
        if f["type"].startswith("ACCESS_")
    }
    assert ("ACCESS_PUBLIC", "public/ids.csv", "Everyone", ("READ",)) in found, done.stderr[-2000:]
    assert not any(t == "ACCESS_PUBLIC" and d.startswith("private/") for t, d, _, _ in found)
    assert not any(t == "ACCESS_UNAPPROVED" for t, *_ in found), found
    assert not any(t == "ACCESS_STALE_ENTRY" for t, *_ in found), found
    assert samba_server.password not in done.stdout + done.stderr
    with (out / "access.csv").open(encoding="utf-8-sig", newline="") as table:
        access = {(r[1], r[3]): (r[8], r[11]) for r in list(csv.reader(table))[1:]}
    assert access[("private/ids.csv", scanner)] == ("yes", "access.toml:1")  # listed by SID
    assert access[("public/ids.csv", "Everyone")][0] == "no"
