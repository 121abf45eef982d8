"""Recognizers for Section 26 sensitive data (health, religion, ethnicity, …).

Each recognizer reads its word lists from ``scanners/data/sensitive_lexicon.json``
(:mod:`.lexicon`) and shares the span/context logic of :mod:`.common`: category
values and terms are shapes (0.2–0.3) that a column name or cue word makes
evidence; statements about a person are evidence on their own (0.6–0.85).
"""

from __future__ import annotations

from scanners.recognizers.base import ScannerRecognizer
from scanners.recognizers.sensitive.biometric import BiometricRecognizer
from scanners.recognizers.sensitive.criminal_record import CriminalRecordRecognizer
from scanners.recognizers.sensitive.disability import DisabilityRecognizer
from scanners.recognizers.sensitive.ethnicity import EthnicityRecognizer
from scanners.recognizers.sensitive.genetic import GeneticRecognizer
from scanners.recognizers.sensitive.health import HealthRecognizer
from scanners.recognizers.sensitive.political_opinion import PoliticalOpinionRecognizer
from scanners.recognizers.sensitive.religion import ReligionRecognizer
from scanners.recognizers.sensitive.sexual_orientation import SexualOrientationRecognizer
from scanners.recognizers.sensitive.trade_union import TradeUnionRecognizer

RECOGNIZERS: tuple[type[ScannerRecognizer], ...] = (
    HealthRecognizer,
    ReligionRecognizer,
    EthnicityRecognizer,
    PoliticalOpinionRecognizer,
    SexualOrientationRecognizer,
    CriminalRecordRecognizer,
    DisabilityRecognizer,
    TradeUnionRecognizer,
    GeneticRecognizer,
    BiometricRecognizer,
)
