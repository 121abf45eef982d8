"""Role membership as a graph: every role a principal holds, directly or through other roles.

PostgreSQL, SQL Server and Oracle all let roles be members of roles; each
grants reader builds the edges (member → the roles it is granted, as the
engine's inheritance rules allow) and asks :func:`roles_reached` for the
transitive closure, nearest first, so a finding can say how far a privilege
was inherited. Cycles (possible on SQL Server and in corrupt catalogues) end
the walk rather than looping.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

Node = TypeVar("Node", bound=Any)


def roles_reached(edges: Mapping[Node, Iterable[Node]], start: Node) -> list[tuple[int, Node]]:
    """``(distance, role)`` of every role reachable from ``start``, nearest first, each once."""
    seen, queue, found = {start}, deque([(start, 0)]), []
    while queue:
        current, distance = queue.popleft()
        for role in sorted(edges.get(current, ())):
            if role not in seen:
                seen.add(role)
                found.append((distance + 1, role))
                queue.append((role, distance + 1))
    return found
