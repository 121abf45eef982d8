"""An animal's sex and birth date are not a person's.

A veterinary clinic's patients, a farm's herd register, a breeding
programme: the dataset's own words (``species``, ``breed``, ``pet``,
``microchip``, ``สายพันธุ์`` …) say its rows are animals. There the
demographic types that only a name or a date shape suggested — GENDER,
DATE_OF_BIRTH, BIRTH_YEAR — are dropped, and so is PERSON in a column that
names the animal (``pet_name``, ``name``, ``dog``): pets are called Max and
Bella like people. The owner's name, phone or address in the same table
are still reported (``owner_name`` names a person, not the animal).
"""

from __future__ import annotations

from scanners.classification.column_lexicon import name_tokens
from scanners.classification.column_names import is_generic_name
from scanners.classification.column_rules.view import ColumnView, DatasetContext, Verdict
from scanners.pii_types import PiiType

ANIMAL_WORDS = frozenset(
    """species breed breeds animal animals pet pets canine feline livestock cattle herd
    poultry horse horses dog dogs cat cats cow cows buffalo goat goats sheep pig pigs swine
    veterinary vet microchip chip tagno eartag stud dam sire litter spayed neutered
    สัตว์ สายพันธุ์ พันธุ์สัตว์ ชนิดสัตว์ สุนัข แมว โค กระบือ ปศุสัตว์""".split()
)
DEMOGRAPHIC = (PiiType.GENDER, PiiType.DATE_OF_BIRTH, PiiType.BIRTH_YEAR)
#: Words that make a name column a person's in an animal table.
PERSON_WORDS = frozenset(
    """owner owners client customer guardian keeper farmer breeder handler vet doctor
    contact person staff employee เจ้าของ ผู้เลี้ยง""".split()
)


def names_the_animal(name: str) -> bool:
    """``pet_name``, ``name``, ``nickname`` — not ``owner_name`` — in an animal table."""
    tokens = set(name_tokens(name))
    if tokens & PERSON_WORDS:
        return False
    return bool(tokens & ANIMAL_WORDS) or is_generic_name(name) or "nickname" in tokens


def is_animal_dataset(context: DatasetContext) -> bool:
    """True when two or more animal words name the dataset or its columns."""
    return len(context.tokens & ANIMAL_WORDS) >= 2


def check(view: ColumnView) -> list[Verdict]:
    """Drop demographic types in a dataset about animals."""
    if not is_animal_dataset(view.context):
        return []
    dropped = list(DEMOGRAPHIC)
    if names_the_animal(view.name):
        dropped.append(PiiType.PERSON)
    return [Verdict(t, f"{t}: not reported, the rows describe animals") for t in dropped]
