"""The ``pdpa-agent`` command line (SPEC §3): parse, dispatch, map errors to exit codes.

Each command runs in its own module of :mod:`agent.commands`; exit codes are
in :mod:`agent.commands.exit_codes`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import select
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from agent import __version__
from agent.cli_parser import Parser as _Parser
from agent.commands.exit_codes import EXIT_OK, EXIT_USAGE
from agent.inputs.problems import ConfigProblems
from connectors.errors import PdpaAgentError
from scanners.checks.severity import SEVERITY_ORDER
from scanners.model.breach import OUTCOMES
from scanners.model.disclosure import FOLLOWUP_STATUSES
from scanners.model.roles import ROLES
from scanners.model.triage import TRIAGE_STATUSES
from scanners.subjects.normal_forms import SUBJECT_TYPES

FAIL_ON_CHOICES = tuple(reversed(SEVERITY_ORDER))  # low … critical


def _add_config_option(parser: argparse.ArgumentParser) -> None:
    """``-c/--config`` after every command name too; main() reconciles it with the one before."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                command.add_argument(
                    "-c",
                    "--config",
                    dest="command_config",
                    metavar="CONFIG",
                    default=argparse.SUPPRESS,
                    help="config file (default ./pdpa-agent.toml); also before the command",
                )
                _add_config_option(command)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pdpa-agent", description="Thai PDPA personal-data scanner")
    parser.add_argument("--version", action="version", version=f"pdpa-agent {__version__}")
    parser.add_argument("-c", "--config", help="config file (default ./pdpa-agent.toml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    scan = commands.add_parser("scan", help="one discovery scan now")
    scan.add_argument("--source", action="append", default=[], help="only this source (repeatable)")
    scan.add_argument("--out", help="report folder (default: reports.out_dir)")
    scan.add_argument("--format", help="comma-separated: json,html,csv,xlsx")
    scan.add_argument(
        "--fail-on", choices=FAIL_ON_CHOICES, help="exit 1 on findings at this severity"
    )
    scan.add_argument(
        "--full", action="store_true", help="read every table and file, changed or not"
    )

    detect = commands.add_parser("detect", help="detect personal data in free text")
    detect.add_argument("path", nargs="?", default="-", help="file, or - for standard input")
    detect.add_argument("--jsonl", action="store_true", help='input lines are {"id", "text"}')

    demo = commands.add_parser("demo", help="build the demo organisation and scan it")
    demo.add_argument("--out", default="pdpa-demo", help="folder for the demo and its reports")

    subject = commands.add_parser("subject", help="where one data subject appears")
    subject.add_argument(
        "value",
        nargs="?",
        default="-",
        metavar="VALUE",
        help="the subject's value, or sha256:<hex> with --type; - or none: read standard input",
    )
    subject.add_argument("--type", choices=SUBJECT_TYPES)
    subject.add_argument("--source", action="append", default=[], help="only this source")

    run = commands.add_parser("run", help="scan on the configured schedule until stopped")
    run.add_argument("--now", action="store_true", help="also scan once right away")

    access = commands.add_parser("access", help="access-list verification only")
    access.add_argument("--source", action="append", default=[], help="only this source")
    access.add_argument("--out", help="report folder (default: reports.out_dir)")
    access.add_argument("--format", help="comma-separated: json,html,csv,xlsx")
    access.add_argument(
        "--fail-on", choices=FAIL_ON_CHOICES, help="exit 1 on findings at this severity"
    )

    findings = commands.add_parser("findings", help="findings from the state store")
    findings.add_argument("--status", choices=("open", "resolved"))
    findings.add_argument("--since", metavar="SCAN", help="only findings that changed after SCAN")

    check = commands.add_parser(
        "check-config", help="validate config, register, access list, overrides and requests"
    )
    check.add_argument(
        "--connect",
        action="store_true",
        help="also connect to every source (read-only) and check what only it can tell",
    )

    worker = commands.add_parser("worker", help="a Celery worker for executor = celery")
    worker.add_argument(
        "--zone", action="append", default=[], help="serve this zone's sources (repeatable)"
    )
    worker.add_argument("--concurrency", type=int, default=2, help="worker processes (default 2)")
    worker.add_argument("--name", help="worker name (default pdpa-agent@HOST)")
    disclose = commands.add_parser(
        "disclose", help="s.37(2): assess a disclosure request, then make the minimised extract"
    )
    disclose.add_argument("request", metavar="REQUEST.toml", help="the disclosure request file")
    disclose.add_argument(
        "--assess", action="store_true", help="only assess: write assessment.json and .html"
    )
    disclose.add_argument("--out", help="folder (default: reports.out_dir/disclosures/ID)")

    log = commands.add_parser("disclosures", help="the disclosure log and its follow-ups")
    log.set_defaults(action="list", xlsx=None)
    actions = log.add_subparsers(dest="action", parser_class=_Parser)
    listing = actions.add_parser("list", help="every disclosure with its state")
    listing.add_argument("--xlsx", metavar="PATH", help="also export the log as XLSX")
    show = actions.add_parser("show", help="one disclosure and its follow-ups")
    show.add_argument("id", metavar="ID")
    followup = actions.add_parser("followup", help="record the recipient's answer")
    followup.add_argument("id", metavar="ID")
    followup.add_argument("--status", required=True, choices=FOLLOWUP_STATUSES)
    followup.add_argument("--note", default="", help="what the recipient said")
    followup.add_argument("--by", required=True, help="who records it")
    followup.add_argument("--next", metavar="DATE", help="still_needed: the next follow-up date")
    breach = commands.add_parser("breach", help="s.37(4): the breach register and its drafts")
    breach.set_defaults(action="list", out=None)
    steps = breach.add_subparsers(dest="action", parser_class=_Parser)
    opened = steps.add_parser("open", help="assess an incident file and record the breach")
    opened.add_argument("incident", metavar="INCIDENT.toml")
    opened.add_argument("--out", help="folder for breach.json and the drafts")
    steps.add_parser("list", help="every breach with its state")
    shown = steps.add_parser("show", help="one breach: state, time left, factors, history")
    shown.add_argument("id", metavar="ID")
    updated = steps.add_parser("update", help="re-assess an open breach (history kept)")
    updated.add_argument("id", metavar="ID")
    updated.add_argument("incident", metavar="INCIDENT.toml")
    updated.add_argument("--out", help="folder for breach.json and the drafts")
    closed = steps.add_parser("close", help="end a breach")
    closed.add_argument("id", metavar="ID")
    closed.add_argument("--outcome", required=True, choices=OUTCOMES)
    closed.add_argument("--by", required=True, help="who closes it")
    _add_decision_commands(commands)
    _add_config_option(parser)
    return parser


def _add_decision_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    """``triage`` (SPEC §9), ``serve`` and ``user`` (the console, SPEC §12)."""
    triage = commands.add_parser("triage", help="record a decision on a finding, or show them")
    triage.add_argument("finding_id", metavar="FINDING_ID")
    triage.add_argument("--status", choices=TRIAGE_STATUSES)
    triage.add_argument("--by", default="", help="who decides")
    triage.add_argument("--reason", default="", help="why (needed with --status)")
    triage.add_argument("--until", help="accepted only: the last day it holds (B.E. accepted)")
    triage.add_argument("--assignee", help="who deals with it ('' to unassign)")
    triage.add_argument("--comment", help="a comment for the finding's history")
    serve = commands.add_parser("serve", help="the web console")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8470)
    user = commands.add_parser("user", help="console accounts")
    accounts = user.add_subparsers(dest="action", required=True, parser_class=_Parser)
    added = accounts.add_parser("add", help="add an account; the password is read from stdin")
    added.add_argument("name", metavar="NAME")
    added.add_argument("--role", required=True, choices=ROLES)
    added.add_argument("--email", help="an owner's e-mail, as the register's owner writes it")
    accounts.add_parser("list", help="every account, its role and e-mail")
    disabled = accounts.add_parser("disable", help="disable an account and end its sessions")
    disabled.add_argument("name", metavar="NAME")


#: command → (module, function); imported only when that command runs, so ``detect`` does
#: not load database drivers and ``--help`` stays fast.
COMMANDS: dict[str, tuple[str, str]] = {
    "scan": ("agent.commands.scan", "scan_command"),
    "access": ("agent.commands.scan", "access_command"),
    "detect": ("agent.commands.detect", "detect_command"),
    "demo": ("agent.commands.demo", "demo_command"),
    "subject": ("agent.commands.subject", "subject_command"),
    "findings": ("agent.commands.findings", "findings_command"),
    "run": ("agent.commands.run", "run_command"),
    "check-config": ("agent.commands.check_config", "check_config_command"),
    "worker": ("agent.commands.worker", "worker_command"),
    "disclose": ("agent.commands.registers.disclose", "disclose_command"),
    "disclosures": ("agent.commands.registers.disclosures", "disclosures_command"),
    "breach": ("agent.commands.registers.breach", "breach_command"),
    "triage": ("agent.commands.triage", "triage_command"),
    "serve": ("agent.commands.serve", "serve_command"),
    "user": ("agent.commands.serve", "user_command"),
}


def handler(command: str) -> Callable[[argparse.Namespace], int]:
    """The function that runs ``command``."""
    module, function = COMMANDS[command]
    run: Callable[[argparse.Namespace], int] = getattr(importlib.import_module(module), function)
    return run


def output_closed(stream: TextIO) -> bool:
    """Whether the reader of ``stream`` has gone away (a pipe whose other end is closed)."""
    try:
        poller = select.poll()
        poller.register(stream.fileno(), select.POLLOUT)
        return any(events & (select.POLLERR | select.POLLHUP) for _, events in poller.poll(0))
    except (OSError, ValueError, AttributeError):  # closed, detached or not a real file
        return True


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    after = getattr(args, "command_config", None)
    if after is not None:  # -c after the command name; given on both sides, they must agree
        if args.config is not None and args.config != after:
            print(
                "pdpa-agent: error: -c/--config given both before and after the command "
                "with different files; give it once",
                file=sys.stderr,
            )
            return EXIT_USAGE
        args.config = after
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        return handler(args.command)(args)
    except ConfigProblems as exc:
        print(f"pdpa-agent: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except PdpaAgentError as exc:
        print(f"pdpa-agent: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("pdpa-agent: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # last resort: one line, no traceback unless asked
        if isinstance(exc, BrokenPipeError) and output_closed(sys.stdout):
            return EXIT_OK  # the reader went away (`| head`); a pipe of our own is a failure
        if args.debug:
            raise
        print(
            f"pdpa-agent: internal error: {type(exc).__name__} (run with --debug)", file=sys.stderr
        )
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
