"""`sieva scheduler`: enqueue the periodic tasks (settings.SIEVA_PERIODIC_TASKS) when due, and
end the jobs whose worker died (`sieva.core.jobs.reap`: the reaper cannot be a task, since the
worker that would run it may be the dead one).

Started by `sieva run` and `sieva serve` beside the worker; `--once` checks once and exits."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sieva.core import jobs
from sieva.core.scheduler import tick

CHECK_EVERY_SECONDS = 30


class Command(BaseCommand):
    help = "Antrekan tugas berkala yang sudah waktunya (evaluasi terjadwal, pengingat)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Periksa sekali lalu keluar.")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            for kind, key in jobs.reap():
                self.stdout.write(f"pekerja berhenti, tugas diakhiri: {kind} {key}")
            for path in tick():
                self.stdout.write(f"diantrekan: {path}")
            if options["once"]:
                return
            # Often enough that a dead worker's job is ended within about 1.5 lease times.
            time.sleep(min(CHECK_EVERY_SECONDS, jobs.lease_seconds() / 2))
