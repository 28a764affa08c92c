"""`sieva import_org FILE [--scope-unit CODE | --user NAME] [--errors-csv OUT]`: an
organisation structure (docs/org-import.md), all rows or none.

Exit status 1 when the file is rejected (see `sieva.org.management.importing`).
"""

from typing import IO, Any

from sieva.org.access import Access
from sieva.org.imports.units import UnitImportResult, import_units
from sieva.org.management.importing import ImportCommand


class Command(ImportCommand):
    help = (
        "Mengimpor struktur organisasi (unit) dari berkas CSV atau XLSX (semua baris atau "
        "tidak sama sekali)."
    )

    def run_import(
        self, file_obj: IO[bytes], filename: str, *, actor: Any, access: Access
    ) -> UnitImportResult:
        return import_units(file_obj, filename, actor=actor, access=access)

    def summary(self, result: UnitImportResult) -> str:
        return (
            f"Selesai: {result.created} unit baru, {result.updated} diperbarui, "
            f"{result.unchanged} tidak berubah."
        )
