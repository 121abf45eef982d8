"""``pdpa-agent run`` e-mails the DPO once when 24 hours are left to notify the PDPC office
(SPEC §11), through a real SMTP server, and not again for the same reminder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.end_to_end.breach.conftest import Raw, run, write_incident
from tests.support.dpo.breach_org import BreachOrg, write_config
from tests.support.smtp import KeepingHandler, parse_message

BANGKOK = timezone(timedelta(hours=7))


def test_run_reminds_the_dpo_once_when_24_hours_are_left(
    org: tuple[BreachOrg, Path],
    capsys: pytest.CaptureFixture[str],
    smtp_server: tuple[KeepingHandler, int],
    tmp_path: Path,
) -> None:
    built, config = org
    handler, port = smtp_server
    mailing = write_config(config.parent, built, smtp_port=port).with_name("mailing.toml")
    mailing.write_text(
        (config.parent / "pdpa-agent.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    write_config(config.parent, built)  # the other tests keep their config without e-mail
    aware = (datetime.now(UTC) - timedelta(hours=50)).astimezone(BANGKOK).replace(microsecond=0)
    incident = write_incident(
        config.parent,
        "reminder",
        [{"source": "jobs", "datasets": ["*.applications"]}],
        title="Reminder check",
        aware_at=Raw(aware.isoformat()),
        kinds=["confidentiality"],
        exfiltrated="yes",
    )
    code, said, err = run(
        capsys, "-c", str(mailing), "breach", "open", str(incident), "--out", str(tmp_path / "out")
    )
    assert code == 0, err
    breach_id = said.split()[1]
    agent = subprocess.Popen(
        [sys.executable, "-m", "agent", "-c", str(mailing), "run"],
        env=os.environ | {"PDPA_REMINDER_CHECK_SECONDS": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not handler.messages and time.monotonic() < deadline and agent.poll() is None:
            time.sleep(0.2)
        time.sleep(3)  # three more checks: the same reminder must not be sent again
    finally:
        agent.send_signal(signal.SIGTERM)
        out, errors = agent.communicate(timeout=60)
    ours = [m for m in handler.messages if breach_id in str(parse_message(m)["Subject"])]
    assert len(ours) == 1, (out, errors)
    message = parse_message(ours[0])
    assert ours[0].rcpt_tos == ["dpo@example.co.th"]
    assert "left to notify the PDPC office" in str(message["Subject"])
    body = message.get_body(("plain",))
    assert body is not None and f"breach close {breach_id}" in body.get_content()
    assert f"breach {breach_id}: 24 h reminder sent" in out
    code, shown, _ = run(capsys, "-c", str(mailing), "breach", "show", breach_id)
    assert "reminders: 24 h sent" in shown
