"""The OCR engine: real Tesseract on Thai + English pictures, preprocessing, and its refusals."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from PIL import Image

from connectors.files.readers.content import SkipFile
from connectors.files.readers.ocr.engine import (
    clean_lines,
    grey,
    ocr_lines,
    pages_read,
    prepare,
    unavailable,
)
from connectors.files.readers.ocr.mixed_script import garbled, join_thai
from connectors.files.readers.ocr.settings import OcrSettings
from tests.connectors.files.ocr.samples import CITIZEN_ID, DATA, EMAIL, PHONE

SETTINGS = OcrSettings()


def test_thai_and_english_lines_are_read() -> None:
    lines = ocr_lines(Image.open(DATA / "contact.png"), SETTINGS)
    assert lines[0] == "ชื่อ นายสมชาย ใจดี"
    assert lines[1] == f"เลขประจำตัวประชาชน {CITIZEN_ID}"  # SARA AM joined back
    assert lines[2] == f"โทร {PHONE}"
    assert lines[3] == f"อีเมล {EMAIL}"  # read again: the Thai model garbles it on this picture


def test_small_type_is_scaled_up_before_it_is_read() -> None:
    small = Image.open(DATA / "small.png")
    assert small.height < 60
    lines = ocr_lines(small, SETTINGS)
    assert lines[-1] == "โทร 089-765-4321"


def test_a_page_turned_90_degrees_is_read_upright() -> None:
    lines = ocr_lines(Image.open(DATA / "rotated.png"), SETTINGS)
    assert "The meeting started at ten o'clock" in lines
    assert "Next meeting will be held in March" in lines


@pytest.mark.parametrize(
    ("picture", "label"),
    [
        (Image.new("L", (800, 600), 255), "white page"),
        (Image.new("RGB", (300, 200), (30, 90, 200)), "flat colour"),
        (Image.new("L", (5, 400), 0), "too narrow"),
    ],
)
def test_nothing_to_read_costs_no_tesseract_run(picture: Image.Image, label: str) -> None:
    before = pages_read()
    assert ocr_lines(picture, SETTINGS) == [], label
    assert pages_read() == before


def test_a_missing_language_is_a_reason_not_a_crash() -> None:
    settings = OcrSettings(languages="tha+xyz")
    assert unavailable("tha+xyz") == "OCR unavailable (Tesseract language xyz not installed)"
    assert unavailable("tha+eng") == ""
    with pytest.raises(SkipFile, match="xyz not installed"):
        ocr_lines(Image.open(DATA / "contact.png"), settings)


def test_without_tesseract_a_picture_is_skipped_with_a_reason() -> None:
    code = (
        "from connectors.files.readers.registry import read_content\n"
        "from connectors.files.readers.content import ReadLimits\n"
        f"print(read_content('a.png', open({str(DATA / 'contact.png')!r}, 'rb').read(),"
        " ReadLimits()).reason)\n"
    )
    env = {**os.environ, "PATH": "/nonexistent"}  # no tesseract program on the PATH
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "OCR unavailable (tesseract not installed)"


def test_exif_orientation_is_applied_and_large_pages_are_scaled_down() -> None:
    picture = Image.new("L", (400, 100), 255)
    exif = Image.Exif()
    exif[0x0112] = 6  # stored turned: shown rotated 90° clockwise
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", exif=exif)
    assert prepare(Image.open(buffer), SETTINGS.max_pixels).size == (100, 400)
    big = prepare(Image.new("RGB", (4000, 3000), "white"), 1_000_000)
    assert big.mode == "L" and big.width * big.height <= 1_000_000
    assert abs(big.width / big.height - 4 / 3) < 0.01


@pytest.mark.parametrize(
    ("picture", "expected"),
    [
        (Image.new("RGBA", (4, 4), (0, 0, 0, 0)), 255),  # transparent: white paper
        (Image.new("RGBA", (4, 4), (0, 0, 0, 255)), 0),
        (Image.new("LA", (4, 4), (0, 0)), 255),
        (Image.new("1", (4, 4), 1), 255),
        (Image.new("P", (4, 4), 0), 0),
        (Image.new("CMYK", (4, 4), (0, 0, 0, 255)), 0),
    ],
)
def test_every_mode_becomes_grey_on_white(picture: Image.Image, expected: int) -> None:
    result = grey(picture)
    assert result.mode == "L" and result.getpixel((0, 0)) == expected


def test_sixteen_bit_samples_are_rescaled_not_clipped() -> None:
    wide = Image.new("I;16", (2, 1))
    wide.putpixel((0, 0), 1000)
    wide.putpixel((1, 0), 60000)
    result = grey(wide)
    assert (result.getpixel((0, 0)), result.getpixel((1, 0))) == (0, 255)


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("  เลขประจําตัว  \n\n", ["เลขประจำตัว"]),  # NIKHAHIT + SARA AA → SARA AM
        ("เเม่", ["แม่"]),  # two SARA E → SARA AE
        ("ok\n \n\tnext ", ["ok", "next"]),
        ("", []),
        ("ข้อความปกติ ไม่มีอะไรผิด", ["ข้อความปกติ ไม่มีอะไรผิด"]),  # trap: left as it is
    ],
)
def test_clean_lines(text: str, lines: list[str]) -> None:
    assert clean_lines(text) == lines


@pytest.mark.parametrize(
    ("line", "switches"),
    [
        ("อีเมล รอทาอ๐ทล1.]ลใฝ่66@ 6%ลทา๒1!ธ.00.ป่า", 5),  # Latin read by the Thai model
        ("อีเมล somchai.jaidee@example.co.th", 0),
        ("อีเมลsomchai@example.co.th", 1),  # trap: one switch is genuine text
        ("พ.ศ.2567 เลขที่ 99/1", 0),  # trap: Latin digits do not count
        ("พ.ศ.๒๕๖๗", 1),  # trap: Thai numerals after Thai letters
        ("The quick brown fox", 0),
    ],
)
def test_garbled_counts_script_switches_inside_tokens(line: str, switches: int) -> None:
    assert garbled(line) == switches


def test_join_thai_removes_spaces_between_thai_characters_only() -> None:
    assert join_thai("อ ี เม ล somchai@example.co.th") == "อีเมล somchai@example.co.th"
    assert join_thai("call me now") == "call me now"
