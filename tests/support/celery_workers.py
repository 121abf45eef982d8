"""Real ``pdpa-agent worker`` processes for the Celery tests: start, wait until ready, kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from agent.inputs.config_loader import load_config
from agent.scan.executors.celery_app import make_app


class WorkerProcess:
    """One ``pdpa-agent worker`` subprocess in its own process group, logging to a file."""

    def __init__(
        self, config: Path, name: str, zones: tuple[str, ...] = (), log_dir: Path | None = None
    ) -> None:
        self.name = name
        self.log = (log_dir or config.parent) / f"{name}.log"
        command = [
            sys.executable,
            "-m",
            "agent",
            "-c",
            str(config),
            "worker",
            "--name",
            f"{name}@test",
        ]
        command += ["--concurrency", "1"]
        for zone in zones:
            command += ["--zone", zone]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, env=env
            )

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def datasets_done(self) -> list[str]:
        """``source/dataset`` of every dataset task this worker finished."""
        marker = "task done: dataset "
        return [
            line.split(marker, 1)[1].strip() for line in self.text().splitlines() if marker in line
        ]

    def kill(self) -> None:
        """SIGKILL the worker and its pool (no chance to acknowledge or clean up)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


def wait_until_ready(config: Path, workers: list[WorkerProcess], timeout_s: float = 60) -> None:
    """Block until every worker answers a broadcast ping (their pools are up)."""
    app = make_app(load_config(config).config.agent)
    wanted = {f"{w.name}@test" for w in workers}
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            for worker in workers:
                if worker.process.poll() is not None:
                    raise AssertionError(f"worker {worker.name} exited:\n{worker.text()[-2000:]}")
            replies = app.control.inspect(timeout=0.5).ping() or {}
            if wanted <= set(replies):
                return
        raise AssertionError(f"workers not ready: {wanted - set(replies)}")
    finally:
        app.close()
