"""Configuration loading: valid files load; every kind of wrong input is a Problem with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.inputs.config_loader import load_config
from agent.inputs.problems import ConfigProblems

VALID = """
[agent]
state = "sqlite:///state.db"
schedule = "every monday at 01:30"
workers = 4

[detection]
sample_rows = 500
languages = ["th"]

[[sources]]
name = "hr"
kind = "database"
url = "postgresql+psycopg2://scanner@db1/${HR_DB}"
password_env = "HR_DB_PASSWORD"
include = ["public.*"]

[[sources]]
name = "share-hr"
kind = "files"
path = "share"

[reports]
out_dir = "out"
formats = ["json", "csv"]
language = "en"
"""


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "share").mkdir(exist_ok=True)
    path = tmp_path / "pdpa-agent.toml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ConfigProblems) as caught:
        load_config(path)
    return [str(p) for p in caught.value.problems]


def test_valid_config_loads_with_env_interpolation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HR_DB", "hr")
    loaded = load_config(write(tmp_path, VALID))
    config = loaded.config
    assert config.agent.workers == 4
    assert config.detection.sample_rows == 500
    assert config.detection.adaptive_sampling and config.detection.incremental  # defaults
    assert config.detection.full_rescan_days == 7 and config.agent.inline_below == 50
    assert config.sources[0].url.endswith("/hr")
    assert config.sources[0].password_env == "HR_DB_PASSWORD"
    assert config.sources[1].include == ["**/*"]
    assert loaded.resolve("out") == tmp_path.resolve() / "out"
    assert config.reports.language == "en"


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ('[agent]\nworkers = "many"\n', 2, "agent.workers"),
        ("[agent]\nworkers = 0\n", 2, "greater than or equal to 1"),
        ("[agent]\nbogus = 1\n", 2, "agent.bogus: unknown key"),
        ("[agnet]\nworkers = 1\n", 1, "agnet: unknown key"),
        ('[agent]\nschedule = "sometimes"\n', 2, "unrecognised schedule"),
        ('[agent]\nschedule = "every day at 25:00"\n', 2, "invalid time"),
        ("[detection]\nmin_match_ratio = 1.5\n", 2, "min_match_ratio"),
        ("[detection]\nfull_rescan_days = -1\n", 2, "detection.full_rescan_days"),
        ('[detection]\nincremental = "sometimes"\n', 2, "detection.incremental"),
        ('[detection]\nadaptive_sampling = "yes please"\n', 2, "detection.adaptive_sampling"),
        ("[agent]\ninline_below = -5\n", 2, "agent.inline_below"),
        ('[detection]\nlanguages = ["fr"]\n', 2, "languages.0"),
        ('[[sources]]\nname = "a"\nkind = "ftp"\n', 3, "sources.0"),
        (
            '[[sources]]\nname = "a"\nkind = "database"\n',
            1,
            "sources.0.url: required key is missing",
        ),
        ('[[sources]]\nname = "a b"\nkind = "database"\nurl = "sqlite://"\n', 2, "sources.0.name"),
        (
            '[[sources]]\nname = "a"\nkind = "database"\nurl = "sqlite://"\ncolour = 1\n',
            5,
            "unknown key",
        ),
        ('[reports]\nformats = ["pdf"]\n', 2, "reports.formats.0"),
        ('[reports]\nlanguage = "de"\n', 2, "reports.language"),
        (
            '[agent]\nstate = "${PDPA_TEST_UNSET_VARIABLE}"\n',
            2,
            "PDPA_TEST_UNSET_VARIABLE is not set",
        ),
        ("[agent\nworkers = 1\n", 1, "invalid TOML"),
        ("workers = 1\nworkers = 2\n", 2, "invalid TOML"),
    ],
)
def test_bad_config_names_file_line_and_problem(
    tmp_path: Path, text: str, line: int, fragment: str
) -> None:
    path = write(tmp_path, text)
    problems = problems_of(path)
    assert any(p.startswith(f"{path}:{line}: ") and fragment in p for p in problems), problems


def test_duplicate_source_names(tmp_path: Path) -> None:
    text = '[[sources]]\nname = "a"\nkind = "database"\nurl = "sqlite://"\n' * 2
    problems = problems_of(write(tmp_path, text))
    assert any(":6: " in p and "duplicate source name 'a'" in p for p in problems), problems


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    text = '[agent]\nworkers = "x"\nbogus = 1\n[reports]\nlanguage = "de"\n'
    assert len(problems_of(write(tmp_path, text))) == 3


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    assert "config file not found" in problems_of(tmp_path / "nope.toml")[0]
    path = tmp_path / "latin1.toml"
    path.write_bytes('[agent]\nstate = "caf\xe9"\n'.encode("latin-1"))
    assert "not UTF-8" in problems_of(path)[0]


def test_a_missing_share_folder_is_no_config_error(tmp_path: Path) -> None:
    """Shares are mounted later: a folder missing now is the source's SCAN_ERROR at scan time."""
    path = write(tmp_path, '[[sources]]\nname = "a"\nkind = "files"\npath = "missing-dir"\n')
    loaded = load_config(path)
    assert loaded.resolve(loaded.config.sources[0].path) == tmp_path / "missing-dir"  # type: ignore[union-attr]


FILES = '[[sources]]\nname = "a"\nkind = "files"\npath = "share"\n'


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        ("max_read_bytes = 10\n", "sources.0.max_read_bytes"),
        ("max_stream_bytes = -1\n", "sources.0.max_stream_bytes"),
        ('ocr = "yes please"\n', "sources.0.ocr"),
        ('ocr_languages = "tha; rm -rf /"\n', "sources.0.ocr_languages"),
        ('ocr_languages = ""\n', "sources.0.ocr_languages"),
        ("ocr_max_pages_per_file = 0\n", "sources.0.ocr_max_pages_per_file"),
        ("ocr_max_pages_per_scan = -5\n", "sources.0.ocr_max_pages_per_scan"),
        ("ocr_max_pixels = 10\n", "sources.0.ocr_max_pixels"),
        ('public_groups = "Everyone"\n', "sources.0.public_groups"),
    ],
)
def test_bad_file_budgets_and_ocr_keys_name_the_key(
    tmp_path: Path, extra: str, fragment: str
) -> None:
    path = write(tmp_path, FILES + extra)
    problems = problems_of(path)
    assert any(p.startswith(f"{path}:5: ") and fragment in p for p in problems), problems


def test_file_budgets_and_ocr_keys_reach_the_connector(tmp_path: Path) -> None:
    from agent.scan.sources import build_connector

    extra = (
        "max_read_bytes = 1048576\nmax_stream_bytes = 8388608\nocr = false\n"
        'ocr_languages = "tha"\nocr_max_pages_per_file = 3\nocr_max_pages_per_scan = 0\n'
        'ocr_max_pixels = 1000000\npublic_groups = ["HR-ALL", "S-1-5-21-1-2-3-1105"]\n'
    )
    loaded = load_config(write(tmp_path, FILES + extra))
    connector = build_connector(loaded.config.sources[0], loaded)
    assert connector.max_read_bytes == 1048576  # type: ignore[attr-defined]
    assert connector.max_stream_bytes == 8388608  # type: ignore[attr-defined]
    ocr = connector.ocr  # type: ignore[attr-defined]
    assert (ocr.enabled, ocr.languages, ocr.max_pages_per_file) == (False, "tha", 3)
    assert (ocr.max_pages_per_scan, ocr.max_pixels) == (0, 1000000)
    assert connector.public_groups == ("HR-ALL", "S-1-5-21-1-2-3-1105")  # type: ignore[attr-defined]
