"""A disclosure request (SPEC §10) as plain values: who receives which columns, treated how.

The agent validates the user's request file (``agent.disclosure.request_loader``);
everything after that sees only these frozen values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Every treatment a requested column may ask for (SPEC §10), from none to all removed.
TREATMENTS: tuple[str, ...] = (
    "keep",
    "drop",
    "pseudonym",
    "birth_year",
    "age_band",
    "postcode",
    "province",
    "mask",
)

#: Treatments that leave the column out of the extract.
REMOVED = frozenset({"drop"})

#: Extract file formats.
FORMATS: tuple[str, ...] = ("csv", "xlsx")

#: ``k_min`` when neither the request nor the register entry gives one (SPEC §10).
DEFAULT_K_MIN = 5

#: ``follow_up_every`` when the request gives none (the guideline's middle choice).
DEFAULT_FOLLOW_UP = "6m"


@dataclass(frozen=True)
class ColumnRequest:
    """One requested column and the treatment asked for it."""

    name: str
    treatment: str  # one of TREATMENTS
    reason: str = ""  # why a direct identifier must go in clear (turns that problem into a note)


@dataclass(frozen=True)
class DisclosureRequest:
    """A request to disclose one dataset's columns to one recipient."""

    id: str
    requested_by: str
    recipient: str
    recipient_contact: str
    legal_basis: str
    purpose: str
    source: str
    dataset: str
    columns: tuple[ColumnRequest, ...]
    sensitive_basis: str = ""
    approved_by: str = ""
    follow_up_every: str = DEFAULT_FOLLOW_UP
    format: str = "csv"
    k_min: int | None = None  # None: the register entry's k_min, else DEFAULT_K_MIN
    calendar: str = "ce"  # era of birth years in the extract: "ce" or "be" (B.E. = C.E. + 543)
    origin: str = field(default="", compare=False)  # the request file, for messages

    @property
    def extracted(self) -> tuple[ColumnRequest, ...]:
        """The requested columns that go into the extract, in request order."""
        return tuple(c for c in self.columns if c.treatment not in REMOVED)
