"""Throughput of the SKM import and speed of IKM from aggregates: `python benchmarks/import_skm.py`.

Builds a fresh database (a temporary SQLite file unless --database-url names an empty
PostgreSQL database, where the importer uses COPY), writes N citizen responses (2,000 service
units × 24 months) to a CSV, imports them through the product's `import_skm`, prints rows/s
and peak RSS, times the IKM of every unit for one month from the aggregates, checks the
aggregates against a rebuild, and — when pandas is installed — times pandas `read_csv` plus a
groupby IKM per unit on the same file. Exit status 1 when a target is missed.
"""

import argparse
import csv
import datetime as dt
import importlib.util
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

TARGET_ROWS_PER_SECOND = 100_000
TARGET_PEAK_MB = 1024
TARGET_IKM_MS = 50
UNITS = 2_000
MONTHS = 24
FIRST_MONTH = dt.date(2024, 1, 1)
TODAY = dt.date(2026, 1, 15)
ELEMENTS = ("persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana")  # fmt: skip


def _setup(database_url: str | None, workdir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "sieva.config.settings"
    os.environ["SIEVA_DEBUG"] = "1"
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _units() -> list[str]:
    from sieva.org.models import OrgKind, OrgUnit

    national = OrgUnit.objects.create(kind=OrgKind.NATIONAL, code="B-ID", name="Indonesia")
    agency = OrgUnit.objects.create(
        kind=OrgKind.AGENCY, code="B-PEMKOT", name="Pemkot", parent=national
    )
    codes = [f"PKM-{n:04d}" for n in range(UNITS)]
    units = OrgUnit.objects.bulk_create(
        OrgUnit(kind=OrgKind.SERVICE_UNIT, code=c, name=f"Puskesmas {c}", parent=agency)
        for c in codes
    )
    for unit in units:  # materialised paths, as OrgUnit.save would write them
        unit.path, unit.depth = f"{agency.path}{unit.pk}/", agency.depth + 1
    OrgUnit.objects.bulk_update(units, ["path", "depth"], batch_size=1000)
    return codes


def _write_csv(path: Path, rows: int, codes: list[str]) -> None:
    """Realistic answers: each unit has its own quality level, answers 1–4 around it."""
    rng = random.Random(2026)
    quality = [rng.uniform(2.4, 3.7) for _ in codes]
    genders, ages = ("L", "P"), ("<20", "20-29", "30-39", "40-49", "50-59", "60+")
    education, jobs = (
        ("SD", "SMP", "SMA", "D1-D3", "D4-S1", "S2"),
        ("pns", "swasta", "wirausaha", "pelajar", "lainnya"),
    )
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["kode_unit", "tanggal", *ELEMENTS, "jenis_kelamin", "usia", "pendidikan", "pekerjaan"]
        )
        for index in range(rows):
            unit = index % len(codes)
            month = (index // len(codes)) % MONTHS
            day = FIRST_MONTH.replace(year=FIRST_MONTH.year + month // 12, month=month % 12 + 1)
            stamp = f"{day:%Y-%m}-{1 + index % 28:02d} {8 + index % 9:02d}:{index % 60:02d}:{(index // 60) % 60:02d}"
            q = quality[unit]
            answers = [min(4, max(1, round(q + rng.uniform(-1.2, 1.2)))) for _ in ELEMENTS]
            writer.writerow([codes[unit], stamp, *answers, genders[index % 2], ages[index % 6], education[index % 6], jobs[index % 5]])  # fmt: skip


def _import(path: Path) -> tuple[float, float, int]:
    from sieva.org.access import Access
    from sieva.org.models import Role
    from sieva.satisfaction.services.imports import import_skm

    access = Access(0, Role.NATIONAL_ADMIN, "/", None, None)
    started, cpu = time.perf_counter(), time.process_time()
    with path.open("rb") as handle:
        result = import_skm(handle, path.name, actor=None, access=access, today=TODAY)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    if not result.ok:
        for error in result.errors[:10]:
            print(error, file=sys.stderr)
        raise SystemExit("the generated file was rejected")
    return elapsed, cpu, result.rows


def _ikm_all_units_ms() -> dict[str, float]:
    """Best of 5 for the first month: all-unit IKM as the pages get it (wall and CPU: other
    jobs on the machine inflate the first), its read, and the fraction-exact
    `ikm_from_totals` unit by unit on the same totals (the path it replaced)."""
    from sieva.analysis.indices.ikm import ikm_from_totals
    from sieva.org.models import OrgKind, OrgUnit
    from sieva.satisfaction.periods import month_period
    from sieva.satisfaction.selectors import ikm_totals, scores_for_units

    ids = list(OrgUnit.objects.filter(kind=OrgKind.SERVICE_UNIT).values_list("id", flat=True))
    period = month_period(FIRST_MONTH)
    best = dict.fromkeys(("total", "cpu", "read", "exact"), float("inf"))
    for _ in range(5):
        started = time.perf_counter()
        totals = ikm_totals(ids, [period])
        best["read"] = min(best["read"], (time.perf_counter() - started) * 1000)
        started, cpu = time.perf_counter(), time.process_time()
        scores = scores_for_units(ids, period)
        best["total"] = min(best["total"], (time.perf_counter() - started) * 1000)
        best["cpu"] = min(best["cpu"], (time.process_time() - cpu) * 1000)
        started = time.perf_counter()
        for sums, counts in zip(totals.sums, totals.counts, strict=True):
            answered = {c: (int(s), int(n)) for c, s, n in zip(totals.codes, sums, counts, strict=True) if n}  # fmt: skip
            if answered:
                ikm_from_totals(answered)
        best["exact"] = min(best["exact"], (time.perf_counter() - started) * 1000)
    batches = {id(s.batch): s.batch for s in scores.values() if s.batch is not None}
    best["scored"] = sum(1 for s in scores.values() if s.batch is not None)
    best["fallbacks"] = sum(b.exact_fallbacks for b in batches.values())
    return best


def _pandas_seconds(path: Path) -> float:
    import pandas as pd

    started = time.perf_counter()
    frame = pd.read_csv(path, usecols=["kode_unit", "tanggal", *ELEMENTS])
    frame["bulan"] = frame["tanggal"].str.slice(0, 7)
    nrr = frame.groupby(["kode_unit", "bulan"])[list(ELEMENTS)].mean()
    (nrr.sum(axis=1) / 9 * 25).round(2)
    return time.perf_counter() - started


def _verdict(name: str, passed: bool, detail: str) -> bool:
    print(f"{'PASS' if passed else 'FAIL'}  {name}: {detail}")
    return passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--database-url", help="An empty PostgreSQL database (default: SQLite).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        _setup(args.database_url, workdir)
        csv_path = workdir / "skm.csv"
        _write_csv(csv_path, args.rows, _units())
        from django.db import connection

        print(
            f"database: {connection.vendor}; file {csv_path.stat().st_size / 1e6:.1f} MB, {args.rows:,} rows"
        )
        elapsed, cpu, rows = _import(csv_path)
        rate = rows / elapsed
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        print(
            f"import: {rows:,} rows in {elapsed:.2f} s = {rate:,.0f} rows/s; peak RSS {peak_mb:.0f} MB"
        )
        # CPU of this process (both threads; PostgreSQL's server time is outside it) and the
        # load average: other jobs on the machine stretch the wall clock, not the CPU time.
        print(
            f"import CPU: {cpu:.2f} s = {rows / cpu:,.0f} rows per CPU-second; "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
        ikm = _ikm_all_units_ms()
        ikm_ms = ikm["total"]
        print(
            f"IKM of all {UNITS} units for {FIRST_MONTH:%Y-%m}: {ikm_ms:.1f} ms wall, {ikm['cpu']:.1f} ms CPU ({ikm['read']:.1f} ms reading aggregates, {ikm['scored']:.0f} units scored, {ikm['fallbacks']:.0f} by the exact fraction path); exact ikm_from_totals unit by unit: {ikm['exact']:.0f} ms"
        )
        from sieva.satisfaction.services.rebuild import aggregates_compare

        started = time.perf_counter()
        differences = aggregates_compare()
        print(
            f"aggregates vs rebuild from raw rows: {len(differences)} differences ({time.perf_counter() - started:.1f} s)"
        )
        if importlib.util.find_spec("pandas") is None:
            print("pandas is not installed: read_csv + groupby comparison skipped")
        else:
            seconds = _pandas_seconds(csv_path)
            print(
                f"pandas read_csv + groupby IKM per unit-month: {seconds:.2f} s; product import / pandas = {elapsed / seconds:.1f}x"
            )
    verdicts = [
        _verdict(
            "import rate",
            rate >= TARGET_ROWS_PER_SECOND,
            f"{rate:,.0f} >= {TARGET_ROWS_PER_SECOND:,} rows/s",
        ),
        _verdict("peak RSS", peak_mb <= TARGET_PEAK_MB, f"{peak_mb:.0f} <= {TARGET_PEAK_MB} MB"),
        _verdict(
            "IKM of all units",
            ikm_ms <= TARGET_IKM_MS,
            f"{ikm_ms:.1f} ms wall ({ikm['cpu']:.1f} ms CPU) <= {TARGET_IKM_MS} ms",
        ),
        _verdict("aggregates exact", not differences, "equal to a rebuild from raw rows"),
    ]
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
