"""DISABILITY (Section 26 disability: ความพิการ).

* ``พิการทาง…`` (any of the official types), ``บัตรประจำตัวคนพิการ``,
  ``เป็นผู้พิการ``, ``ทุพพลภาพ``, ``ผู้ป่วยติดเตียง``, ``uses a wheelchair``,
  ``registered disabled`` score 0.7.
* Terms (``ผู้พิการ``, ``ออทิสติก``, ``อัมพาต``, ``disabled``, ``autistic``)
  are shapes promoted by ``เป็น``, ``ประเภท``, ``บัตร`` or a disability column;
  the official type names as values (``ทางการเห็น``, ``Hearing``) are shapes.
* Facilities are not a person's disability: ``ห้องน้ำคนพิการ``,
  ``ที่จอดรถผู้พิการ``, ``disabled parking``, ``feature is disabled``,
  ``blind spot``, ``roller blind`` are excluded.

Non-compliant (matched): ``พิการทางการเคลื่อนไหว``, value ``ทางการได้ยิน`` in ``disabled_type``.
Compliant (not evidence): ``ห้องน้ำคนพิการชั้น 1``, ``account is disabled``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanners.recognizers.base import Span
from scanners.recognizers.sensitive.common import EVIDENCE, SensitiveRecognizer, context_words

_TYPED = re.compile(r"พิการทาง(?:การ)?[\u0e01-\u0e4e]{2,}")


class DisabilityRecognizer(SensitiveRecognizer):
    """Disability: types of impairment, disability cards, statements."""

    ENTITY = "DISABILITY"
    CONTEXT = context_words("DISABILITY")

    def find_more(self, text: str) -> Iterator[Span]:
        if "พิการทาง" in text:
            for match in _TYPED.finditer(text):
                yield Span(match.start(), match.end(), EVIDENCE)
