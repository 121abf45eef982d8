"""``pdpa-agent worker``: a Celery worker for ``executor = "celery"`` (docs/scaling.md)."""

from __future__ import annotations

import argparse

from agent.commands.exit_codes import EXIT_OK
from agent.inputs.config_loader import find_config
from agent.scan.executors.celery_worker import run_worker
from connectors.errors import PdpaAgentError


def worker_command(args: argparse.Namespace) -> int:
    """Serve the datasets of the sources in ``--zone`` (none: sources without a zone)."""
    if args.concurrency < 1:
        raise PdpaAgentError("--concurrency must be at least 1")
    run_worker(find_config(args.config), args.zone, args.concurrency, args.name)
    return EXIT_OK
