"""Adaptive sampling through the real classifier: clear columns stop early, ambiguous ones don't.

Through the real detection engine: a clear column (e-mails, national IDs, codes) is decided on
its first conclusive prefix of a shuffled order, and that decision is exactly the classifier's
decision on a sample made of that prefix; the traps — 15% national IDs, a sample whose first
page is all e-mails — are read in full and decided as without adaptive sampling. A notes column
with a few IDs is read on for the identifier types only, and decided as without adaptive
sampling, even when the IDs lie beyond the prefix. Synthetic values only.
"""

from __future__ import annotations

import random

import pytest

from connectors.model import ColumnInfo, ColumnSample, DatasetInfo, DatasetSample, ValueKind
from scanners.classification.classify import classify_column, classify_dataset
from scanners.classification.sampling.stopping import (
    FIRST_STOP,
    SamplingStats,
    shuffled_positions,
)
from scanners.detection.engine import DetectionEngine
from scanners.model.result import ColumnResult
from tests.support.synthetic import national_id

RNG = random.Random(7)
TEXT = ValueKind.TEXT


def column(name: str, values: list[object], kind: ValueKind = TEXT) -> ColumnSample:
    return ColumnSample(ColumnInfo(name, kind.value, kind), tuple(values))


def codes(n: int) -> list[str]:
    return [f"REF-{RNG.randint(0, 10**7):07d}" for _ in range(n)]


def emails(n: int) -> list[str]:
    return [f"user{RNG.randint(0, 10**6)}@example.co.th" for _ in range(n)]


def ids(n: int) -> list[str]:
    return [national_id(RNG) for _ in range(n)]


def notes(n: int, identifiers: list[str]) -> list[str]:
    plain = [
        "ลูกค้าโทรมาสอบถามสถานะคำสั่งซื้อ แจ้งว่าจะติดต่อกลับภายในวันนี้",
        "Customer asked about the delivery date, promised a call back tomorrow",
        "Requested a refund for a damaged item; photos received by the team",
    ]
    values = [f"{RNG.choice(plain)} (ticket {i})" for i in range(n - len(identifiers))]
    values += [f"ลูกค้าแจ้งข้อมูลเพิ่มเติม {value} ตรวจสอบแล้ว" for value in identifiers]
    RNG.shuffle(values)
    return values


def types(result: ColumnResult) -> set[str]:
    return {m.type for m in result.pii}


def classify(
    engine: DetectionEngine, sample: ColumnSample, adaptive: bool
) -> tuple[ColumnResult, SamplingStats]:
    stats = SamplingStats()
    result = classify_column(sample, engine, len(sample.values), adaptive=adaptive, stats=stats)
    return result, stats


CLEAR = [
    ("email", emails(1000), {"EMAIL_ADDRESS"}),
    ("citizen_id", ids(1000), {"TH_NATIONAL_ID"}),
    ("ref_no", codes(1000), set()),
    ("member_no", [RNG.randint(10**5, 10**7) for _ in range(1000)], set()),
]


@pytest.mark.parametrize(("name", "values", "expected"), CLEAR, ids=[c[0] for c in CLEAR])
def test_a_clear_column_is_decided_on_its_first_conclusive_prefix(
    detection_engine: DetectionEngine, name: str, values: list[object], expected: set[str]
) -> None:
    kind = ValueKind.INTEGER if isinstance(values[0], int) else TEXT
    sample = column(name, values, kind)
    result, stats = classify(detection_engine, sample, adaptive=True)
    assert types(result) == expected
    assert stats.judged == FIRST_STOP and stats.read == FIRST_STOP
    assert stats.analysed <= FIRST_STOP and stats.early == 1 and stats.sampled == 1000
    assert result.sampled == 1000  # the rows sampled, not the values read
    full, full_stats = classify(detection_engine, sample, adaptive=False)
    assert types(full) == expected
    assert full_stats.read == full_stats.sampled == 1000 and full_stats.early == 0
    assert full_stats.analysed > 10 * stats.analysed


def test_the_decision_is_the_classifiers_on_a_sample_of_the_prefix(
    detection_engine: DetectionEngine,
) -> None:
    values = emails(400)
    result, stats = classify(detection_engine, column("contact_email", values), adaptive=True)
    order = shuffled_positions(len(values), "contact_email")
    prefix = [values[p] for p in order[: stats.judged]]
    on_prefix = classify_column(
        column("contact_email", prefix), detection_engine, len(values), adaptive=False
    )
    assert result == on_prefix  # types, confidences, ratios, masked examples and reasons
    assert any(f"of {FIRST_STOP} values" in reason for reason in result.reasons)


def test_the_order_is_the_same_on_every_scan(detection_engine: DetectionEngine) -> None:
    sample = column("email", emails(500))
    assert classify(detection_engine, sample, True) == classify(detection_engine, sample, True)


TRAPS = [
    # (name, values, expected types, read far): each decided as on the whole sample
    ("ref_code", ids(150) + codes(850), set(), True),  # 15%: the interval reaches 20% for long
    ("contact", emails(150) + codes(850), set(), True),  # first page e-mails, then other values
    ("contact", emails(100) + [None] * 900, {"EMAIL_ADDRESS"}, False),  # first page, then blanks
]


@pytest.mark.parametrize(
    ("name", "values", "expected", "far"), TRAPS, ids=["15% IDs", "clustered", "blanks"]
)
def test_traps_are_decided_as_on_the_whole_sample(
    detection_engine: DetectionEngine,
    name: str,
    values: list[object],
    expected: set[str],
    far: bool,
) -> None:
    sample = column(name, values)
    result, stats = classify(detection_engine, sample, adaptive=True)
    full, _ = classify(detection_engine, sample, adaptive=False)
    assert types(result) == types(full) == expected
    assert (stats.judged > 2 * FIRST_STOP) is far


def test_fifteen_percent_ids_are_not_called_absent_at_the_first_stop(
    detection_engine: DetectionEngine,
) -> None:
    values = ids(150) + codes(850)
    RNG.shuffle(values)
    _, stats = classify(detection_engine, column("ref_code", values), adaptive=True)
    assert stats.judged > 4 * FIRST_STOP  # 20% not excluded before about 500 values


def test_a_notes_column_with_a_few_ids_is_read_on_for_identifiers_only(
    detection_engine: DetectionEngine,
) -> None:
    values = notes(300, ids(9))
    sample = column("remarks", values)
    result, stats = classify(detection_engine, sample, adaptive=True)
    full, full_stats = classify(detection_engine, sample, adaptive=False)
    assert stats.read == stats.sampled == 300 and stats.early == 0 and stats.narrowed == 1
    assert types(result) == types(full) == {"TH_NATIONAL_ID"}
    assert result == full  # no other type: the identifiers judged on the whole sample
    assert stats.analysed + stats.narrowed_values == full_stats.analysed == len(set(values))
    assert stats.analysed < full_stats.analysed / 2


def _beyond(name: str, plain: list[str], special: list[str]) -> list[object]:
    """``plain`` then ``special`` in the order the classifier reads a column called ``name``."""
    values: list[object] = [None] * (len(plain) + len(special))
    for position, value in zip(shuffled_positions(len(values), name), plain + special, strict=True):
        values[position] = value
    return values


def test_identifiers_beyond_the_prefix_are_found(detection_engine: DetectionEngine) -> None:
    """Trap: the last 3 of 400 values read hold the IDs; the prefix shows none."""
    identifiers = [f"ลูกค้าแจ้งข้อมูลเพิ่มเติม {value} ตรวจสอบแล้ว" for value in ids(3)]
    sample = column("remarks", _beyond("remarks", notes(397, []), identifiers))
    result, stats = classify(detection_engine, sample, adaptive=True)
    full, _ = classify(detection_engine, sample, adaptive=False)
    assert stats.judged < 397 and stats.narrowed == 1
    assert types(result) == types(full) == {"TH_NATIONAL_ID"} and result == full


def test_a_prefix_decision_with_the_whole_samples_identifiers(
    detection_engine: DetectionEngine,
) -> None:
    """Addresses (decided on the prefix) with a phone in a few (judged on the whole sample)."""
    streets = [
        f"{RNG.randint(1, 999)}/{RNG.randint(1, 99)} หมู่ {RNG.randint(1, 12)}" for _ in range(400)
    ]
    values = [f"{s} ต.บางพูด อ.ปากเกร็ด จ.นนทบุรี 11120" for s in streets]
    phones = [f"{value} โทร 08{RNG.randint(10**7, 10**8 - 1)}" for value in values[:4]]
    sample = column("address", _beyond("address", values[4:], phones))
    result, stats = classify(detection_engine, sample, adaptive=True)
    full, _ = classify(detection_engine, sample, adaptive=False)
    assert types(result) == types(full) == {"ADDRESS", "PHONE_NUMBER"}
    assert stats.narrowed == 1 and stats.judged < 396
    order = shuffled_positions(400, "address")
    prefix = [sample.values[p] for p in order[: stats.judged]]
    on_prefix = classify_column(column("address", prefix), detection_engine, 400, adaptive=False)
    assert [m for m in result.pii if m.type == "ADDRESS"] == list(on_prefix.pii)
    assert [m for m in result.pii if m.type == "PHONE_NUMBER"] == [
        m for m in full.pii if m.type == "PHONE_NUMBER"
    ]
    assert [r for r in result.reasons if "inside text" in r] == [
        r for r in full.reasons if "inside text" in r
    ]


def test_without_adaptive_sampling_every_value_is_analysed(
    detection_engine: DetectionEngine,
) -> None:
    values = codes(300)
    _, stats = classify(detection_engine, column("ref_no", values), adaptive=False)
    assert stats.analysed == len(set(values)) and stats.read == 300


def test_a_dataset_passes_adaptive_and_counts_its_columns(
    detection_engine: DetectionEngine,
) -> None:
    samples = (column("email", emails(500)), column("status", ["open", "closed"] * 250))
    infos = tuple(c.column for c in samples)
    sample = DatasetSample(DatasetInfo("src", "crm.contacts", "table", infos), 500, "all", samples)
    for adaptive, early in ((True, 1), (False, 0)):
        stats = SamplingStats()
        results = classify_dataset(sample, detection_engine, adaptive=adaptive, stats=stats)
        assert [types(r) for r in results] == [{"EMAIL_ADDRESS"}, set()]
        assert (stats.columns, stats.sampled, stats.early) == (2, 1000, early)
