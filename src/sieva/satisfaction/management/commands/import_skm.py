"""Import SKM responses from a CSV/XLSX file as a national admin (all or nothing)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sieva.org.access import Access
from sieva.org.models import Role
from sieva.satisfaction.services.imports import import_skm

SHOWN = 100


class Command(BaseCommand):
    help = (
        "Import SKM responses from FILE (.csv or .xlsx); prints every problem, writes nothing then."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        if not file.is_file():
            raise CommandError(f"{file} tidak ditemukan.")
        access = Access(0, Role.NATIONAL_ADMIN, "/", None, None)
        with file.open("rb") as handle:
            result = import_skm(handle, file.name, actor=None, access=access)
        if result.ok:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{result.rows} respons diimpor ({result.unit_months} unit-bulan)."
                )
            )
            return
        for error in result.errors[:SHOWN]:
            self.stderr.write(
                f"baris {error.row or '-'}, kolom {error.column or '-'}: {error.message}"
            )
        raise CommandError(f"{result.error_count} masalah; tidak ada yang disimpan.", returncode=1)
