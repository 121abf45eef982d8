"""``pdpa-agent run``: scans on the configured schedule until stopped.

The schedule strings of SPEC §4 become jobs of the ``schedule`` library; one
scan runs at a time (the loop is single-threaded). SIGTERM or SIGINT sets a
stop flag that the runner checks between datasets, so a scan in progress
stops after its current dataset, is not recorded as complete, and the loop
ends; the next run's first scan is complete.
"""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from collections.abc import Callable
from types import FrameType

import schedule

from agent.commands.exit_codes import EXIT_OK
from agent.commands.scan import ScanRequest, scan_session
from agent.inputs.config_loader import find_config, load_config
from agent.inputs.schedule_spec import ScheduleSpec, parse_schedule
from connectors.errors import PdpaAgentError


class StopFlag:
    """Set by SIGTERM/SIGINT; polled by the runner and the schedule loop."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def install(self) -> None:
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._handle)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self._event.set()

    def __call__(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        return self._event.wait(seconds)


def build_scheduler(spec: ScheduleSpec, job: Callable[[], object]) -> schedule.Scheduler:
    """A scheduler with one job on ``spec`` ("every day at 02:00", "every 6 hours", …)."""
    scheduler = schedule.Scheduler()
    every = scheduler.every(spec.interval)
    planned = getattr(every, spec.unit)  # minutes | hours | days | weeks | monday … sunday
    if spec.at is not None:
        planned = planned.at(spec.at)
    planned.do(job)
    return scheduler


def run_until_stopped(
    scheduler: schedule.Scheduler, stop: StopFlag, job: Callable[[], object], now: bool
) -> None:
    """Run ``job`` when due (and once at start with ``now``) until ``stop`` is set."""
    if now and not stop():
        job()
    while not stop():
        scheduler.run_pending()
        stop.wait(1.0)


def run_command(args: argparse.Namespace) -> int:
    """``pdpa-agent run [--now]``: the agent, until SIGTERM or SIGINT."""
    loaded = load_config(find_config(args.config))
    spec = parse_schedule(loaded.config.agent.schedule)
    stop = StopFlag()
    stop.install()
    log = logging.getLogger(__name__)

    def job() -> None:
        try:
            scan_session(loaded, ScanRequest(should_stop=stop))
        except PdpaAgentError as exc:  # one failed scan must not end the agent
            log.error("scan failed: %s", exc)

    print(f"pdpa-agent running: {loaded.config.agent.schedule} (SIGTERM or Ctrl-C stops it)")
    run_until_stopped(build_scheduler(spec, job), stop, job, now=args.now)
    print("pdpa-agent stopped")
    return EXIT_OK
