"""A disclosure is refused, with its reason and nothing written, until the request asks only
what the register allows and k reaches k_min (SPEC §10), on every backend and file format."""

from __future__ import annotations

import pytest

from tests.end_to_end.disclosure.conftest import read_json, run
from tests.support.dpo.disclosure_org import Setup, write_request

pytestmark = pytest.mark.usefixtures("pseudonym_key")


def test_a_full_birth_date_is_refused_until_birth_year_is_asked(
    org: Setup, capsys: pytest.CaptureFixture[str]
) -> None:
    columns = {"passenger_id": "keep", "national_id": "pseudonym", "gender": "keep"}
    full = write_request(
        org.folder, "full_dob", org.dataset, columns | {"date_of_birth": "keep"}, id="REQ-FULL"
    )
    out = org.folder / "out_full"
    code, _, err = run(capsys, "-c", str(org.config), "disclose", str(full), "--out", str(out))
    assert code == 2
    assert "date_of_birth" in err and 'granularity DATE_OF_BIRTH = "year"' in err
    assert "birth_year" in err  # the treatments that would be allowed
    assert not out.exists() or not any(out.iterdir())
    code, listed, _ = run(capsys, "-c", str(org.config), "disclosures", "list")
    assert code == 0 and "REQ-FULL" not in listed

    year = write_request(
        org.folder,
        "year_dob",
        org.dataset,
        columns | {"date_of_birth": "birth_year"},
        id="REQ-YEAR",
    )
    out = org.folder / "out_year"
    code, said, err = run(capsys, "-c", str(org.config), "disclose", str(year), "--out", str(out))
    assert code == 0, err
    assert "REQ-YEAR" in said
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "assessment.html",
        "assessment.json",
        "disclosure.json",
        "extract.csv",
        "notice.en.html",
        "notice.th.html",
    ]
    record = read_json(out / "disclosure.json")
    assert record["rows"] == 60 and record["k"] == 10 and len(record["sha256"]) == 64
    header = (out / "extract.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "passenger_id,national_id,gender,date_of_birth"
    years = {
        line.split(",")[3] for line in (out / "extract.csv").read_text("utf-8-sig").splitlines()[1:]
    }
    assert years == {str(y) for y in range(1980, 1986)}
    code, listed, _ = run(capsys, "-c", str(org.config), "disclosures", "list")
    assert "REQ-YEAR" in listed


def test_k_below_k_min_is_refused_with_the_generalisation_that_reaches_it(
    org: Setup, capsys: pytest.CaptureFixture[str]
) -> None:
    columns = {
        "passenger_id": "keep",
        "date_of_birth": "birth_year",
        "address": "postcode",
        "gender": "keep",
    }
    path = write_request(org.folder, "k_low", org.dataset, columns, id="REQ-KLOW")
    assessed = org.folder / "k_low_assessment"
    code, said, _ = run(
        capsys, "-c", str(org.config), "disclose", str(path), "--assess", "--out", str(assessed)
    )
    assert code == 0 and "blocked" in said
    k = read_json(assessed / "assessment.json")["k_anonymity"]
    assert k["k"] == 1 and k["k_min"] == 5
    assert sorted(k["quasi_identifiers"]) == ["address", "date_of_birth", "gender"]
    assert k["suggestion"] == [{"column": "address", "treatment": "province"}]
    assert k["suggestion_k"] == 10

    out = org.folder / "k_low_out"
    code, _, err = run(capsys, "-c", str(org.config), "disclose", str(path), "--out", str(out))
    assert code == 2 and "k-anonymity" in err and "address → province" in err
    assert not out.exists()

    fixed = write_request(
        org.folder, "k_ok", org.dataset, columns | {"address": "province"}, id="REQ-KOK"
    )
    code, _, err = run(capsys, "-c", str(org.config), "disclose", str(fixed), "--out", str(out))
    assert code == 0, err
    provinces = {
        line.split(",")[2] for line in (out / "extract.csv").read_text("utf-8-sig").splitlines()[1:]
    }
    assert provinces == {"เชียงใหม่", "ขอนแก่น", "ภูเก็ต"}
    assert read_json(out / "disclosure.json")["k"] == 10


def test_an_unapproved_request_is_assessed_but_not_extracted(
    org: Setup, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_request(
        org.folder, "unapproved", org.dataset, {"gender": "keep"}, id="REQ-NOAPP", approved_by=""
    )
    out = org.folder / "unapproved_out"
    code, _, err = run(capsys, "-c", str(org.config), "disclose", str(path), "--out", str(out))
    assert code == 2 and "approved_by" in err
    assert not out.exists()
