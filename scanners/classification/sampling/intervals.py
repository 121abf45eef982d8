"""The Wilson score interval, and one share of a prefix compared with its threshold.

A prefix of a shuffled sample is a random subsample drawn without
replacement, so the share of its values that are evidence of a type
estimates that share in the whole sample; the Wilson score interval bounds
it (with a finite-population correction it would only be narrower). At
z = :data:`Z` = 3.9 the true share lies outside the interval about once in
10,000 on either side. A :class:`Margin` is settled when its interval lies
wholly on one side of the threshold the decision uses; an :class:`Open` says
why a prefix does not decide its column yet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: Width of the Wilson score interval: about one chance in 10,000 on either side.
Z = 3.9


def wilson(successes: int, trials: int, z: float = Z) -> tuple[float, float]:
    """The Wilson score interval of ``successes / trials`` (``(0, 1)`` for no trials)."""
    if trials <= 0:
        return 0.0, 1.0
    share = successes / trials
    z2 = z * z
    scale = 1 + z2 / trials
    centre = (share + z2 / (2 * trials)) / scale
    half = z * math.sqrt(share * (1 - share) / trials + z2 / (4 * trials * trials)) / scale
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Margin:
    """One share a decision compares with a threshold: ``successes`` of ``trials``."""

    what: str
    successes: int
    trials: int
    threshold: float

    @property
    def side(self) -> bool | None:
        """True: surely at or above the threshold; False: surely below; None: not yet known."""
        low, high = wilson(self.successes, self.trials)
        if low >= self.threshold:
            return True
        if high < self.threshold:
            return False
        return None

    @property
    def open(self) -> Open:
        """Why more values are needed (counts only, never a value)."""
        return Open(f"{self.what}: {self.successes} of {self.trials} near {self.threshold:.0%}")


@dataclass(frozen=True)
class Open:
    """Why a prefix does not decide its column yet (counts and names only, never a value).

    ``whole_sample``: no longer prefix will either (prose, a vocabulary, dates
    under an uninformative name), so the whole sample is read at once.
    ``only``: with ``whole_sample``, the types the rest of the sample is needed
    for, everything else being settled on the prefix (empty: every type).
    """

    reason: str
    whole_sample: bool = False
    only: frozenset[str] = frozenset()
