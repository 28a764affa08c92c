"""Time of the organisation import: `python benchmarks/import_org.py [--cities N]`.

Builds a fresh database (a temporary SQLite file unless --database-url names an empty
PostgreSQL database), writes a province of N cities (each: city, city government, 40
perangkat daerah, 20 unit layanan) to a CSV with every child listed before its parent, and
imports it through the product importer three times: all new, all unchanged, and with every
city government moved to the province (its whole branch rewritten). Prints units/s per pass
against the target; exit status 1 when a pass is slower.
"""

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

TARGET_UNITS_PER_SECOND = 1_000
DEPARTMENTS = 40
SERVICE_UNITS = 20


def _setup(database_url: str | None, workdir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "sieva.config.settings"
    os.environ["SIEVA_DEBUG"] = "1"
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _rows(cities: int, *, agencies_under_province: bool) -> list[list[str]]:
    rows = []
    for city in range(cities):
        prefix = f"K{city:02d}"
        agency_parent = "P-99" if agencies_under_province else prefix
        for department in range(DEPARTMENTS):
            code = f"{prefix}-OPD-{department:02d}"
            if department < SERVICE_UNITS:
                rows.append([f"{code}-UL", f"Unit layanan {department}", "Unit layanan",
                             code, "12.000", "YA"])  # fmt: skip
            rows.append([code, f"Dinas {department} {prefix}", "Perangkat daerah",
                         f"{prefix}-PEMKOT", "", "YA"])  # fmt: skip
        rows.append([f"{prefix}-PEMKOT", f"Pemerintah {prefix}", "Instansi", agency_parent, "", ""])
        rows.append([prefix, f"Kota {prefix}", "Kabupaten/Kota", "P-99", "", ""])
    rows.append(["P-99", "Provinsi Uji", "Provinsi", "ID", "", ""])
    return rows


def _write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["KODE", "NAMA", "JENIS", "KODE_INDUK", "POPULASI_LAYANAN", "AKTIF"])
        writer.writerows(rows)


def _run(path: Path, label: str) -> float:
    from sieva.org.access import Access
    from sieva.org.imports.units import import_units
    from sieva.org.models import Role

    access = Access(0, Role.NATIONAL_ADMIN, "/", None, None)
    started = time.perf_counter()
    with path.open("rb") as handle:
        result = import_units(handle, path.name, actor=None, access=access)
    seconds = time.perf_counter() - started
    if not result.ok:
        raise SystemExit(f"{label}: rejected: {result.errors[:3]}")
    units = result.created + result.updated + result.unchanged
    rate = units / seconds
    print(
        f"{label:<28} {units:>6} units  {seconds:6.2f} s  {rate:8.0f} units/s  "
        f"(new {result.created}, changed {result.updated}, unchanged {result.unchanged})"
    )
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cities", type=int, default=30)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        _setup(args.database_url, workdir)
        from sieva.org.models import OrgKind, OrgUnit

        OrgUnit.objects.create(kind=OrgKind.NATIONAL, code="ID", name="Indonesia")
        plain, moved = workdir / "provinsi.csv", workdir / "provinsi-pindah.csv"
        _write(plain, _rows(args.cities, agencies_under_province=False))
        _write(moved, _rows(args.cities, agencies_under_province=True))
        rates = [
            _run(plain, "all new"),
            _run(plain, "all unchanged"),
            _run(moved, "agencies moved with branch"),
        ]
    slow = min(rates) < TARGET_UNITS_PER_SECOND
    print(f"target {TARGET_UNITS_PER_SECOND} units/s: {'MISSED' if slow else 'met'}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
