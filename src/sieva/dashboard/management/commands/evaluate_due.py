"""`sieva evaluate_due [--today YYYY-MM-DD] [--year YYYY] [--no-report]`: run the evaluation schedules that
are due — compute each program's period summary, produce its report, advance the due date.
Safe to run as often as you like (cron, daily): a period is never evaluated twice."""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sieva.dashboard.services.schedule import evaluate_due
from sieva.dashboard.services.summaries import year_refresh


class Command(BaseCommand):
    help = "Jalankan evaluasi terjadwal yang sudah jatuh tempo."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="Tanggal acuan (YYYY-MM-DD); bawaan hari ini.")
        parser.add_argument(
            "--year",
            type=int,
            help="Selain itu, hitung ulang ringkasan semua program dan pemenuhan JP tahun ini.",
        )
        parser.add_argument(
            "--no-report", action="store_true", help="Hitung ringkasan saja, tanpa laporan."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = (
                dt.date.fromisoformat(options["today"])
                if options["today"]
                else timezone.localdate()
            )
        except ValueError as error:
            raise CommandError(f"--today: {error}") from error
        if options["year"]:
            count = year_refresh(actor=None, year=options["year"])
            self.stdout.write(f"{count} ringkasan program tahun {options['year']} dihitung.")
        runs = evaluate_due(today=today, with_report=not options["no_report"])
        for run in runs:
            report = f" -> laporan #{run.snapshot_id}" if run.snapshot_id else ""
            self.stdout.write(f"{run.schedule.program.name} {run.period}{report}")
        self.stdout.write(f"{len(runs)} evaluasi terjadwal dijalankan ({today.isoformat()}).")
