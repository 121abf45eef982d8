"""PERSON (Latin script): given + surname, titles; titles of songs and jobs are traps."""

from __future__ import annotations

import pytest

MATCHES = [
    ("Maria Silva", "Maria Silva", 0.6),
    ("Contact: Roberto Almeida", "Roberto Almeida", 0.6),
    ("Luís Gonçalves", "Luís Gonçalves", 0.6),
    ("François Tremblay", "François Tremblay", 0.6),
    ("Bjørn Hansen", "Bjørn Hansen", 0.6),
    ("Jan van der Berg", "Jan van der Berg", 0.6),
    ("Hugh O'Reilly", "Hugh O'Reilly", 0.6),
    ("Anna Maria Kowalska", "Anna Maria Kowalska", 0.6),
    ("Mr. Smith", "Mr. Smith", 0.85),
    ("Dr Helena Novak", "Dr Helena Novak", 0.85),
    ("Mrs Jones", "Mrs Jones", 0.85),
    ("Smith", "Smith", 0.5),  # with a surname column
]
CONTEXTS = {"Smith": ["LastName"]}

SHAPES = ["Smith", "Kowalski", "Nguyen"]

TRAPS = [
    ("Rock", None),
    ("Jazz", None),
    ("Music", None),
    ("Movies", None),
    ("MPEG audio file", None),
    ("90’s Music", None),
    ("For Those About To Rock We Salute You", None),
    ("Sales Support Agent", None),
    ("General Manager", None),
    ("IT Staff", None),
    ("Apple Inc", None),
    ("Maria Silva Ltd.", None),
    ("Emily Clarke, S.A.", None),
    ("Siemens GmbH", None),
    ("Alice Cooper Band", None),
    ("Toyota Corolla", None),
    ("Rock", ["Name"]),  # a genre name column is not a person-name column
    ("Will Power", None),
    ("Grant Application", None),
    ("Main Street", None),
]


@pytest.mark.parametrize(("text", "expected", "minimum"), MATCHES)
def test_matches(best, text: str, expected: str, minimum: float) -> None:
    matched, score = best(text, "PERSON", context=CONTEXTS.get(text))
    assert matched == expected
    assert score >= minimum


@pytest.mark.parametrize("text", SHAPES)
def test_single_word_is_a_shape(best, text: str) -> None:
    matched, score = best(text, "PERSON")
    assert matched == text
    assert 0.05 <= score < 0.5


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, "PERSON", context=context)[1] < 0.5


def test_name_list_is_shipped() -> None:
    from scanners.recognizers.generic.person_latin import given_names

    names = given_names()
    assert {"Maria", "John", "Søren"} <= names
    assert not {"Rock", "Music", "Will", "Grant"} & names
