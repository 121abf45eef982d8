"""PERSON (Thai script) from a CRF sequence model trained on ThaiNER sentences.

The model (``scanners/data/th_person_crf.crfsuite``, python-crfsuite) tags
``newmm`` tokens with B/I/O PERSON labels using the features of
:mod:`scanners.recognizers.th.person_features`; it finds names without a
title (``…กล่าวว่า สมชาย ใจดี …``) and nicknames in context, which the
title and name-list rules of ``th_person`` miss. Rebuild it with
``python scripts/train_th_person.py`` (see ``docs/accuracy.md``).

Spans are the merged B/I tokens, trimmed of spaces. The score is the mean
marginal probability of the span's labels mapped onto the recognizer
convention: at or above ``CONFIDENT`` (chosen on a validation slice of the
training data) it maps to 0.86–0.99 (evidence, ranked above the title
rule's 0.85 so that the model's boundaries win overlaps); below, to
0.05–0.49 (a shape that needs context such as ``ชื่อ``).

Text without a Thai character is skipped. Long text is tagged in chunks of
about ``CHUNK`` characters cut at line breaks or spaces, each tagged with
``MARGIN`` characters of look-ahead so that a name across a cut is kept
whole; offsets index the original text. The model file is read once, lazily, from package data.

Non-compliant (matched): ``ผู้สื่อข่าวรายงานว่า นายสมชาย ใจดี กล่าว``.
Compliant (not matched): ``บริษัท ไทยรุ่งเรือง จำกัด``, ``นายจ้างต้องจ่าย``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import cache
from importlib import resources

import pycrfsuite

from scanners.recognizers.base import ScannerRecognizer, Span
from scanners.recognizers.th.person_features import sentence_features, tokenize

MODEL_RESOURCE = "data/th_person_crf.crfsuite"
_THAI = re.compile(r"[\u0e01-\u0e4e]")
_lock = threading.Lock()


@cache
def _model() -> tuple[pycrfsuite.Tagger, bytes]:
    data = resources.files("scanners").joinpath(MODEL_RESOURCE).read_bytes()
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(data)
    return tagger, data  # the bytes stay referenced while the tagger reads them


def load_tagger() -> pycrfsuite.Tagger:
    """The CRF tagger, read from the installed package's data once."""
    return _model()[0]


def cut(text: str, start: int, size: int) -> int:
    """Where a piece of at most ``size`` characters from ``start`` ends: a line break or space."""
    if len(text) - start <= size:
        return len(text)
    window = text[start + size // 2 : start + size]
    for separator in ("\n", "  ", " "):
        found = window.rfind(separator)
        if found >= 0:
            return start + size // 2 + found + len(separator)
    return start + size


def chunks(text: str, size: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` pieces of at most ``size`` characters, cut at a line break or space."""
    start = 0
    while start < len(text):
        end = cut(text, start, size)
        yield start, end
        start = end


def decode(tagger: pycrfsuite.Tagger, text: str) -> list[tuple[int, int, float]]:
    """PERSON spans of one chunk as ``(start, end, mean marginal)``."""
    tokens = tokenize(text)
    if not tokens:
        return []
    words = [t.text for t in tokens]
    with _lock:
        tags = tagger.tag(sentence_features(words))
        marginals = [tagger.marginal(tag, i) for i, tag in enumerate(tags)]
    spans: list[tuple[int, int, float]] = []
    current: list[int] = []

    def close() -> None:
        kept = [i for i in current if not words[i].isspace()]
        if kept:
            mean = sum(marginals[i] for i in kept) / len(kept)
            spans.append((tokens[kept[0]].start, tokens[kept[-1]].end, mean))
        current.clear()

    for index, tag in enumerate(tags):
        if tag == "B-PERSON" or (tag == "I-PERSON" and not current):
            close()
            current.append(index)
        elif tag == "I-PERSON":
            current.append(index)
        else:
            close()
    close()
    return spans


class ThaiPersonModelRecognizer(ScannerRecognizer):
    """Thai names found by a CRF over newmm tokens (titles optional)."""

    ENTITY = "PERSON"
    REQUIRES = "thai"
    #: Free text only: measured better than the title rules there (docs/accuracy.md);
    #: column cells are short and well served by the rules and the column name.
    SCOPE = "text"
    CONTEXT = ("ชื่อ", "สกุล", "ผู้ติดต่อ", "ลูกค้า", "พนักงาน", "full name", "fullname")
    NEGATIVE_CONTEXT = ("ชื่อสินค้า", "ชื่อบริษัท", "ชื่อไฟล์", "ชื่อเพลง", "ชื่อร้าน")
    #: Mean marginal at which a span is evidence on its own (validation-tuned).
    CONFIDENT = 0.6
    #: Confident spans score 0.86-0.99: above the title rule's 0.85, so that the
    #: model's boundaries (multiple titles, full surname) win where both overlap.
    LOW, HIGH = 0.86, 0.99
    #: Characters tagged at once; longer text is cut at line breaks or spaces.
    CHUNK = 2000
    #: Extra characters tagged past each cut, for context.
    MARGIN = 200

    @classmethod
    def score(cls, marginal: float) -> float:
        """Map a mean marginal onto the convention (>= 0.5 only when confident)."""
        if marginal >= cls.CONFIDENT:
            share = (marginal - cls.CONFIDENT) / (1 - cls.CONFIDENT)
            return round(cls.LOW + (cls.HIGH - cls.LOW) * share, 4)
        return round(max(0.05, 0.49 * marginal / cls.CONFIDENT), 4)

    def find(self, text: str) -> Iterator[Span]:
        if not _THAI.search(text):
            return
        tagger = load_tagger()
        start = 0
        while start < len(text):
            end = cut(text, start, self.CHUNK)
            # Tag a little past the cut so a name across it is seen whole; keep
            # the spans that start before the cut and resume after the last one.
            resume = end
            for s, e, marginal in decode(tagger, text[start : min(len(text), end + self.MARGIN)]):
                if start + s < end:
                    yield Span(start + s, start + e, self.score(marginal))
                    resume = max(resume, start + e)
            start = resume
