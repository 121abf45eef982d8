"""What the property tests share: hypothesis settings, text strategies, a Thai ID maker.

Also the register and access-list loaders called the way the scan calls them
(sources ``hr`` and ``share``), which the random and hostile user-file tests
both feed.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from agent.inputs.access_loader import load_access_list
from agent.inputs.register_loader import load_register
from scanners.validators import th_national_id
from tests.support.synthetic import with_check_digit

FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
#: Any code point, lone surrogates included (hypothesis leaves them out by default).
ANY_TEXT = st.text(alphabet=st.characters(codec=None, categories=None), max_size=40)
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
DIGITS = st.text(alphabet="0123456789", min_size=12, max_size=12)


def thai_id(first12: str) -> str:
    """A valid personal ID from 12 digits (the first forced to 1-8, digits 2-3 to a province)."""
    province = sorted(th_national_id.PROVINCE_CODES)[int(first12[1:3]) % 77]
    head = str(int(first12[0]) % 8 + 1) + province + first12[3:]
    return with_check_digit(head)


def register(path: Path) -> object:
    return load_register(path, {"hr", "share"})


def access(path: Path) -> object:
    return load_access_list(path, {"hr", "share"})
