"""Recompute the SKM aggregates from the raw responses and report every difference."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sieva.satisfaction.services.rebuild import aggregates_compare, aggregates_rebuild

SHOWN = 50


class Command(BaseCommand):
    help = (
        "Compare SKM aggregates with the raw responses; exit 1 on any difference unless "
        "--fix rewrites them from the responses."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--fix", action="store_true", help="Rewrite the aggregates.")

    def handle(self, *args: Any, fix: bool = False, **options: Any) -> None:
        differences = aggregates_compare()
        for d in differences[:SHOWN]:
            element = d.element or "responden"
            self.stdout.write(
                f"unit {d.unit_id} {d.period[:7]} {element}: tersimpan {d.stored}, seharusnya {d.expected}"
            )
        if len(differences) > SHOWN:
            self.stdout.write(f"… dan {len(differences) - SHOWN} selisih lain")
        if not differences:
            self.stdout.write(self.style.SUCCESS("Agregat SKM sama dengan respons mentah."))
            return
        if fix:
            aggregates_rebuild()
            self.stdout.write(self.style.SUCCESS(f"{len(differences)} selisih diperbaiki."))
            return
        raise CommandError(
            f"{len(differences)} agregat SKM berbeda dari respons mentah.", returncode=1
        )
