"""Fonts with Thai glyphs in Word documents: the complex-script font and size, and the language.

Word picks the font of each character by its script: Latin text uses
``w:rFonts/@w:ascii`` and ``@w:hAnsi``, Thai is a complex script and uses
``@w:cs`` with the size ``w:szCs`` — setting only ``run.font.name`` leaves
Thai in a fallback font, often with boxes. The theme attributes
(``w:asciiTheme``…) win over explicit names, so they are removed. Setting the
fonts on the styles a draft uses makes every run inherit them.

>>> import docx
>>> document = docx.Document()
>>> set_fonts(document.styles["Normal"].element, "TH Sarabun New", "TH Sarabun New", 16, 16)
>>> fonts = document.styles["Normal"].element.rPr.rFonts
>>> fonts.get(qn("w:cs"))
'TH Sarabun New'
"""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

#: A font with Thai glyphs that Thai government documents use.
THAI_FONT = "TH Sarabun New"

_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
#: Characters XML 1.0 cannot hold (python-docx would raise on them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the control characters a Word document cannot hold."""
    return _NOT_XML.sub("", text)


def set_fonts(
    element: BaseOxmlElement,
    latin: str,
    complex_script: str,
    size_pt: float,
    complex_size_pt: float,
    bidi_language: str = "th-TH",
) -> None:
    """Give a style's or a run's properties the Latin and complex-script fonts and sizes.

    ``element`` is a ``w:style`` or a ``w:r``; its ``w:rPr`` is created if needed.
    East-Asian text falls back to the Latin font.
    """
    rpr = element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attribute in _THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), latin)
    fonts.set(qn("w:cs"), complex_script)
    set_size(element, size_pt, complex_size_pt)
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        rpr.insert_element_before(language, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    language.set(qn("w:bidi"), bidi_language)


def set_size(element: BaseOxmlElement, size_pt: float, complex_size_pt: float) -> None:
    """The size of Latin (``w:sz``) and of complex-script text such as Thai (``w:szCs``)."""
    rpr = element.get_or_add_rPr()
    size = rpr.get_or_add_sz()
    size.set(qn("w:val"), str(round(size_pt * 2)))
    complex_size = rpr.find(qn("w:szCs"))
    if complex_size is None:
        complex_size = OxmlElement("w:szCs")
        size.addnext(complex_size)
    complex_size.set(qn("w:val"), str(round(complex_size_pt * 2)))
