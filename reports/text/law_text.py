"""Legal references in the report's language: ``PDPA s.37(3)`` → ``พ.ร.บ.คุ้มครองข้อมูลฯ มาตรา 37(3)``.

Findings carry their law in the short English form of SPEC §8; a Thai report
writes the Act by its Thai short name and every section as ``มาตรา``. Text that
names no section (``n/a``) becomes a dash.
"""

from __future__ import annotations

import re

THAI_ACT = "พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล"
_SECTION = re.compile(r"\bs(?:ection|\.)\s*(\d+(?:\(\d+\))*)")
_NONE = {"", "-", "n/a", "none"}


def law_text(law: str, language: str) -> str:
    """``law`` as the report shows it."""
    if law.strip().lower() in _NONE:
        return "-"
    if language != "th":
        return law
    text = _SECTION.sub(lambda m: f"มาตรา {m.group(1)}", law)
    return text.replace("PDPA", THAI_ACT)
