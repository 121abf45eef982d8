"""Secrets: a world-readable config holding a password is flagged; passwords are never shown.

The warning is one stderr line naming the file and its mode, printed once by
every command that loads the config, and it never changes the exit code. A
password written in a database URL (or given through ``password_env``) never
appears in any output of a scan that fails to connect, nor in its state store.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from agent.inputs.config_loader import exposure_warning, load_config
from connectors.urls import url_holds_secret

PASSWORD = "S3cretPassw0rd"
UNREACHABLE = f"postgresql+psycopg2://scanner:{PASSWORD}@127.0.0.1:1/db"


def run(
    config: Path, *args: str, flags: tuple[str, ...] = (), env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent", *flags, "-c", str(config), *args],
        cwd=config.parent,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def write_config(folder: Path, url: str, mode: int, extra: str = "") -> Path:
    path = folder / "pdpa-agent.toml"
    path.write_text(
        f'[agent]\nstate = "sqlite:///{folder / "state.db"}"\nworkers = 1\n{extra}\n'
        f'[[sources]]\nname = "hr"\nkind = "database"\nurl = "{url}"\n'
        f'statement_timeout_s = 5\n\n[reports]\nout_dir = "{folder / "out"}"\n',
        encoding="utf-8",
    )
    path.chmod(mode)
    return path


def warnings_in(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("pdpa-agent: warning:")]


@pytest.mark.parametrize(
    "args",
    [
        ("check-config",),
        ("scan",),
        ("access",),
        ("findings",),
        ("subject", "somchai@example.co.th"),
    ],
)
def test_world_readable_config_with_a_password_warns_once(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    exposed = write_config(tmp_path, UNREACHABLE, 0o644)
    done = run(exposed, *args)
    assert warnings_in(done.stderr) == [
        f"pdpa-agent: warning: {exposed.resolve()} is readable by every user (mode 0644) "
        "and holds secrets; chmod 600 it"
    ]
    assert PASSWORD not in done.stdout + done.stderr
    exposed.chmod(0o600)
    private = run(exposed, *args)
    assert warnings_in(private.stderr) == []
    assert private.returncode == done.returncode  # the warning never changes the exit code


@pytest.mark.parametrize(
    ("url", "extra"),
    [
        ("postgresql+psycopg2://scanner@127.0.0.1:1/db", ""),  # no password at all
        ("postgresql+psycopg2://scanner:${HR_PW}@127.0.0.1:1/db", ""),  # from the environment
        ("sqlite:///:memory:", 'broker = "redis://:${REDIS_PW}@127.0.0.1:1/0"'),
    ],
)
def test_world_readable_config_without_secrets_does_not_warn(
    tmp_path: Path, url: str, extra: str
) -> None:
    config = write_config(tmp_path, url, 0o644, extra)
    done = run(config, "check-config", env={"HR_PW": PASSWORD, "REDIS_PW": PASSWORD})
    assert done.returncode == 0, done.stdout + done.stderr
    assert warnings_in(done.stderr) == []


@pytest.mark.parametrize(
    "extra",
    [
        'broker = "redis://:hunter2@127.0.0.1:1/0"',
        'result_backend = "redis://user:hunter2@127.0.0.1:1/1"',
        '[reports.email]\nsmtp_url = "smtp://mailer:hunter2@127.0.0.1:1"\nsender = "a@b.co"',
    ],
)
def test_broker_backend_and_smtp_passwords_are_secrets(tmp_path: Path, extra: str) -> None:
    config = write_config(tmp_path, "sqlite:///:memory:", 0o604, "")
    text = config.read_text(encoding="utf-8")
    if extra.startswith("[reports.email]"):
        config.write_text(text + extra + "\n", encoding="utf-8")
    else:
        config.write_text(
            text.replace("workers = 1\n", f"workers = 1\n{extra}\n"), encoding="utf-8"
        )
    warning = exposure_warning(config)
    assert warning is not None and "(mode 0604)" in warning and "hunter2" not in warning
    config.chmod(0o640)  # group-readable only: not every user
    assert exposure_warning(config) is None


def test_the_warning_is_printed_once_per_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_config(tmp_path, UNREACHABLE, 0o644)
    load_config(config)
    load_config(config)
    assert len(warnings_in(capsys.readouterr().err)) == 1


def test_url_holds_secret() -> None:
    assert url_holds_secret(UNREACHABLE)
    assert url_holds_secret("amqp://guest:guest@rabbit//")
    assert not url_holds_secret("postgresql://scanner@db/hr")
    assert not url_holds_secret("postgresql://scanner:${PW}@db/hr")
    assert not url_holds_secret("sqlite:///state.db")
    assert not url_holds_secret("${DATABASE_URL}")
    assert not url_holds_secret(None)


@pytest.mark.parametrize("how", ["in the url", "password_env"])
def test_a_password_never_appears_in_any_output_of_a_failing_scan(tmp_path: Path, how: str) -> None:
    if how == "in the url":
        config = write_config(tmp_path, UNREACHABLE, 0o600)
        env: dict[str, str] = {}
    else:
        config = write_config(tmp_path, "postgresql+psycopg2://scanner@127.0.0.1:1/db", 0o600)
        config.write_text(
            config.read_text(encoding="utf-8").replace(
                "statement_timeout_s", 'password_env = "HR_PW"\nstatement_timeout_s'
            ),
            encoding="utf-8",
        )
        env = {"HR_PW": PASSWORD}
    outputs = []
    for flags, args in ((("-v",), ("scan",)), (("--debug",), ("scan",)), ((), ("check-config",))):
        done = run(config, *args, flags=flags, env=env)
        outputs.append(done.stdout + done.stderr)
        if args == ("scan",):
            assert done.returncode == 3, done.stderr  # the source failed; the reports say why
    outputs.append(run(config, "findings", env=env).stdout)
    assert any(
        "cannot connect to postgresql+psycopg2://scanner:***@127.0.0.1:1/db" in o for o in outputs
    )
    assert not any(PASSWORD in o for o in outputs)
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "pdpa-agent.toml"]
    assert any(p.name == "state.db" for p in written) and any(
        p.name == "findings.json" for p in written
    )
    for path in written:
        assert PASSWORD.encode() not in path.read_bytes(), path.name
