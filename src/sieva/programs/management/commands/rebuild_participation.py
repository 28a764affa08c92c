"""Recompute the participation store from enrollment and attendance and report every
difference (decision 0069)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sieva.programs.services import participation_store_compare, participation_store_rebuild
from sieva.programs.services.participation_store import Counts

SHOWN = 50


def _shown(value: Counts | None) -> str:
    if value is None:
        return "—"
    invited, registered, attended, completed, withdrawn, jp = value
    return (
        f"{invited} diundang, {registered} terdaftar, {attended} hadir, {completed} selesai, "
        f"{withdrawn} mengundurkan diri, {jp} JP"
    )


class Command(BaseCommand):
    help = (
        "Compare the stored participation funnel per cohort, unit and absence reason with "
        "enrollment and attendance; exit 1 on any difference unless --fix rewrites the store."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--fix", action="store_true", help="Rewrite the participation store.")

    def handle(self, *args: Any, fix: bool = False, **options: Any) -> None:
        differences = participation_store_compare()
        for d in differences[:SHOWN]:
            cohort, unit, reason = d.key
            self.stdout.write(
                f"angkatan {cohort}, unit {unit}, alasan “{reason}”: tersimpan "
                f"{_shown(d.stored)}; seharusnya {_shown(d.expected)}"
            )
        if len(differences) > SHOWN:
            self.stdout.write(f"… dan {len(differences) - SHOWN} selisih lain")
        if not differences:
            self.stdout.write(
                self.style.SUCCESS("Partisipasi tersimpan sama dengan data peserta dan hadir.")
            )
            return
        if fix:
            participation_store_rebuild()
            self.stdout.write(self.style.SUCCESS(f"{len(differences)} selisih diperbaiki."))
            return
        raise CommandError(
            f"{len(differences)} sel partisipasi tersimpan berbeda dari data peserta.",
            returncode=1,
        )
