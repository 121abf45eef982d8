"""SEXUAL_ORIENTATION (Section 26 sexual behaviour: พฤติกรรมทางเพศ, รสนิยมทางเพศ).

* A value that is an orientation (``Gay``, ``Bisexual``, ``รักต่างเพศ``,
  ``LGBTQ+``) scores 0.3: a shape that an orientation column
  (``sexual_orientation``, ``รสนิยมทางเพศ``, ``เพศวิถี``) makes evidence.
* Orientation terms in text (``รักร่วมเพศ``, ``เกย์``, ``lesbian``) are shapes
  that ``รสนิยม``, ``orientation``, ``identifies`` promote; statements
  (``เป็นเกย์``, ``is gay``, ``came out as``, ``รสนิยมทางเพศ``,
  ``มีเพศสัมพันธ์กับ``, ``sexual history``) score 0.7.
* Bare ``เพศ``/``sex``/``gender``/``ชาย``/``หญิง``/``male``/``female`` are
  never matched or used as cues: they are GENDER, not Section 26 data
  (DOMAIN §2.2); ``เพศชาย`` and a ``gender`` column stay out.

Non-compliant (matched): ``เขาเปิดตัวว่าเป็นเกย์``, value ``Bisexual`` in ``sexual_orientation``.
Compliant (not evidence): ``เพศชาย``, value ``หญิง`` in ``เพศ``, ``Marvin Gaye``.
"""

from __future__ import annotations

from scanners.recognizers.sensitive.common import SensitiveRecognizer, context_words


class SexualOrientationRecognizer(SensitiveRecognizer):
    """Sexual orientation and behaviour: values, terms and statements."""

    ENTITY = "SEXUAL_ORIENTATION"
    CONTEXT = context_words("SEXUAL_ORIENTATION")
