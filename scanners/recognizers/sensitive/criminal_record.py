"""CRIMINAL_RECORD (Section 26 criminal records: ประวัติอาชญากรรม).

* Phrases (``ประวัติอาชญากรรม``, ``ต้องโทษจำคุก``, ``เคยติดคุก``,
  ``ตรวจสอบประวัติอาชญากรรม``, ``criminal record``, ``convicted of``,
  ``sentenced to``) score 0.7.
* Terms (``ผู้ต้องหา``, ``คดีอาญา``, ``หมายจับ``, ``จำคุก``, ``arrested``,
  ``parole``) are shapes promoted by ``คดี``, ``ศาล``, ``ตำรวจ``, ``police``,
  ``court`` or a criminal-record column; offence names as values (``ลักทรัพย์``,
  ``Fraud``, ``DUI``) are shapes for ``offense``/``ข้อหา`` columns.
* Statute wording (``ต้องระวางโทษจำคุกไม่เกินหนึ่งปี``) is excluded: it states
  a penalty, not anyone's record.

Non-compliant (matched): ``เคยต้องโทษจำคุก 2 ปี``, ``convicted of fraud in 2019``.
Compliant (not evidence): ``ต้องระวางโทษจำคุกไม่เกินหนึ่งปี``, ``ประวัติศาสตร์``.
"""

from __future__ import annotations

from scanners.recognizers.sensitive.common import SensitiveRecognizer, context_words


class CriminalRecordRecognizer(SensitiveRecognizer):
    """Criminal records: convictions, charges, prison terms, background checks."""

    ENTITY = "CRIMINAL_RECORD"
    CONTEXT = context_words("CRIMINAL_RECORD")
