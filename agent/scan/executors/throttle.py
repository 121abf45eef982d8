"""Which task to start next: round-robin over sources, at most ``cap`` tasks per source at once.

A source's cap bounds its concurrent queries: each task reads its dataset
over one connection, one statement at a time, so a source never sees more
statements at once than it has tasks in flight. Pure and single-threaded.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from typing import Generic, Protocol, TypeVar


class HasSource(Protocol):
    @property
    def source(self) -> str: ...


T = TypeVar("T", bound=HasSource)


class Throttle(Generic[T]):
    """Pending tasks per source, handed out fairly without exceeding each source's cap."""

    def __init__(self, tasks: Sequence[T], caps: Mapping[str, int], default_cap: int = 1) -> None:
        self._queues: dict[str, deque[T]] = {}
        for task in tasks:
            self._queues.setdefault(task.source, deque()).append(task)
        self._order: deque[str] = deque(self._queues)
        self._caps = {source: max(1, caps.get(source, default_cap)) for source in self._queues}
        self._running: dict[str, int] = dict.fromkeys(self._queues, 0)

    @property
    def pending(self) -> int:
        """Tasks not yet handed out."""
        return sum(len(queue) for queue in self._queues.values())

    @property
    def running(self) -> int:
        """Tasks handed out and not yet done."""
        return sum(self._running.values())

    def next_task(self) -> T | None:
        """The next task whose source has room, or None (nothing pending, or all at their cap)."""
        for _ in range(len(self._order)):
            source = self._order[0]
            self._order.rotate(-1)
            queue = self._queues[source]
            if queue and self._running[source] < self._caps[source]:
                self._running[source] += 1
                return queue.popleft()
        return None

    def done(self, task: T) -> None:
        """``task`` finished: its source has room for one more."""
        self._running[task.source] -= 1

    def retry(self, task: T) -> None:
        """``task`` must run again: back to the front of its source's queue."""
        self._running[task.source] -= 1
        self._queues[task.source].appendleft(task)
