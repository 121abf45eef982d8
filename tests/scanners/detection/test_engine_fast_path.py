"""The column fast path (``analyze_value``) agrees with Presidio's full ``analyze``."""

from __future__ import annotations

import sys

from scanners.detection.engine import DetectionEngine
from tests.support.paths import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "bench"))

from mixed_columns import mixed_columns

EXTRA = [
    "นายสมชาย ใจดี",
    "เกิดวันที่ 1 มกราคม 2530",
    "โทร๐๘๑-๒๓๔-๕๖๗๘",
    "somchai@example.co.th",
    "99/12 หมู่ 4 ต.บางพูด อ.ปากเกร็ด จ.นนทบุรี 11120",
    "+44 20 7946 0958",
    "ชาย",
    "F",
    "",
    "   ",
    "\x00",
    "a" * 3000,
    "Rock",
    "Mr. John Smith",
]


def best_per_type(entities: list) -> dict[str, float]:
    best: dict[str, float] = {}
    for entity in entities:
        best[entity.type] = max(best.get(entity.type, 0.0), entity.score)
    return best


def test_fast_path_gives_the_best_score_per_type_of_the_full_path(
    detection_engine: DetectionEngine,
) -> None:
    values = [str(v) for column in mixed_columns(60, seed=9) for v in column.values] + EXTRA
    assert len(values) > 1000
    for value in values:
        for context in (None, ["birth_date"], ["เบอร์โทร"]):
            full = best_per_type(detection_engine.analyze(value, context, scope="values"))
            fast = best_per_type(detection_engine.analyze_value(value, context))
            assert fast == full, (value[:40], context)
