"""Recompute the JP store from attendance, and the per-unit counts from it and the employees,
and report every difference (decisions 0067, 0070)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sieva.programs.selectors.jp_units import jp_units_compare
from sieva.programs.services import jp_store_compare, jp_store_rebuild

SHOWN = 50


def _shown(value: tuple[Any, int] | None) -> str:
    return "—" if value is None else f"{value[0]} JP ({value[1]})"


class Command(BaseCommand):
    help = (
        "Compare the stored JP per employee, day and year with attendance; exit 1 on any "
        "difference unless --fix rewrites the store from attendance."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--fix", action="store_true", help="Rewrite the JP store.")

    def handle(self, *args: Any, fix: bool = False, **options: Any) -> None:
        differences = jp_store_compare()
        for d in differences[:SHOWN]:
            self.stdout.write(
                f"pegawai {d.employee_id} {d.period}: tersimpan {_shown(d.stored)}, "
                f"seharusnya {_shown(d.expected)}"
            )
        units = jp_units_compare()
        for u in units[:SHOWN]:
            self.stdout.write(
                f"unit {u.unit_id} {u.year}: tersimpan {u.stored}, seharusnya {u.expected} "
                "(PNS, memenuhi, PPPK, melebihi, ganda, hari ganda)"
            )
        hidden = max(0, len(differences) - SHOWN) + max(0, len(units) - SHOWN)
        if hidden:
            self.stdout.write(f"… dan {hidden} selisih lain")
        count = len(differences) + len(units)
        if not count:
            self.stdout.write(
                self.style.SUCCESS("JP tersimpan sama dengan daftar hadir dan data pegawai.")
            )
            return
        if fix:
            jp_store_rebuild()
            self.stdout.write(self.style.SUCCESS(f"{count} selisih diperbaiki."))
            return
        raise CommandError(f"{count} JP tersimpan berbeda dari daftar hadir.", returncode=1)
