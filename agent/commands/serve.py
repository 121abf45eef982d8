"""``pdpa-agent serve`` (the web console, SPEC §12) and ``pdpa-agent user`` (its accounts).

``serve`` opens (and migrates) the state store, prints where the console
listens (warning when single sign-on is on and the address is not loopback)
and runs it with uvicorn (warnings only; the access log shows paths,
which hold finding ids and dataset names, never a value). ``user add NAME
--role ROLE [--email E]`` reads the password from the terminal without echo
(or one line of standard input when it is not a terminal; never from the
command line) and stores only its argon2id hash; ``user list`` prints the
accounts; ``user disable NAME`` disables one and ends its sessions.
"""

from __future__ import annotations

import argparse
import getpass
import ipaddress
import socket
import sys
from datetime import UTC, datetime

from agent.commands.exit_codes import EXIT_OK
from agent.inputs.config_loader import LoadedConfig, find_config, load_config
from agent.state.decisions.accounts import add_account, disable_account, list_accounts
from agent.state.store import StateStore
from connectors.errors import PdpaAgentError


def _store(loaded: LoadedConfig) -> StateStore:
    try:
        return StateStore(loaded.config.agent.state)
    except PdpaAgentError:
        raise
    except Exception as exc:
        raise PdpaAgentError(f"cannot open the state store: {type(exc).__name__}") from None


def serve_command(args: argparse.Namespace) -> int:
    """``pdpa-agent serve [--host H] [--port P]``."""
    import uvicorn

    from agent.console.app import create_app

    loaded = load_config(find_config(args.config))
    try:
        app = create_app(loaded)
    except PdpaAgentError:
        raise
    except Exception as exc:
        raise PdpaAgentError(f"cannot open the state store: {type(exc).__name__}") from None
    _check_listen(args.host, args.port)
    warning = exposed_sso_warning(args.host, loaded.config.console.trusted_header)
    if warning is not None:
        print(f"pdpa-agent: warning: {warning}", file=sys.stderr, flush=True)
    print(f"pdpa-agent console on http://{args.host}:{args.port}", flush=True)
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level="warning",
        proxy_headers=False,
        server_header=False,
    )
    return EXIT_OK


def exposed_sso_warning(host: str, trusted_header: str) -> str | None:
    """Why listening on ``host`` is unsafe with single sign-on, or None when it is not."""
    if not trusted_header:
        return None
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if loopback:
        return None
    return (
        f"[console] trusted_header is set and the console listens on {host}: anyone who "
        f"reaches it without the proxy can send {trusted_header} and claim any account; "
        "listen on 127.0.0.1 behind the proxy"
    )


def _check_listen(host: str, port: int) -> None:
    """PdpaAgentError naming the address when the console could not listen there."""
    if not 0 < port < 65536:
        raise PdpaAgentError(f"--port {port}: not a TCP port (1-65535)")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(infos[0][4])
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise PdpaAgentError(f"cannot listen on {host}:{port}: {reason}") from None


def read_password() -> str:
    """The new password: asked without echo at a terminal, else one line of stdin."""
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass("password: ")
        again = getpass.getpass("password again: ")
        if first != again:
            raise PdpaAgentError("the two passwords differ")
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


def user_command(args: argparse.Namespace) -> int:
    """``pdpa-agent user add|list|disable``."""
    loaded = load_config(find_config(args.config))
    store = _store(loaded)
    try:
        if args.action == "add":
            password = read_password()
            account = add_account(
                store.engine, args.name, args.role, password, datetime.now(UTC), args.email
            )
            print(f"added {account.name} ({account.role})")
        elif args.action == "disable":
            disable_account(store.engine, args.name)
            print(f"disabled {args.name}; its sessions ended")
        else:
            for account in list_accounts(store.engine):
                state = "disabled" if account.disabled else "enabled"
                print(f"{account.name}\t{account.role}\t{account.email or ''}\t{state}")
    finally:
        store.close()
    return EXIT_OK
