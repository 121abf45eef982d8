"""``pdpa-agent run``: scans on the configured schedule until stopped.

The schedule strings of SPEC §4 become jobs of the ``schedule`` library; one
scan runs at a time (the loop is single-threaded). SIGTERM or SIGINT sets a
stop flag that the runner checks between datasets, so a scan in progress
stops after its current dataset, is not recorded as complete, and the loop
ends; the next run's first scan is complete. Every few minutes (and at start)
it also sends the DPO the breach reminders that are due (SPEC §11,
``agent.breach.reminders``).
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from types import FrameType

import schedule

from agent.breach.reminders import send_reminders
from agent.commands.exit_codes import EXIT_OK
from agent.commands.scan import ScanRequest, scan_session
from agent.inputs.config_loader import find_config, load_config
from agent.inputs.schedule_spec import ScheduleSpec, parse_schedule
from agent.state.store import StateStore
from connectors.errors import PdpaAgentError
from scanners.reasons import error_reason

#: How often ``run`` checks whether a breach reminder (24 h, 6 h left) is due.
REMINDER_CHECK_SECONDS = int(os.environ.get("PDPA_REMINDER_CHECK_SECONDS", "300"))


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

    def remind() -> None:
        try:
            with StateStore(loaded.config.agent.state) as store:
                for line in send_reminders(loaded, store, datetime.now(UTC)):
                    print(line, flush=True)
        except Exception as exc:  # a reminder failure must not end the agent
            log.error("breach reminders failed: %s", error_reason(exc))

    print(f"pdpa-agent running: {loaded.config.agent.schedule} (SIGTERM or Ctrl-C stops it)")
    if loaded.config.breach.dpo_email and loaded.config.reports.email is None:
        print("breach reminders are off: [breach] dpo_email needs [reports.email] to send them")
    scheduler = build_scheduler(spec, job)
    scheduler.every(REMINDER_CHECK_SECONDS).seconds.do(remind)
    remind()
    run_until_stopped(scheduler, stop, job, now=args.now)
    print("pdpa-agent stopped")
    return EXIT_OK
