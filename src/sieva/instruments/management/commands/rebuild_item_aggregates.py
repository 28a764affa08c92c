"""`sieva rebuild_item_aggregates`: recompute item aggregates from the raw answers and report
every cell that differs; exit 1 when any does, `--fix` replaces them with the recomputed ones."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sieva.instruments.services.aggregates import compare_with_raw, replace_all

SHOWN = 50  # differences printed; the count says how many there are in all


class Command(BaseCommand):
    help = "Bandingkan agregat butir dengan jawaban mentah; --fix untuk memperbaikinya."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--fix", action="store_true", help="Ganti agregat dengan hasil hitung ulang."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        expected, differences = compare_with_raw()
        for difference in differences[:SHOWN]:
            item, row, unit, period = difference.key
            self.stdout.write(
                f"butir {item}{'/' + row if row else ''} unit {unit} {period:%Y-%m}: "
                f"tersimpan {difference.stored} ≠ dihitung {difference.expected}"
            )
        if not differences:
            self.stdout.write(f"Agregat cocok dengan jawaban mentah ({len(expected)} sel).")
            return
        self.stdout.write(f"{len(differences)} sel berbeda dari {len(expected)} sel.")
        if options["fix"]:
            replace_all(expected)
            self.stdout.write("Agregat diganti dengan hasil hitung ulang.")
            return
        raise SystemExit(1)
