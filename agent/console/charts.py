"""Chart geometry for the dashboard's inline SVG: horizontal bars and the trend's columns.

Only numbers and labels go in; the templates draw ``<rect>`` and ``<text>``
from these values (presentation attributes, no ``style``: the console's
Content-Security-Policy allows no inline style), so every chart also reads
as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from agent.console.totals import TrendPoint
from scanners.checks.severity import SEVERITY_ORDER

BAR_HEIGHT = 22
BAR_GAP = 6
LABEL_WIDTH = 230
BAR_SPACE = 300
NUMBER_SPACE = 70


@dataclass(frozen=True)
class Bar:
    """One bar: its label, number, CSS class and geometry."""

    key: str
    label: str
    value: int
    css: str
    y: int
    width: int


@dataclass(frozen=True)
class BarChart:
    bars: tuple[Bar, ...]
    width: int
    height: int
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def bar_chart(
    counts: Sequence[tuple[str, int]],
    label: dict[str, str] | None = None,
    css: str = "bar",
    by_key: bool = False,
) -> BarChart:
    """Bars for ``counts`` (largest = full width); ``by_key``: class ``bar-<key>``."""
    top = max((value for _, value in counts), default=0) or 1
    bars = tuple(
        Bar(
            key,
            (label or {}).get(key, key),
            value,
            f"{css} {css}-{key}" if by_key else css,
            index * (BAR_HEIGHT + BAR_GAP),
            max(1, round(BAR_SPACE * value / top)) if value else 0,
        )
        for index, (key, value) in enumerate(counts)
    )
    height = max(BAR_HEIGHT, len(bars) * (BAR_HEIGHT + BAR_GAP))
    return BarChart(bars, LABEL_WIDTH + BAR_SPACE + NUMBER_SPACE, height)


@dataclass(frozen=True)
class Segment:
    severity: str
    y: int
    height: int
    value: int


@dataclass(frozen=True)
class Column:
    """One scan of the trend: its bar of stacked severities and its total."""

    scan_id: str
    started_at: str
    x: int
    total: int
    top: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class TrendChart:
    columns: tuple[Column, ...]
    width: int
    height: int
    column_width: int
    base: int


TREND_HEIGHT = 180
COLUMN_WIDTH = 22
COLUMN_GAP = 8
_TOP_MARGIN = 18
_BOTTOM_MARGIN = 6


def trend_chart(points: Sequence[TrendPoint]) -> TrendChart:
    """Stacked columns (critical at the bottom) for up to 30 scans, oldest left."""
    top = max((point.total for point in points), default=0) or 1
    span = TREND_HEIGHT - _TOP_MARGIN - _BOTTOM_MARGIN
    base = TREND_HEIGHT - _BOTTOM_MARGIN
    columns = []
    for index, point in enumerate(points):
        counts = dict(point.by_severity)
        y = base
        segments = []
        for severity in SEVERITY_ORDER:
            value = counts.get(severity, 0)
            if not value:
                continue
            height = max(1, round(span * value / top))
            y -= height
            segments.append(Segment(severity, y, height, value))
        columns.append(
            Column(
                point.scan_id,
                point.started_at,
                index * (COLUMN_WIDTH + COLUMN_GAP) + COLUMN_GAP,
                point.total,
                y,
                tuple(segments),
            )
        )
    width = max(200, len(points) * (COLUMN_WIDTH + COLUMN_GAP) + COLUMN_GAP)
    return TrendChart(tuple(columns), width, TREND_HEIGHT, COLUMN_WIDTH, base)
