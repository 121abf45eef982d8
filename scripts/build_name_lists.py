"""Build ``scanners/data/given_names_latin.txt`` from Faker's person providers.

Run at development time only (Faker is not a runtime dependency)::

    pip install faker
    python scripts/build_name_lists.py

Collects the Latin-script given names of many Faker locales, drops names
that are also common English words or capitalised non-name words (a
"Rock", "Will", "Grant" at the start of a title must not read as a person),
and writes one name per line, sorted and de-duplicated.
"""

from __future__ import annotations

import importlib
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

LOCALES = (
    "en_US", "en_GB", "en_IE", "en_NZ", "en_IN",
    "de_DE", "de_AT", "de_CH", "fr_FR", "fr_CA", "fr_CH", "es_ES", "es_MX", "es_AR",
    "es_CO", "es_CL", "pt_BR", "pt_PT", "it_IT", "nl_NL", "nl_BE", "da_DK", "no_NO",
    "sv_SE", "fi_FI", "pl_PL", "cs_CZ", "sk_SK", "hu_HU", "ro_RO", "hr_HR", "sl_SI",
    "lt_LT", "lv_LV", "et_EE", "tr_TR", "id_ID", "tl_PH", "sw", "yo_NG", "zu_ZA",
    "ga_IE", "en_TH", "vi_VN",
)  # fmt: skip

ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")

#: Given names that are also ordinary capitalised words; dropped from the list.
STOP_WORDS = frozenset(
    str.split(
        """
    Angel Art April August Autumn Baby Bank Bay Bill Billy Blaze Bliss Blue Bo Born
    Brook Brooks Buck Bud Cash Chance Chase Cherry China Christian Clay Cliff Crystal
    Dawn Day Delta Destiny Diamond Dior Dot Duke Dusty Easter Echo Eden Ever Faith Fern
    Forest General Gay Gem Ginger Glory Gold Golden Grace Grant Guy Harmony Hazel Heaven
    Holly Honey Hope Hunter Iris Ivory Ivy Jade Jazz Jewel Journey Joy June Justice King
    Lane Lark Legend Liberty Lily Love Lucky Major Marine May Merry Miles Mint Misty
    Music Noble Ocean Olive Page Paris Pearl Penny Pepper Pink Poppy Prince Princess
    Rain Ransom Raven Reed Rich River Robin Rock Rocky Rose Royal Ruby Rusty Sage Saint
    Sandy Scout Season Serenity Shadow Sky Skye Sonny Spring Star Stone Storm Summer
    Sunny Sunshine Tiger Trinity True Unique Velvet Vienna Violet Will Wolf Wren Young
    Zen
    """
    )
)


def _names(locale: str) -> Iterable[str]:
    try:
        module = importlib.import_module(f"faker.providers.person.{locale}")
    except ImportError:
        print(f"skip {locale}: no person provider", file=sys.stderr)
        return
    from faker import Faker  # development-time dependency only

    provider = module.Provider(Faker(locale))
    for attribute in ATTRIBUTES:
        values = getattr(provider, attribute, None)
        if isinstance(values, Iterable) and not isinstance(values, str):
            yield from values


def _is_latin_name(name: str) -> bool:
    letters = [ch for ch in name if ch not in "'’-"]
    return (
        2 <= len(name) <= 20
        and name[0].isupper()
        and name[1:] == name[1:].lower()
        and all(ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN") for ch in letters)
    )


def build() -> list[str]:
    names: set[str] = set()
    for locale in LOCALES:
        for raw in _names(locale):
            name = unicodedata.normalize("NFC", str(raw).strip())
            if _is_latin_name(name) and name not in STOP_WORDS:
                names.add(name)
    return sorted(names)


def main() -> None:
    target = Path(__file__).resolve().parent.parent / "scanners" / "data" / "given_names_latin.txt"
    names = build()
    target.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"wrote {len(names)} names to {target}")


if __name__ == "__main__":
    main()
