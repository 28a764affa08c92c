"""What the import commands share: the file argument, whose scope the import runs in, the
problem list on stderr (and optionally as CSV), and exit status 1 when the file is rejected.

Without --scope-unit or --user an import acts as a national admin over the whole tree:
whoever runs commands on the server already holds the whole database.
"""

from argparse import ArgumentParser
from pathlib import Path
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from sieva.org.access import Access, user_access
from sieva.org.imports import RowError, error_report_csv
from sieva.org.models import OrgUnit, Role


class ImportCommand(BaseCommand):
    """Subclasses say what to run (`run_import`) and how to report success (`summary`)."""

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help="Berkas .csv atau .xlsx.")
        who = parser.add_mutually_exclusive_group()
        who.add_argument(
            "--scope-unit", help="Kode unit: hanya unit di bawahnya yang boleh diimpor."
        )
        who.add_argument("--user", help="Impor atas nama pengguna ini (cakupan dan jejak audit).")
        parser.add_argument(
            "--errors-csv", type=Path, help="Tulis daftar kesalahan ke berkas CSV ini."
        )

    def run_import(self, file_obj: IO[bytes], filename: str, *, actor: Any, access: Access) -> Any:
        raise NotImplementedError

    def summary(self, result: Any) -> str:
        raise NotImplementedError

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"Berkas tidak ditemukan: {path}")
        actor, access = _who(options.get("scope_unit"), options.get("user"))
        with path.open("rb") as file_obj:
            result = self.run_import(file_obj, path.name, actor=actor, access=access)
        if result.ok:
            self.stdout.write(self.style.SUCCESS(self.summary(result)))
            return
        errors: list[RowError] = result.errors
        for error in errors:
            row = error.row if error.row else "-"
            self.stderr.write(f"baris {row}\t{error.column or '-'}\t{error.message}")
        if options.get("errors_csv"):
            options["errors_csv"].write_bytes(error_report_csv(errors))
        raise CommandError(f"{len(errors)} kesalahan; tidak ada data yang disimpan.", returncode=1)


def _who(scope_code: str | None, username: str | None) -> tuple[Any, Access]:
    if username:
        user = get_user_model().objects.filter(username=username).first()
        access = user_access(user) if user else None
        if access is None:
            raise CommandError(f"Pengguna {username} tidak ada atau tidak memiliki peran.")
        return user, access
    if scope_code:
        unit = OrgUnit.objects.filter(code=scope_code).first()
        if unit is None:
            raise CommandError(f"Kode unit tidak ditemukan: {scope_code}")
        return None, Access(0, Role.AGENCY_ADMIN, unit.path, unit.pk, None)
    return None, Access(0, Role.NATIONAL_ADMIN, "/", None, None)
