"""`sieva send_reminders [--today YYYY-MM-DD]`: notify (in the app and by e-mail) everything
newly waiting on each person. Idempotent; for cron where no task worker runs."""

import datetime as dt
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from sieva.development.services.notifications import reminders_send


class Command(BaseCommand):
    help = "Mengirim pengingat untuk hal yang menunggu setiap orang (sekali per hal)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--today", type=dt.date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        run = reminders_send(today=options["today"])
        self.stdout.write(f"{run.created} pemberitahuan baru, {run.emailed} surel terkirim.")
