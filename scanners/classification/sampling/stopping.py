"""When to stop reading a column's sample: the shuffled order, the checkpoints, the rule.

Database samples come page by page, so the first rows of a sample are not a
random subsample of it (a table filled by one import after another holds
e-mails in its first pages and blanks in its last). The classifier reads
the sample in an order shuffled by the column's name
(:func:`shuffled_positions`: the same order on every scan), so each prefix
is a random subsample drawn without replacement. It judges the prefix at
each checkpoint (:func:`checkpoints`) and stops at the first one where

* the reported types are those of the previous checkpoint, and
* :func:`undecided` finds nothing open: at least :data:`MIN_DISTINCT`
  distinct values (every column rule's distinct count lies below), and every
  share on the decision's path settled
  (:func:`~scanners.classification.sampling.rule_margins.open_question`).

A column that may be prose stops on the same terms except that the rest of
its sample is then read for the identifier types of ``sparse_identifiers``
only (:attr:`~scanners.classification.sampling.intervals.Open.only`).
Otherwise the whole sample is judged, in its own order, exactly as without
adaptive sampling. :class:`SamplingStats` counts what was read, for
benchmarks; it never reaches a result.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass

from scanners.classification.column_rules.view import ColumnView
from scanners.classification.sampling.intervals import Open, Z
from scanners.classification.sampling.rule_margins import Decided, open_question

#: The smallest prefix on which a share of 0 (of 1) settles a 20% (80%) threshold: the
#: Wilson bound of 0 in n is z²/(n + z²), below 0.2 from n = 4z² = 61 on (z = 3.9).
FIRST_STOP = math.ceil(4 * Z * Z)
#: A prefix with fewer distinct values means a column cheap to read in full (and this is
#: above every column rule's count of distinct values).
MIN_DISTINCT = 20


def checkpoints(first_stop: int = FIRST_STOP) -> Iterator[int]:
    """Prefix sizes in non-empty values: half the first stop (to compare with), then the
    first stop doubling — 30, 61, 122, 244, 488, 976 …"""
    yield first_stop // 2
    size = first_stop
    while True:
        yield size
        size *= 2


def shuffled_positions(count: int, key: str) -> list[int]:
    """``range(count)`` in a random order fixed by ``key`` (sorted by seeded random keys)."""
    seed = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big")
    draw = random.Random(seed).random
    return sorted(range(count), key=lambda _: draw())


def undecided(view: ColumnView, decided: Decided) -> Open | None:
    """What the prefix in ``view`` leaves open (more values are needed), or None."""
    if view.distinct < MIN_DISTINCT:
        return Open(f"only {view.distinct} distinct values: cheap to read in full", True)
    return open_question(view, decided)


@dataclass
class SamplingStats:
    """How much of the samples the classifier read (for benchmarks; never in a result)."""

    columns: int = 0
    sampled: int = 0  # values in the samples, empty ones included
    read: int = 0  # sampled values looked at before the decision
    judged: int = 0  # non-empty values the decision is made on
    analysed: int = 0  # distinct values given to the detection engine for every type
    early: int = 0  # columns decided before the whole sample was read
    narrowed: int = 0  # columns whose rest was read for a few types only
    narrowed_values: int = 0  # distinct values given to the engine for those types only

    def add(
        self, sampled: int, read: int, judged: int, analysed: int, narrowed: int | None = None
    ) -> None:
        """Count one classified column; ``narrowed``: the distinct values analysed for a few
        types only, when the rest of its sample was read for those types."""
        self.columns += 1
        self.sampled += sampled
        self.read += read
        self.judged += judged
        self.analysed += analysed
        self.early += read < sampled
        if narrowed is not None:
            self.narrowed += 1
            self.narrowed_values += narrowed
