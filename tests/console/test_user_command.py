"""``pdpa-agent user add|list|disable`` as a user runs it: the password only on stdin."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from agent.commands.serve import exposed_sso_warning
from agent.state.decisions.accounts import password_hash_of, verify_login
from agent.state.store import StateStore

SECRET = "a long enough secret"


def _config(tmp_path: Path) -> Path:
    config = tmp_path / "pdpa-agent.toml"
    config.write_text('[agent]\nstate = "sqlite:///state.db"\n', encoding="utf-8")
    return config


def _run(config: Path, *argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), "user", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_user_add_list_disable(tmp_path: Path) -> None:
    config = _config(tmp_path)
    added = _run(
        config,
        "add",
        "somchai",
        "--role",
        "owner",
        "--email",
        "s@example.co.th",
        stdin=SECRET + "\n",
    )
    assert added.returncode == 0, added.stderr
    assert SECRET not in added.stdout + added.stderr
    with StateStore(f"sqlite:///{tmp_path / 'state.db'}") as store:
        stored = password_hash_of(store.engine, "somchai")
        assert stored is not None and stored.startswith("$argon2id$") and SECRET not in stored
        assert verify_login(store.engine, "somchai", SECRET) is not None
        assert verify_login(store.engine, "somchai", SECRET + "x") is None
    assert SECRET.encode() not in (tmp_path / "state.db").read_bytes()
    listed = _run(config, "list")
    assert listed.returncode == 0 and "somchai\towner\ts@example.co.th\tenabled" in listed.stdout
    again = _run(config, "add", "somchai", "--role", "viewer", stdin=SECRET + "\n")
    assert again.returncode == 2 and "already exists" in again.stderr
    disabled = _run(config, "disable", "somchai")
    assert disabled.returncode == 0
    assert "disabled" in _run(config, "list").stdout
    with StateStore(f"sqlite:///{tmp_path / 'state.db'}") as store:
        assert verify_login(store.engine, "somchai", SECRET) is None
    assert _run(config, "disable", "nobody").returncode == 2


def test_weak_passwords_and_unknown_roles_are_refused(tmp_path: Path) -> None:
    config = _config(tmp_path)
    empty = _run(config, "add", "dpo", "--role", "dpo", stdin="\n")
    assert empty.returncode == 2 and "pdpa-agent: error: the password is empty" in empty.stderr
    nothing = _run(config, "add", "dpo", "--role", "dpo", stdin="")
    assert nothing.returncode == 2
    short = _run(config, "add", "dpo", "--role", "dpo", stdin="short1234\n")
    assert short.returncode == 2 and "at least 10 characters" in short.stderr
    assert "short1234" not in short.stderr
    role = _run(config, "add", "dpo", "--role", "admin", stdin=SECRET + "\n")
    assert role.returncode == 2 and "invalid choice" in role.stderr
    owner = _run(config, "add", "own", "--role", "owner", stdin=SECRET + "\n")
    assert owner.returncode == 2 and "--email" in owner.stderr
    assert "dpo" not in _run(config, "list").stdout


def test_serve_on_an_address_in_use_says_so_and_exits_2(tmp_path: Path) -> None:
    import socket

    config = _config(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "agent", "-c", str(config), "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr and "console on" not in done.stdout


@pytest.mark.parametrize(
    ("host", "header", "warns"),
    [
        ("127.0.0.1", "X-Remote-User", False),
        ("::1", "X-Remote-User", False),
        ("localhost", "X-Remote-User", False),
        ("0.0.0.0", "X-Remote-User", True),  # every interface: the header can be forged
        ("10.0.0.5", "X-Remote-User", True),
        ("0.0.0.0", "", False),  # password login: no header is trusted
    ],
)
def test_single_sign_on_on_a_reachable_address_is_warned(
    host: str, header: str, warns: bool
) -> None:
    warning = exposed_sso_warning(host, header)
    assert (warning is not None) is warns
    if warning is not None:
        assert header in warning and host in warning
