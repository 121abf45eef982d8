"""Pictures (JPEG, PNG, TIFF, BMP, GIF, WebP, HEIC/HEIF): their text, read by OCR on first use.

:func:`read_image` only opens the picture's header: it refuses OCR switched
off or unavailable, data that is no picture of an allowed format (a file is
never handed to another Pillow plugin, such as EPS, which runs Ghostscript),
and a decompression bomb — a picture (or TIFF frame) whose header declares
more than ``max_decoded_pixels`` pixels, refused before anything is decoded
(Pillow's own ``MAX_IMAGE_PIXELS`` check stays on too). It returns a
:class:`LazyText` whose loader decodes the picture (a JPEG decoded already
scaled down when it is large), reads it by OCR and offers it to the Thai ID
card reader. A TIFF's frames are its pages (at most ``max_pages_per_file``);
an animated GIF or WebP is read by its first frame. A corrupt or truncated
picture is skipped with a one-line reason.
"""

from __future__ import annotations

import functools
import io
import math
import posixpath
import warnings

from PIL import Image, UnidentifiedImageError

from connectors.files.readers.content import LazyText, ReadLimits, SkipFile, Text, rows_note
from connectors.files.readers.ocr.engine import unavailable
from connectors.files.readers.ocr.pages import ocr_pages
from connectors.files.readers.ocr.settings import OcrSettings

#: Pillow formats read (whatever the file's suffix says); MPO is a camera's multi-picture JPEG.
FORMATS = ("JPEG", "MPO", "PNG", "TIFF", "BMP", "GIF", "WEBP", "HEIF")
MAX_FRAMES = 10_000  # TIFF frames counted (only max_pages_per_file of them are read)


@functools.cache
def _register_heif() -> None:
    from pillow_heif import register_heif_opener  # type: ignore[import-untyped,unused-ignore]

    register_heif_opener()


def read_image(name: str, data: bytes, limits: ReadLimits) -> LazyText:
    """The picture's OCR text, read when first used; SkipFile when it will not be read."""
    settings = limits.ocr
    if not settings.enabled:
        raise SkipFile("OCR disabled")
    if reason := unavailable(settings.languages):
        raise SkipFile(reason)
    if posixpath.splitext(name.lower())[1] in (".heic", ".heif"):
        _register_heif()
    image = open_image(data, settings)
    frames = frame_count(image, settings) if image.format == "TIFF" else 1
    return LazyText(functools.partial(_load, data, frames, limits))


def open_image(data: bytes, settings: OcrSettings) -> Image.Image:
    """The picture in ``data`` opened (header only), or SkipFile saying why it is refused."""
    if not data:
        raise SkipFile("empty file (0 bytes)")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            Image.init()  # every plugin registered, so each allowed format is known
            formats = [name for name in FORMATS if name in Image.OPEN]
            image = Image.open(io.BytesIO(data), formats=formats)
        except Image.DecompressionBombError:
            raise SkipFile("image above Pillow's decompression bomb limit") from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
            raise SkipFile("corrupt or unsupported image") from None
    check_size(image.size, settings)
    return image


def check_size(size: tuple[int, int], settings: OcrSettings) -> None:
    """SkipFile for a picture whose declared size is empty or a decompression bomb."""
    width, height = size
    if width <= 0 or height <= 0:
        raise SkipFile("corrupt image (no pixels)")
    if width * height > settings.max_decoded_pixels:
        raise SkipFile(
            f"image of {width}x{height} pixels, above {settings.max_decoded_pixels} "
            "(a decompression bomb?): not decoded"
        )


def frame_count(image: Image.Image, settings: OcrSettings) -> int:
    """The frames of a multi-page TIFF (headers only; those that will be read are checked)."""
    count = 1
    try:
        while count < MAX_FRAMES:
            image.seek(count)
            if count < settings.max_pages_per_file:
                check_size(image.size, settings)
            count += 1
    except (EOFError, OSError, ValueError, SyntaxError):
        pass  # the last frame, or a broken frame chain: the frames before it are read
    image.seek(0)
    return count


def _load(data: bytes, frames: int, limits: ReadLimits) -> Text:
    settings = limits.ocr
    image = open_image(data, settings)

    def render(index: int) -> Image.Image:
        if index:
            image.seek(index)
        return decoded(image, settings)

    read = ocr_pages(
        frames, render, settings, limits.ocr_budget, "frame" if frames > 1 else "image"
    )
    if read.unreadable_only:
        raise SkipFile("corrupt or truncated image")
    lines = [line for page in read.lines if page for line in page]
    kept = tuple(lines[: limits.max_rows])
    notes = [*read.notes, rows_note(len(kept), limits, len(lines) > limits.max_rows)]
    return Text(kept, "", "; ".join(n for n in notes if n))


def decoded(image: Image.Image, settings: OcrSettings) -> Image.Image:
    """The current frame decoded (a large JPEG already scaled down by its decoder)."""
    width, height = image.size
    if width * height > settings.max_decoded_pixels:
        raise ValueError("frame above the decoding limit")
    if image.format in ("JPEG", "MPO") and width * height > settings.max_pixels:
        scale = math.sqrt(settings.max_pixels / (width * height))
        image.draft(image.mode, (int(width * scale), int(height * scale)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        image.load()
    return image
