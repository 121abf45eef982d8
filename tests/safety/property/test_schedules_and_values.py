"""Issue 9 (3): property-based tests (hypothesis) of schedules and sampled values.

A schedule either parses into something the scheduler of ``pdpa-agent run``
can run (its next run within a year) or raises ``ValueError``; any value a
connector may sample, of any kind, is prepared into bounded UTF-8 text or a
date, or skipped, and the value-shape checks never raise on it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from agent.commands.run import build_scheduler
from agent.inputs.schedule_spec import WEEKDAYS, ScheduleSpec, parse_schedule
from connectors.model import ValueKind
from scanners.classification.cell_values import MAX_VALUE_CHARS, prepare_value
from scanners.classification.value_shapes import has_shape
from scanners.pii_types import PiiType
from tests.safety.property.shared import ANY_TEXT, FAST

# -- agent.inputs.schedule_spec -------------------------------------------------------

SCHEDULE_WORDS = st.sampled_from(
    [
        *("every", "day", "days", "hour", "hours", "minute", "minutes", "week", "weeks", "at"),
        *WEEKDAYS,
        *("2", "02:00", "24:00", "7:5", "0", "527041", "99999999999", "๒", "  ", "\t"),
    ]
)


@FAST
@given(st.one_of(ANY_TEXT, st.lists(SCHEDULE_WORDS, max_size=5).map(" ".join)))
@example("every week at 01:00")
@example("every 99999999999999999999 days")
@example("every 527040 minutes")
def test_a_schedule_parses_into_something_the_scheduler_runs(text: str) -> None:
    try:
        spec = parse_schedule(text)
    except ValueError:
        return
    assert isinstance(spec, ScheduleSpec) and spec.interval >= 1
    scheduler = build_scheduler(spec, lambda: None)  # what `pdpa-agent run` does at start
    assert scheduler.next_run is not None
    assert scheduler.next_run - datetime.now() <= timedelta(days=367)


def test_schedules_the_scheduler_cannot_run_are_refused() -> None:
    for text in ("every week at 01:00", "every 2 weeks at 02:00", "every 400 days"):
        with pytest.raises(ValueError):
            parse_schedule(text)
    assert parse_schedule("every ๒ days at ๐๒:๓๐") == ScheduleSpec(2, "days", "02:30")


# -- scanners.classification.classify / value_shapes: any sampled value ----------------------

ANY_VALUE = st.one_of(
    ANY_TEXT,
    st.text(min_size=MAX_VALUE_CHARS, max_size=MAX_VALUE_CHARS + 50),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.binary(max_size=20),
    st.binary(max_size=20).map(memoryview),
    st.binary(max_size=20).map(bytearray),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.none(),
    st.booleans(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@FAST
@given(ANY_VALUE, st.sampled_from(list(ValueKind)), st.sampled_from(list(PiiType)))
def test_any_sampled_value_is_prepared_or_skipped(
    value: object, kind: ValueKind, pii_type: PiiType
) -> None:
    prepared = prepare_value(value, kind)
    assert prepared is None or isinstance(prepared, (str, date))
    if isinstance(prepared, str):
        assert 0 < len(prepared) <= MAX_VALUE_CHARS
        prepared.encode("utf-8")
        has_shape(pii_type, prepared)
    has_shape(pii_type, value)


def test_values_too_big_to_print_are_skipped() -> None:
    assert prepare_value(10**5000, ValueKind.INTEGER) is None  # str() would raise ValueError
    assert prepare_value(" " * 5_000_000 + "x", ValueKind.TEXT) == "x"
    assert prepare_value(("ก" * 3000).encode()[:-1], ValueKind.BINARY) == "ก" * 2000
