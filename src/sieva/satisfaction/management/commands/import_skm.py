"""Import SKM responses from a CSV/XLSX export as a national admin (all or nothing).

    sieva import_skm FILE --unit CODE [--map COLUMN=ELEMENT ...] [--dry-run] [--json]

The same decisions as the upload page: the service unit of the file (or a unit-code column),
the columns recognised by `sieva.satisfaction.mapping` and, where the file leaves them open
(bare U8/U9), the user's `--map`. Prints the mapping and every problem; writes nothing then.
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sieva.org.access import Access
from sieva.org.models import Role
from sieva.satisfaction.mapping import IGNORE, parse_overrides
from sieva.satisfaction.selectors import service_units
from sieva.satisfaction.services.imports import SkmImportResult, import_skm
from sieva.satisfaction.services.imports.wording import reason_text

SHOWN = 100


class Command(BaseCommand):
    help = (
        "Import SKM responses from FILE (.csv or .xlsx: Google Forms, KoboToolbox, LimeSurvey "
        "or own layout); prints every problem and writes nothing then."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--unit", help="kode unit layanan semua baris berkas")
        parser.add_argument(
            "--map",
            action="append",
            metavar="KOLOM=UNSUR",
            help="tetapkan isi sebuah kolom (kode unsur, kode_unit, tanggal, id_respon, "
            "kode profil, atau - untuk diabaikan); boleh berulang",
        )
        parser.add_argument("--dry-run", action="store_true", help="periksa saja, tanpa menyimpan")
        parser.add_argument("--json", action="store_true", help="keluaran JSON")

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        if not file.is_file():
            raise CommandError(f"{file} tidak ditemukan.")
        try:
            columns = parse_overrides(options["map"])
        except ValueError as exc:
            raise CommandError(f"--map {exc}: tulis KOLOM=UNSUR, mis. U8=sarana.") from None
        access = Access(0, Role.NATIONAL_ADMIN, "/", None, None)
        unit = None
        if options["unit"]:
            unit = service_units(access).filter(code__iexact=options["unit"].strip()).first()
            if unit is None:
                raise CommandError(f"Unit layanan {options['unit']} tidak ada.")
        with file.open("rb") as handle:
            result = import_skm(
                handle,
                file.name,
                actor=None,
                access=access,
                unit=unit,
                columns=columns,
                dry_run=options["dry_run"],
            )
        if options["json"]:
            self.stdout.write(json.dumps(_payload(result), ensure_ascii=False, indent=2))
        else:
            self._print(result)
        if not result.ok:
            raise CommandError(
                f"{result.error_count} masalah; tidak ada yang disimpan.", returncode=1
            )

    def _print(self, result: SkmImportResult) -> None:
        if result.mapping is not None:
            self.stderr.write("Pemetaan kolom:")
            for column in result.mapping.columns:
                target = column.target or "(tidak dipakai)"
                note = " — BELUM DIPASTIKAN" if column.ambiguous else ""
                self.stderr.write(
                    f"  {column.header} → {target} ({reason_text(column.reason)}){note}"
                )
        for error in result.errors[:SHOWN]:
            self.stderr.write(
                f"baris {error.row or '-'}, kolom {error.column or '-'}: {error.message}"
            )
        if not result.ok:
            return
        if result.already:
            when = f" pada {result.already_on:%d-%m-%Y}" if result.already_on else ""
            self.stdout.write(
                f"{result.already} dari {result.file_rows} baris sudah diimpor{when}; "
                "tidak dihitung dua kali."
            )
        verb = "akan diimpor (uji coba, tidak disimpan)" if result.dry_run else "diimpor"
        self.stdout.write(
            self.style.SUCCESS(f"{result.rows} respons {verb} ({result.unit_months} unit-bulan).")
        )


def _payload(result: SkmImportResult) -> dict[str, Any]:
    mapping = result.mapping
    return {
        "ok": result.ok,
        "dry_run": result.dry_run,
        "rows": result.rows,
        "unit_months": result.unit_months,
        "already_imported": result.already,
        "already_imported_on": result.already_on.isoformat() if result.already_on else None,
        "columns": [
            {
                "column": c.header,
                "target": c.target or None,
                "recognised_by": c.reason.value,
                "unconfirmed": c.ambiguous,
            }
            for c in (mapping.columns if mapping else ())
        ],
        "ignored": [c.header for c in mapping.columns if c.target == IGNORE] if mapping else [],
        "errors": [{"row": e.row, "column": e.column, "message": e.message} for e in result.errors],
        "error_count": result.error_count,
    }
