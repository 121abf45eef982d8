"""How much a short string looks like a person's name, in any script the product meets.

``name_score("Somchai Jaidee")`` is the probability (0 to 1) that a value is a
person's name or part of one: a full name, a given name or a surname alone,
in Latin script (many locales, ALL CAPS, ``SURNAME/GIVEN MR``,
``Surname, Given``, initials), romanised Thai, Thai script with or without a
title (นาย, นางสาว, ด.ช., พ.ต.อ. …), Japanese, Chinese, Korean, Cyrillic or
Greek. Words, company, product and place names, job titles, song or book
titles, Thai phrases and event names, host names and codes score low.

The model is a logistic regression over the features of
``scanners.classification.name_features`` (character n-grams, whole words and the value's
shape), trained by ``scripts/train_name_model.py`` and shipped as
``scanners/data/name_likeness.json.gz``. It is loaded once, lazily. A value's
log-odds is the bias, plus its shape weights, plus one cached sum per word
token (the token's n-gram weights), so scoring is pure Python and cheap;
``name_score`` also caches whole values.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from itertools import repeat
from typing import Any

from scanners.classification.name_features import FEATURE_VERSION, analyse, token_features

MODEL_RESOURCE = "data/name_likeness.json.gz"
#: Scores at or above this read as a name.
THRESHOLD = 0.5
_CACHE_SIZE = 1 << 16
_TOKEN_CACHE_SIZE = 1 << 18


class NameModel:
    """A loaded artefact: a bias and one weight per feature."""

    def __init__(self, payload: Mapping[str, Any]) -> None:
        if payload.get("feature_version") != FEATURE_VERSION:
            raise ValueError(
                f"name model was trained with features v{payload.get('feature_version')}, "
                f"this code computes v{FEATURE_VERSION}: rerun scripts/train_name_model.py"
            )
        scale = float(payload["scale"])
        self.bias = float(payload["bias"]) / scale
        self.weights: dict[str, float] = {k: v / scale for k, v in payload["weights"].items()}
        self.config_hash: str = payload.get("config_hash", "")
        self._token_cache: dict[str, float] = {}

    def logit(self, value: str) -> float:
        """The model's log-odds that ``value`` is a person's name; -20 for an empty value."""
        words, shape = analyse(value)
        if not shape:
            return -20.0
        get = self.weights.get
        z = self.bias + sum(map(get, shape, repeat(0.0)))
        cache = self._token_cache
        for word in words:
            part = cache.get(word)
            if part is None:
                if len(cache) >= _TOKEN_CACHE_SIZE:
                    cache.clear()
                part = cache[word] = sum(map(get, token_features(word), repeat(0.0)))
            z += part
        return z

    def score(self, value: str) -> float:
        """The probability that ``value`` is a person's name or part of one."""
        z = self.logit(value)
        if z < -30.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def load_model() -> NameModel:
    """The shipped model, read from the package data once."""
    blob = resources.files("scanners").joinpath(MODEL_RESOURCE).read_bytes()
    return NameModel(json.loads(gzip.decompress(blob)))


@lru_cache(maxsize=_CACHE_SIZE)
def name_score(value: str) -> float:
    """Probability in [0, 1] that ``value`` is a person's name or part of one (cached)."""
    return load_model().score(value)


def name_scores(values: Iterable[str]) -> list[float]:
    """``name_score`` of each value, in order (each distinct value scored once)."""
    return [name_score(v) for v in values]


def looks_like_name(value: str, threshold: float = THRESHOLD) -> bool:
    """Whether ``value`` scores at least ``threshold``."""
    return name_score(value) >= threshold
