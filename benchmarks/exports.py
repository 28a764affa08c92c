"""Speed and memory of the export writer: `python benchmarks/exports.py [--rows N]`.

Streams N rows shaped like the employee list (text, NIP, dates, money, JP) through
`render_csv` and `render_xlsx` and prints rows/s (by CPU time, which a busy shared machine
disturbs less than wall time; both are shown) and the peak memory Python allocated while
writing (tracemalloc, in a second pass: it slows the writing it watches).
"""

import argparse
import datetime as dt
import os
import time
import tracemalloc
from collections.abc import Iterator
from decimal import Decimal
from typing import Any


def _rows(n: int) -> Iterator[list[Any]]:
    for i in range(n):
        yield [
            f"1985031220100110{i % 100:02}",
            f"Pegawai Nomor {i}",
            "PNS",
            "III/a",
            "Dinas Kesehatan Kota Medan",
            "Analis Kepegawaian",
            dt.date(2026, 1, 1 + i % 28),
            Decimal(1_500_000 + i),
            Decimal("12.5"),
            "YA",
        ]


HEADERS = ["NIP", "Nama", "Jenis", "Gol", "Unit", "Jabatan", "Mulai", "Biaya", "JP", "Aktif"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    rows = parser.parse_args().rows
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sieva.config.settings")
    os.environ.setdefault("SIEVA_DEBUG", "1")
    import django

    django.setup()
    from sieva.core.exports import JP_FORMAT, MONEY_FORMAT, ExportTitle, render_csv, render_xlsx

    title = ExportTitle("Daftar pegawai", "Benchmark", (("Status", "Aktif"),))
    formats = {7: MONEY_FORMAT, 8: JP_FORMAT}
    writers = {
        "csv": lambda: render_csv(HEADERS, _rows(rows)),
        "xlsx": lambda: render_xlsx(HEADERS, _rows(rows), title=title, number_formats=formats),
    }
    for name, write in writers.items():
        start, cpu_start = time.perf_counter(), time.process_time()
        size = len(write())
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        tracemalloc.start()
        write()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"{name}: {rows:,} rows in {cpu:.2f} s CPU ({elapsed:.2f} s wall) = "
            f"{rows / cpu:,.0f} rows/s, "
            f"{size / 2**20:.1f} MB file, peak {peak / 2**20:.0f} MB allocated while writing"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
