"""Adaptive sampling: decide a column on part of its sample once the evidence is conclusive.

The classifier (:mod:`scanners.classification.classify`) reads a column's
sampled values in a deterministic shuffled order and judges growing prefixes
of it (30, 61, 122, 244 … non-empty values) exactly as it would judge a sample
made of them. It stops at the first checkpoint whose reported types are
those of the previous one and where nothing is left open: every share a
decision compares with a threshold — the evidence and shape shares of each
type, and the statistics of every column rule whose gate is open — has its
Wilson score interval wholly on one side of that threshold. A column that may
be prose is decided on the prefix too, except for the identifiers a few notes
may hold: the rest of its sample is analysed for those types only, and
``sparse_identifiers`` judged on all of it.

* :mod:`.intervals` — the Wilson score interval and one share against its threshold;
* :mod:`.rule_margins` — what each column rule still leaves open on a prefix;
* :mod:`.stopping` — the shuffled order, the checkpoints, the stopping rule, the counts;
* :mod:`.value_hits` — each distinct value analysed once (or for a few types only),
  tallied for any prefix.
"""
