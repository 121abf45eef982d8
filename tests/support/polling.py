"""A thread that watches a database server while a test runs a scan against it.

``with SomePoller(engine, ...) as poller:`` opens one connection from
``engine`` on a daemon thread and calls :meth:`PollingThread.poll` every
:data:`POLL_S` until the block ends (or ``poll`` returns False). An error in
the thread is kept and raised when the block ends, so a broken poller never
passes silently.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from sqlalchemy.engine import Connection, Engine

POLL_S = 0.02
WAIT_S = 120.0  # upper bound for the thread to finish (never asserted)


@dataclass
class PollingThread:
    """Calls :meth:`poll` on its own connection from ``engine`` until the ``with`` block ends."""

    engine: Engine
    error: BaseException | None = field(default=None, init=False)
    _stop: threading.Event = field(default_factory=threading.Event, init=False)
    _thread: threading.Thread | None = field(default=None, init=False)

    def poll(self, conn: Connection) -> bool:
        """One look at the server; False stops the thread."""
        raise NotImplementedError

    def __enter__(self) -> PollingThread:
        self._thread = threading.Thread(target=self._run, name=type(self).__name__, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        assert self._thread is not None
        self._thread.join(WAIT_S)
        if self.error is not None:
            raise self.error

    def _run(self) -> None:
        try:
            with self.engine.connect() as conn:
                while not self._stop.is_set() and self.poll(conn):
                    time.sleep(POLL_S)
        except BaseException as exc:  # raised in the test when its block ends
            self.error = exc
