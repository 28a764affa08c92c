"""`sieva scheduler`: enqueue the periodic tasks (settings.SIEVA_PERIODIC_TASKS) when due.

Started by `sieva run` and `sieva serve` beside the worker; `--once` checks once and exits."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sieva.core.scheduler import tick

CHECK_EVERY_SECONDS = 30


class Command(BaseCommand):
    help = "Antrekan tugas berkala yang sudah waktunya (evaluasi terjadwal, pengingat)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Periksa sekali lalu keluar.")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            for path in tick():
                self.stdout.write(f"diantrekan: {path}")
            if options["once"]:
                return
            time.sleep(CHECK_EVERY_SECONDS)
