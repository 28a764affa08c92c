"""`sieva import_employees FILE [--scope-unit CODE | --user NAME] [--errors-csv OUT]`.

Exit status 1 when the file is rejected (see `sieva.org.management.importing`).
"""

from typing import IO, Any

from sieva.org.access import Access
from sieva.org.imports import ImportResult, import_employees
from sieva.org.management.importing import ImportCommand


class Command(ImportCommand):
    help = "Mengimpor pegawai dari berkas CSV atau XLSX (semua baris atau tidak sama sekali)."

    def run_import(
        self, file_obj: IO[bytes], filename: str, *, actor: Any, access: Access
    ) -> ImportResult:
        return import_employees(file_obj, filename, actor=actor, access=access)

    def summary(self, result: ImportResult) -> str:
        return f"Selesai: {result.created} pegawai baru, {result.updated} diperbarui."
