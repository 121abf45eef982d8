"""A second look at an ID card: its words read apart, and its number's line read again.

Two extra Tesseract runs per card. :func:`look`: one sparse-text run
(``--psm 11``) over the picture — in English, or Thai and English when the
page OCR lost Thai fields — whose words are chained back into lines (slant
allowed, touching Thai pieces joined); it also finds the line of digit
groups and its slope. :func:`number_readings`: one run over that line, cut
out, straightened, enlarged to about :data:`DIGIT_PX` pixels and stacked in
four variants (grey, two thresholds, thickened strokes), so that one call
gives four readings to vote on. The picture is scaled down to at most
:data:`WORK_SIDE` pixels, taken as the lightest of its colour channels and
flattened against its own background: blue or red pen (a "สำเนาถูกต้อง"
signature across the card) and uneven light fade out."""

from __future__ import annotations

import itertools
import math
import re
import statistics
from dataclasses import dataclass, replace

import pytesseract
from PIL import Image, ImageChops, ImageFilter, ImageOps

from connectors.files.readers.ocr.engine import grey
from connectors.files.readers.ocr.id_card_number import Reading, readings
from connectors.files.readers.ocr.settings import OcrSettings

LOCATE_SIDE = 2400  # the sparse-text run sees the picture at most this large
WORK_SIDE = 4000  # the picture is scaled down to this (longest side) before anything else
DIGIT_PX = 40  # digit height in the re-read strip
MIN_DIGITS = 8  # digit-like characters a line needs to be taken for the number
VARIANT_WEIGHT = 0.5  # the four variants of one strip are not independent readings
_THAI = re.compile("[\u0e01-\u0e4e]")
_DIGITISH = frozenset("0123456789OoDQIl|i!ZzSsGbTBgq$&")


@dataclass(frozen=True)
class Word:
    """One word of Tesseract's sparse-text run, with its box."""

    text: str
    left: int
    top: int
    width: int
    height: int

    @property
    def centre(self) -> tuple[float, float]:
        return self.left + self.width / 2, self.top + self.height / 2


@dataclass(frozen=True)
class Look:
    """The sparse-text run over a picture: its words, in lines, and the picture it read."""

    page: Image.Image  # the flattened picture, full size
    scale: float  # word boxes are in ``page`` pixels times this
    words: tuple[Word, ...]

    @property
    def lines(self) -> list[str]:
        """The words chained into lines (left to right, slant allowed); Thai pieces that
        touch are joined (the sparse run cuts Thai into letters and marks)."""
        return [_join(line) for line in word_lines(list(self.words))]


def look(image: Image.Image, settings: OcrSettings, languages: str = "eng") -> Look:
    """Extra run 1: the words of the picture (sparse text, in ``languages``)."""
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "L"):
        image = lightest(image)  # palette, 16-bit, transparency …: to grey first
    if max(image.size) > WORK_SIDE:  # a huge picture is worked on scaled down (bounded memory)
        factor = WORK_SIDE / max(image.size)
        image = image.resize(
            _scaled(image.size, factor), Image.Resampling.BILINEAR, reducing_gap=2.0
        )
    page = flatten(lightest(image))
    scale = min(1.0, LOCATE_SIDE / max(page.size))
    small = (
        page if scale == 1.0 else page.resize(_scaled(page.size, scale), Image.Resampling.BILINEAR)
    )
    return Look(page, scale, tuple(_words(small, languages, settings)))


def number_readings(seen: Look, settings: OcrSettings) -> list[Reading]:
    """Extra run 2: readings of the number's line, cut out and read in four variants."""
    line = number_line(list(seen.words))
    if line is None:
        return []
    found = readings(" ".join(word.text for word in line))
    strip = _strip(seen.page, line, 1 / seen.scale)
    text = _tesseract(_stack(variants(strip)), "--psm 6", settings)
    for row in text.splitlines():
        found.extend(replace(r, weight=VARIANT_WEIGHT) for r in readings(row))
    return found


def word_lines(words: list[Word]) -> list[list[Word]]:
    """Words chained left to right into lines: each next word close and level with the last."""
    left = sorted(words, key=lambda w: (w.left, w.top))
    taken: set[int] = set()
    lines = []
    for index, first in enumerate(left):
        if index in taken:
            continue
        chain, last = [first], first
        for other in range(index + 1, len(left)):
            word = left[other]
            if other not in taken and _follows(last, word):
                chain.append(word)
                taken.add(other)
                last = word
        lines.append(chain)
    return sorted(lines, key=lambda chain: chain[0].top)


def _join(line: list[Word]) -> str:
    text = line[0].text
    for last, word in itertools.pairwise(line):
        touching = word.left - (last.left + last.width) < 0.25 * max(last.height, word.height)
        thai = _THAI.search(last.text[-1:]) and _THAI.search(word.text[:1])
        text += ("" if touching and thai else " ") + word.text
    return text


def _follows(last: Word, word: Word) -> bool:
    size = max(last.height, word.height)
    gap = word.left - (last.left + last.width)
    return -size / 2 <= gap < 3 * size and abs(last.centre[1] - word.centre[1]) < 0.6 * size


def lightest(image: Image.Image) -> Image.Image:
    """Grey as the lightest colour channel: coloured ink and tinted paper turn pale.
    Pictures with transparency, 16-bit or float samples go grey the OCR engine's way."""
    colour = image.mode in ("RGB", "CMYK", "YCbCr") or (
        image.mode == "P" and "transparency" not in image.info
    )
    if not colour:
        return grey(image)
    red, green, blue = image.convert("RGB").split()
    return ImageChops.lighter(ImageChops.lighter(red, green), blue)


def flatten(grey: Image.Image) -> Image.Image:
    """Divide out uneven light: subtract the text-free background, stretch the contrast."""
    small = grey.resize(
        (max(1, grey.width // 8), max(1, grey.height // 8)), Image.Resampling.BILINEAR
    )
    background = small.filter(ImageFilter.MaxFilter(5)).resize(grey.size, Image.Resampling.BILINEAR)
    return ImageOps.autocontrast(ImageChops.invert(ImageChops.subtract(background, grey)), 1)


def number_line(words: list[Word]) -> list[Word] | None:
    """The chain of digit-like words, left to right on one line, closest to 13 digits."""
    digital = sorted((w for w in words if _digitish(w.text)), key=lambda w: w.left)
    best: tuple[tuple[int, int], list[Word]] | None = None
    for index, first in enumerate(digital):
        chain = [first]
        for word in digital[index + 1 :]:
            if _follows(chain[-1], word):
                chain.append(word)
        count = sum(c in _DIGITISH for word in chain for c in word.text)
        rank = (abs(13 - count), first.top)
        if count >= MIN_DIGITS and (best is None or rank < best[0]):
            best = (rank, chain)
    return best[1] if best else None


def variants(strip: Image.Image) -> list[Image.Image]:
    """The strip as grey, at its Otsu threshold, thickened, and smoothed at a higher threshold."""
    grey = ImageOps.autocontrast(strip, cutoff=1)
    level = otsu(grey)

    def cut(image: Image.Image, at: int) -> Image.Image:
        return image.point(lambda v: 255 if v > at else 0)

    return [
        grey,
        cut(grey, level),
        cut(grey.filter(ImageFilter.MinFilter(3)), level),
        cut(grey.filter(ImageFilter.GaussianBlur(1.2)), min(250, level + 15)),
    ]


def otsu(grey: Image.Image) -> int:
    """Otsu's threshold of an 8-bit grey image."""
    histogram = grey.histogram()[:256]
    total = sum(histogram)
    weighted = sum(i * n for i, n in enumerate(histogram))
    below = below_sum = 0
    best, level = -1.0, 128
    for value, count in enumerate(histogram):
        below += count
        below_sum += value * count
        above = total - below
        if below == 0 or above == 0:
            continue
        spread = below * above * (below_sum / below - (weighted - below_sum) / above) ** 2
        if spread > best:
            best, level = spread, value
    return level


def _digitish(text: str) -> bool:
    core = text.strip(".,:;-_'\"")
    digits = sum(c.isdigit() for c in core)
    return bool(core) and all(c in _DIGITISH for c in core) and digits * 2 >= len(core) > 0


def _scaled(size: tuple[int, int], scale: float) -> tuple[int, int]:
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def _strip(page: Image.Image, line: list[Word], scale: float) -> Image.Image:
    """The number's line cut from ``page``, straightened, digits DIGIT_PX high."""
    height = statistics.median(w.height for w in line) * scale
    xs = [w.centre[0] * scale for w in line]
    ys = [w.centre[1] * scale for w in line]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = (
        sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
        if spread
        else 0.0
    )
    missing = max(0, 13 - sum(c in _DIGITISH for word in line for c in word.text))
    left = min(w.left for w in line) * scale - (1.5 + 0.8 * missing) * height
    right = max(w.left + w.width for w in line) * scale + (1.0 + 0.4 * missing) * height
    centre_x = (left + right) / 2
    centre_y = mean_y + slope * (centre_x - mean_x)
    half = (right - left) / 2
    reach = half * abs(slope) + 2 * height
    box = (round(centre_x - half), round(centre_y - reach), round(centre_x + half))
    region = _cut(page, (box[0], box[1], box[2], round(centre_y + reach)))
    region = region.rotate(math.degrees(math.atan(slope)), Image.Resampling.BICUBIC, fillcolor=255)
    middle = region.height / 2
    band = region.crop(
        (0, round(middle - 0.85 * height), region.width, round(middle + 0.85 * height))
    )
    factor = DIGIT_PX / max(height, 1.0)
    return band.resize(_scaled(band.size, factor), Image.Resampling.LANCZOS)


def _cut(page: Image.Image, box: tuple[int, int, int, int]) -> Image.Image:
    """``page`` cut to ``box``; what lies outside the page is white."""
    left, top, right, bottom = box
    canvas = Image.new("L", (max(1, right - left), max(1, bottom - top)), 255)
    inside = (max(0, left), max(0, top), min(page.width, right), min(page.height, bottom))
    if inside[0] < inside[2] and inside[1] < inside[3]:
        canvas.paste(page.crop(inside), (inside[0] - left, inside[1] - top))
    return canvas


def _stack(images: list[Image.Image], gap: int = 30) -> Image.Image:
    width = max(i.width for i in images) + 2 * gap
    height = sum(i.height for i in images) + gap * (len(images) + 1)
    sheet = Image.new("L", (width, height), 255)
    top = gap
    for image in images:
        sheet.paste(image, (gap, top))
        top += image.height + gap
    return sheet


def _words(page: Image.Image, languages: str, settings: OcrSettings) -> list[Word]:
    try:
        data = pytesseract.image_to_data(
            page,
            lang=languages,
            config="--psm 11 -c tessedit_do_invert=0",
            output_type=pytesseract.Output.DICT,
            timeout=settings.page_timeout_s,
        )
    except (RuntimeError, pytesseract.TesseractError):  # a timeout, a picture it refuses
        return []
    return [
        Word(text, int(left), int(top), int(width), int(height))
        for text, left, top, width, height in zip(
            data["text"], data["left"], data["top"], data["width"], data["height"], strict=False
        )
        if str(text).strip()
    ]


def _tesseract(image: Image.Image, config: str, settings: OcrSettings) -> str:
    try:
        text = pytesseract.image_to_string(
            image, lang="eng", config=config, timeout=settings.page_timeout_s
        )
    except (RuntimeError, pytesseract.TesseractError):
        return ""
    return str(text)
