"""The multi-locale benchmark generator (bench/locale_orgs.py) stays deterministic and labelled."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import create_engine, inspect, select, text

from tests.support.paths import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "bench"))

import locale_orgs  # needs faker, a test dependency: missing, it fails the suite

SPEC_TYPES = {
    "PERSON", "TH_NATIONAL_ID", "PASSPORT", "PHONE_NUMBER", "EMAIL_ADDRESS", "ADDRESS",
    "DATE_OF_BIRTH", "BANK_ACCOUNT", "CREDIT_CARD", "IP_ADDRESS", "TH_LICENSE_PLATE",
    "HEALTH", "RELIGION", "ETHNICITY", "POLITICAL_OPINION", "SEXUAL_ORIENTATION",
    "CRIMINAL_RECORD", "DISABILITY", "TRADE_UNION", "GENETIC", "BIOMETRIC",
    "GENDER", "POSTAL_CODE", "BIRTH_YEAR",
}  # fmt: skip


def _dump(url: str) -> dict[str, list[tuple[object, ...]]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            names = inspect(conn).get_table_names()
            return {
                name: [
                    tuple(row)
                    for row in conn.execute(select(text("*")).select_from(text(f'"{name}"')))
                ]
                for name in names
            }
    finally:
        engine.dispose()


def _columns(url: str) -> set[tuple[str, str]]:
    engine = create_engine(url)
    try:
        found = inspect(engine)
        return {(t, c["name"]) for t in found.get_table_names() for c in found.get_columns(t)}
    finally:
        engine.dispose()


def test_same_seed_same_data_and_labels_cover_every_column(tmp_path: Path) -> None:
    org = locale_orgs.Org("test_th", ("th_TH", "en_GB"), 7, "dev")
    first, second = f"sqlite:///{tmp_path / 'a.sqlite'}", f"sqlite:///{tmp_path / 'b.sqlite'}"
    labels = locale_orgs.build_org(first, org, rows=12)
    assert locale_orgs.build_org(second, org, rows=12) == labels
    assert _dump(first) == _dump(second)
    assert set(labels) == _columns(first)
    assert all(types <= SPEC_TYPES for types in labels.values())
    assert {"PERSON", "TH_NATIONAL_ID", "IP_ADDRESS", "BIOMETRIC"} <= set().union(*labels.values())
    assert locale_orgs.trap_tables_of(labels), "the organisation has trap tables"


def test_other_seed_other_data(tmp_path: Path) -> None:
    a = locale_orgs.Org("x", ("en_US",), 1, "held")
    b = locale_orgs.Org("x", ("en_US",), 2, "held")
    locale_orgs.build_org(f"sqlite:///{tmp_path / 'a.sqlite'}", a, rows=5)
    locale_orgs.build_org(f"sqlite:///{tmp_path / 'b.sqlite'}", b, rows=5)
    assert _dump(f"sqlite:///{tmp_path / 'a.sqlite'}") != _dump(
        f"sqlite:///{tmp_path / 'b.sqlite'}"
    )


def test_splits_are_disjoint() -> None:
    dev, held = locale_orgs.SPLITS["dev"], locale_orgs.SPLITS["heldback"]
    assert not {o.seed for o in dev} & {o.seed for o in held}
    held_only = {loc for o in held for loc in o.locales} - {loc for o in dev for loc in o.locales}
    assert {"es_ES", "pt_BR", "it_IT", "ko_KR"} <= held_only
