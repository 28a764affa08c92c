"""Throughput and memory of the employee import: `python benchmarks/import_employees.py`.

Builds a fresh database (a temporary SQLite file unless --database-url names an empty
PostgreSQL database), writes N valid employee rows to a CSV, imports them through the product
importer (all new), imports the same file again (all updates), and prints rows/s and peak RSS
against the targets. Exit status 1 when a target is missed.
"""

import argparse
import csv
import datetime as dt
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

TARGET_ROWS_PER_SECOND = 20_000
TARGET_PEAK_MB = 500
DEPARTMENTS = 40
TODAY = dt.date(2026, 1, 15)


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
    province = OrgUnit.objects.create(
        kind=OrgKind.PROVINCE, code="B-12", name="Sumatera Utara", parent=national
    )
    city = OrgUnit.objects.create(kind=OrgKind.CITY, code="B-1275", name="Medan", parent=province)
    agency = OrgUnit.objects.create(
        kind=OrgKind.AGENCY, code="B-PEMKOT", name="Pemerintah Kota Medan", parent=city
    )
    codes = []
    for number in range(DEPARTMENTS):
        unit = OrgUnit.objects.create(
            kind=OrgKind.DEPARTMENT, code=f"B-OPD-{number:02d}", name=f"OPD {number}", parent=agency
        )
        codes.append(unit.code)
    return codes


def _write_csv(path: Path, rows: int, unit_codes: list[str]) -> None:
    """`rows` valid rows with unique NIPs; one in ten employees reports to a head in the file."""
    rng = random.Random(2026)
    header = ["NIP", "NAMA", "JENIS_ASN", "GOLONGAN", "JENIS_JABATAN", "JENJANG_JABATAN"]
    header += ["NAMA_JABATAN", "PENDIDIKAN", "KODE_UNIT", "NIP_ATASAN", "TMT_KONTRAK", "AKTIF"]
    heads: list[str] = []
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        for index in range(rows):
            birth = dt.date(1965, 1, 1) + dt.timedelta(days=index % 12_000)
            gender = 1 + index % 2
            serial = 1 + index // 12_000  # unique with the birth date for up to 11.9M rows
            pppk = index % 5 == 0
            if pppk:
                nip = f"{birth:%Y%m%d}202321{gender}{serial:03d}"
                grade, kind, level, contract = (
                    "IX",
                    "fungsional_keahlian",
                    "ahli_pertama",
                    "2025-01-01",
                )
            else:
                nip = f"{birth:%Y%m%d}{birth.year + 25}{birth:%m}{gender}{serial:03d}"
                grade, kind, level, contract = (
                    rng.choice(("II/c", "III/a", "III/d")),
                    "pelaksana",
                    "",
                    "",
                )
            supervisor = heads[-1] if heads and index % 10 else ""
            if index % 10 == 0 and not pppk:
                heads.append(nip)
            writer.writerow(
                [f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}", f"Pegawai {index}", "PPPK" if pppk else "PNS",
                 grade, kind, level, "Analis", "S1", unit_codes[index % len(unit_codes)],
                 supervisor, contract, "YA"]
            )  # fmt: skip


def _run(path: Path, label: str, rows: int) -> float:
    from sieva.org.access import Access
    from sieva.org.imports import import_employees
    from sieva.org.models import Role

    access = Access(0, Role.NATIONAL_ADMIN, "/", None, None)
    started, cpu_started = time.perf_counter(), time.process_time()
    with path.open("rb") as handle:
        result = import_employees(handle, path.name, actor=None, access=access, today=TODAY)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    if not result.ok:
        for error in result.errors[:10]:
            print(error, file=sys.stderr)
        raise SystemExit(f"{label}: the generated file was rejected")
    rate = rows / elapsed
    # CPU time of this process alone shows the importer's cost on a busy machine (SQLite).
    print(f"{label}: {rows} rows in {elapsed:.2f} s = {rate:,.0f} rows/s "
          f"(CPU {cpu:.2f} s = {rows / cpu:,.0f} rows/s; "
          f"created {result.created}, updated {result.updated})")  # fmt: skip
    return rate


def _verdict(name: str, passed: bool, detail: str) -> bool:
    print(f"{'PASS' if passed else 'FAIL'}  {name}: {detail}")
    return passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database-url", help="An empty PostgreSQL database (default: SQLite).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        _setup(args.database_url, workdir)
        csv_path = workdir / "pegawai.csv"
        _write_csv(csv_path, args.rows, _units())
        size_mb = csv_path.stat().st_size / 1e6
        print(f"database: {os.environ['DATABASE_URL'].split('@')[-1]}; file {size_mb:.1f} MB")
        first = _run(csv_path, "first import (create)", args.rows)
        second = _run(csv_path, "re-import (update)", args.rows)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"peak RSS: {peak_mb:.0f} MB")
    verdicts = [
        _verdict(
            "create rate", first >= TARGET_ROWS_PER_SECOND, f">= {TARGET_ROWS_PER_SECOND:,}/s"
        ),
        _verdict(
            "update rate", second >= TARGET_ROWS_PER_SECOND, f">= {TARGET_ROWS_PER_SECOND:,}/s"
        ),
        _verdict("peak RSS", peak_mb <= TARGET_PEAK_MB, f"<= {TARGET_PEAK_MB} MB"),
    ]
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
