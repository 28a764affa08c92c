from typing import Any

from django.core.management.base import BaseCommand, CommandError

from sieva.instruments.services.standard import standard_instruments_load


class Command(BaseCommand):
    help = "Muat templat instrumen standar (L1, L2, L3, analisis kebutuhan, SKM). Aman diulang."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = standard_instruments_load()
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Templat standar: {len(report.created)} baru, {len(report.updated)} diperbarui, "
            f"{len(report.unchanged)} tetap."
        )
