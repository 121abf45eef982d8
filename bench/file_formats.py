"""Benchmark: files/s per file format through the file-share connector (issue 19).

Usage: ``python bench/file_formats.py [--copies 40]``.

For each format, ``--copies`` copies of one small sample (the committed office
fixtures of ``tests/data/formats/office``; e-mail, Outlook, tar.gz and 7z
samples built by the archive tests' generators, each holding a CSV of 20
people; a 3,000-row XLSX) are put in a folder, and the connector lists them,
describes every dataset and samples 1,000 rows, as a scan does. Detection is
not included (its cost is per value, not per format: see docs/performance.md).
The XLSX row is also measured above the read budget (read streaming). OCR
formats are measured by ``bench/ocr_throughput.py``. Prints one line per
format: files, datasets, seconds, files/s.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from connectors.files.connector import FilesConnector  # noqa: E402
from tests.connectors.files.archives.msg_builder import Msg, msg_bytes  # noqa: E402
from tests.connectors.files.archives.samples import (  # noqa: E402
    NATIONAL_ID,
    email_bytes,
    sevenzip_bytes,
    tar_bytes,
)

OFFICE = ROOT / "tests" / "data" / "formats" / "office"
PEOPLE = "\n".join(
    ["ชื่อ,เลขบัตรประชาชน,อีเมล"]
    + [f"สมชาย {i},{NATIONAL_ID},user{i}@example.co.th" for i in range(20)]
).encode("utf-8")


def workbook(rows: int = 3_000) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("พนักงาน")
    sheet.append(["ชื่อ", "อีเมล", "โทร"])
    for i in range(rows):
        sheet.append([f"สมชาย {i}", f"user{i}@example.co.th", f"081-234-{i % 10_000:04d}"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SAMPLES: dict[str, Callable[[], bytes]] = {
    **{
        name.rsplit(".", 1)[1]: (lambda n=name: (OFFICE / n).read_bytes())
        for name in (
            "book.xls",
            "book.ods",
            "letter.doc",
            "letter.odt",
            "letter.rtf",
            "slides.ppt",
            "slides.pptx",
        )
    },
    "xlsx": workbook,
    "eml": lambda: email_bytes("โทร 081-234-5678\n", (("staff.csv", PEOPLE, "text/csv"),)),
    "msg": lambda: msg_bytes(Msg(subject="staff", body="โทร 081-234-5678")),
    "tar.gz": lambda: tar_bytes({"hr/staff.csv": PEOPLE}),
    "7z": lambda: sevenzip_bytes({"hr/staff.csv": PEOPLE}),
}


def measure(suffix: str, data: bytes, copies: int, **budgets: int) -> tuple[int, float]:
    """Datasets read and seconds taken for ``copies`` files of ``data``."""
    folder = Path(tempfile.mkdtemp(prefix="pdpa-bench-formats-"))
    try:
        for i in range(copies):
            (folder / f"f{i:04d}.{suffix}").write_bytes(data)
        started = time.perf_counter()
        connector = FilesConnector("bench", folder, seed=1, **budgets)  # type: ignore[arg-type]
        connector.open()
        names = connector.list_datasets()
        for name in names:
            connector.sample(connector.describe(name), 1_000)
        connector.close()
        return len(names), time.perf_counter() - started
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40)
    copies = parser.parse_args().copies
    print(f"{'format':<22}{'files':>6}{'datasets':>10}{'seconds':>9}{'files/s':>9}")
    rows = [(suffix, make(), {}) for suffix, make in SAMPLES.items()]
    big = workbook()
    rows.append(("xlsx (streamed)", big, {"max_read_bytes": len(big) // 2}))
    for label, data, budgets in rows:
        suffix = label.split(" ")[0]
        datasets, seconds = measure(suffix, data, copies, **budgets)
        print(f"{label:<22}{copies:>6}{datasets:>10}{seconds:>9.2f}{copies / seconds:>9.1f}")


if __name__ == "__main__":
    main()
