"""Recompute the JP store from attendance and report every difference (decision 0067)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

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
        if len(differences) > SHOWN:
            self.stdout.write(f"… dan {len(differences) - SHOWN} selisih lain")
        if not differences:
            self.stdout.write(self.style.SUCCESS("JP tersimpan sama dengan daftar hadir."))
            return
        if fix:
            jp_store_rebuild()
            self.stdout.write(self.style.SUCCESS(f"{len(differences)} selisih diperbaiki."))
            return
        raise CommandError(
            f"{len(differences)} JP tersimpan berbeda dari daftar hadir.", returncode=1
        )
