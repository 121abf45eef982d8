"""GENETIC (Section 26 genetic data: ข้อมูลพันธุกรรม).

* Phrases (``ผลตรวจดีเอ็นเอ``, ``ตรวจพันธุกรรม``, ``ยีนกลายพันธุ์``,
  ``DNA test``, ``paternity test``, ``BRCA1 mutation``) and typed HLA alleles
  (``HLA-B*58:01``) score 0.7.
* Terms (``ดีเอ็นเอ``, ``ยีน``, ``DNA``, ``genotype``) are shapes promoted
  by ``ตรวจ``, ``ผล``, ``test``, ``result``, ``carrier`` or a genetic column.
* Raw data as values: DNA sequences (20+ of ``ACGT``), SNP ids (``rs334``) and
  genotype calls (``AG``, ``C/T``) are shapes that only genetic columns or
  words (``dna``, ``genotype``, ``snp``, ``allele``) promote.
* ``ยีนส์`` (jeans), ``Gene Hackman``, ``company DNA`` and ``พาหะนำโรค`` are excluded.

Non-compliant (matched): ``ผลตรวจดีเอ็นเอยืนยันความเป็นบิดา``, ``HLA-B*58:01 positive``.
Compliant (not evidence): ``กางเกงยีนส์``, ``innovation is in our DNA``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanners.recognizers.base import Span
from scanners.recognizers.sensitive.common import (
    EVIDENCE,
    SHAPE,
    SensitiveRecognizer,
    context_words,
)

_HLA = re.compile(r"(?<![A-Za-z])HLA-?[A-Z]{1,4}[0-9]?\s?\*\s?\d{2,4}(?::?\d{2,4}){0,3}")
_SEQUENCE = re.compile(r"(?<![A-Za-z])[ACGT]{20,}(?![A-Za-z])|(?<![A-Za-z0-9])rs\d{3,}(?![0-9])")
_GENOTYPE = re.compile(r"\s*[ACGT]\s?/?\s?[ACGT]\s*")


class GeneticRecognizer(SensitiveRecognizer):
    """Genetic data: DNA tests, genes, HLA types, sequences and genotypes."""

    ENTITY = "GENETIC"
    CONTEXT = context_words("GENETIC")

    def find_more(self, text: str) -> Iterator[Span]:
        if len(text) <= 8 and _GENOTYPE.fullmatch(text):
            stripped = text.strip()
            start = text.index(stripped[0])
            yield Span(start, start + len(stripped), SHAPE)
            return
        if "HLA" in text:
            for match in _HLA.finditer(text):
                yield Span(match.start(), match.end(), EVIDENCE)
        for match in _SEQUENCE.finditer(text) if len(text) >= 20 or "rs" in text else ():
            yield Span(match.start(), match.end(), SHAPE)

    def kind_of(self, matched: str) -> str:
        if _GENOTYPE.fullmatch(matched) or _SEQUENCE.fullmatch(matched):
            return "sequence"
        return ""
