"""The 72-hour clock across time zones (aware_at in +07:00, the agent in UTC or anywhere
else), BREACH_NOTICE_DUE in every scan while the notice is owed, and closing with
``notified`` resolving it; update keeps the history."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.end_to_end.breach.conftest import Raw, read_json, run, write_incident
from tests.support.dpo.breach_org import BreachOrg

BANGKOK = timezone(timedelta(hours=7))


def test_deadline_and_time_left_are_the_same_instant_in_every_time_zone(
    org: tuple[BreachOrg, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, config = org
    aware = (datetime.now(UTC) - timedelta(hours=10)).astimezone(BANGKOK).replace(microsecond=0)
    incident = write_incident(
        config.parent,
        "clock",
        [{"source": "jobs", "datasets": ["*.applications"]}],
        title="Clock check",
        aware_at=Raw(aware.isoformat()),
        kinds=["confidentiality"],
        exfiltrated="yes",
    )
    out = config.parent / "clock-out"
    code, said, err = run(
        capsys, "-c", str(config), "breach", "open", str(incident), "--out", str(out)
    )
    assert code == 0, err
    clock = read_json(out / "breach.json")["clock"]
    expected = aware + timedelta(hours=72)
    assert datetime.fromisoformat(clock["deadline"]) == expected
    assert datetime.fromisoformat(clock["deadline"]).utcoffset() == timedelta(hours=7)
    assert 61.5 < clock["hours_left"] <= 62.0 and not clock["overdue"]
    breach_id = said.split()[1]
    shown = {}
    for zone in ("UTC", "Asia/Bangkok", "America/New_York"):
        done = subprocess.run(
            [sys.executable, "-m", "agent", "-c", str(config), "breach", "show", breach_id],
            capture_output=True,
            text=True,
            env=os.environ | {"TZ": zone},
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        shown[zone] = next(line for line in done.stdout.splitlines() if "deadline" in line)
    assert len(set(shown.values())) == 1  # the same deadline line whatever the server's zone
    assert expected.isoformat(timespec="minutes") in shown["UTC"]
    assert "61 h" in shown["UTC"] or "62 h" in shown["UTC"]


def test_a_notice_due_is_a_finding_until_the_breach_is_closed_as_notified(
    org: tuple[BreachOrg, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, config = org
    aware = (datetime.now(UTC) - timedelta(hours=2)).astimezone(BANGKOK).replace(microsecond=0)
    incident = write_incident(
        config.parent,
        "notice",
        [{"source": "jobs", "datasets": ["*.applications"]}],
        title="Notice check",
        aware_at=Raw(aware.isoformat()),
        kinds=["confidentiality"],
        exfiltrated="unknown",
    )
    code, said, err = run(
        capsys,
        "-c",
        str(config),
        "breach",
        "open",
        str(incident),
        "--out",
        str(config.parent / "notice-out"),
    )
    assert code == 0, err
    breach_id = said.split()[1]

    def notices(name: str) -> list[dict[str, object]]:
        out = config.parent / name
        code, _, err = run(capsys, "-c", str(config), "scan", "--out", str(out))
        assert code in (0, 1), err
        findings = read_json(out / "findings.json")["findings"]
        return [
            f
            for f in findings
            if f["type"] == "BREACH_NOTICE_DUE" and breach_id in f["message"]["en"]
        ]

    due = notices("notice-scan-1")
    assert len(due) == 1
    finding = due[0]
    assert finding["severity"] == "critical" and finding["law"] == "PDPA s.37(4)"
    assert finding["owner"] == "dpo@example.co.th" and "left" in finding["message"]["en"]
    assert finding["due"] == (aware + timedelta(hours=72)).date().isoformat()

    code, _, err = run(capsys, "-c", str(config), "breach", "update", breach_id, str(incident))
    assert code == 0, err
    code, shown, _ = run(capsys, "-c", str(config), "breach", "show", breach_id)
    assert shown.count("  grade high") + shown.count("grade high") >= 2  # both assessments kept

    code, said, err = run(
        capsys,
        "-c",
        str(config),
        "breach",
        "close",
        breach_id,
        "--outcome",
        "notified",
        "--by",
        "dpo@example.co.th",
    )
    assert code == 0 and "notified" in said, err
    assert notices("notice-scan-2") == []
    code, listed, _ = run(capsys, "-c", str(config), "findings", "--status", "resolved")
    assert any(
        "BREACH_NOTICE_DUE" in line and line.startswith("resolved") for line in listed.splitlines()
    )
    code, _, err = run(
        capsys,
        "-c",
        str(config),
        "breach",
        "close",
        breach_id,
        "--outcome",
        "notified",
        "--by",
        "x",
    )
    assert code == 2 and "closed" in err


def test_wrong_incident_files_are_refused_with_file_and_line(
    org: tuple[BreachOrg, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, config = org
    cases = {
        "naive": (Raw("2026-12-04T09:30:00"), "time zone"),
        "future": (Raw((datetime.now(UTC) + timedelta(days=2)).isoformat()), "future"),
    }
    for name, (aware, message) in cases.items():
        incident = write_incident(
            config.parent,
            f"bad-{name}",
            [{"source": "jobs", "datasets": ["*"]}],
            title="Bad",
            aware_at=aware,
            kinds=["confidentiality"],
        )
        code, _, err = run(capsys, "-c", str(config), "breach", "open", str(incident))
        assert code == 2 and message in err and f"bad-{name}.toml:" in err, err
    unknown = write_incident(
        config.parent,
        "bad-source",
        [{"source": "nowhere", "datasets": ["*"]}],
        title="Bad",
        aware_at=Raw("2026-12-01T09:30:00+07:00"),
        kinds=["theft"],
    )
    code, _, err = run(capsys, "-c", str(config), "breach", "open", str(unknown))
    assert code == 2 and "kinds" in err and "Traceback" not in err
