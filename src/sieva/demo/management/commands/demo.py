"""`sieva demo [--scale N] [--seed S] [--today YYYY-MM-DD]`: load the demo data once."""

import datetime as dt
from argparse import ArgumentParser, ArgumentTypeError
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from sieva.demo.accounts import Login
from sieva.demo.builder import DEFAULT_SEED, REFERENCE_DATE, build
from sieva.demo.reports import build_reports

SERVER_URL = "http://127.0.0.1:8000"


def _positive(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ArgumentTypeError(f"bukan angka: {value!r}") from None
    if number <= 0:
        raise ArgumentTypeError("skala harus lebih besar dari nol")
    return number


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ArgumentTypeError(f"tanggal tidak valid (YYYY-MM-DD): {value!r}") from None


def login_table(logins: list[Login]) -> list[str]:
    """The logins as aligned text lines: username, password, role, scope, linked employee."""
    header = ("Pengguna", "Sandi", "Peran", "Cakupan", "Pegawai")
    rows = [header, *((x.username, x.password, x.role, x.scope, x.person) for x in logins)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return [line.rstrip() for line in lines]


class Command(BaseCommand):
    help = "Memuat data demo SIEVA (sekali saja; menjalankan ulang tidak menggandakan data)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--scale",
            type=_positive,
            default=1,
            help="Pengali jumlah pegawai, angkatan dan peserta (bawaan 1, sekitar 3.000 pegawai).",
        )
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Benih acak.")
        parser.add_argument(
            "--today",
            type=_date,
            default=REFERENCE_DATE,
            help=f"Tanggal acuan 'hari ini' (bawaan {REFERENCE_DATE.isoformat()}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # The standard instruments belong to every installation, demo or not; loading is
        # idempotent, so a second `make run` changes nothing.
        call_command("load_standard_instruments", verbosity=0)
        try:
            result = build(scale=options["scale"], seed=options["seed"], today=options["today"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        if result.created:
            # The leaders' dashboard reads stored program summaries (decision 0017); compute
            # the demo year's once so it is not empty on first start.
            call_command(
                "evaluate_due",
                "--year",
                str(options["today"].year),
                "--no-report",
                "--today",
                options["today"].isoformat(),
                verbosity=0,
            )
            # Signed reports and their tracked recommendations (issue 11).
            counts = build_reports(today=options["today"])
            summary = ", ".join(
                f"{key} {value}" for key, value in {**result.counts, **counts}.items()
            )
            self.stdout.write(
                self.style.SUCCESS(f"Data demo dibuat dalam {result.seconds:.1f} detik.")
            )
            self.stdout.write(summary)
        else:
            self.stdout.write(self.style.WARNING("Data demo sudah ada; tidak ada yang diubah."))
        self.stdout.write("")
        for line in login_table(result.logins):
            self.stdout.write(line)
        self.stdout.write("")
        self.stdout.write(f"Buka {SERVER_URL}")
