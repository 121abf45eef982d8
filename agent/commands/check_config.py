"""``pdpa-agent check-config [--connect]``: every problem of every user file, then the paths."""

from __future__ import annotations

import argparse
import sys

from agent.commands.exit_codes import EXIT_OK, EXIT_USAGE
from agent.inputs.config_loader import find_config
from agent.inputs.user_files import check_all


def check_config_command(args: argparse.Namespace) -> int:
    """Print each problem as ``file:line: problem``; exit 2 on any that is not a warning."""
    problems, summary = check_all(find_config(args.config), connect=args.connect)
    for problem in problems:
        print(problem)
    errors = [p for p in problems if not p.warning]
    if errors:
        print(f"{len(errors)} problem(s) found", file=sys.stderr)
        return EXIT_USAGE
    print(summary)
    return EXIT_OK
