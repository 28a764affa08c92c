"""`sieva run [ADDRESS]`: the development server, the task worker and the scheduler together.

`make run` uses it, so imports that run in the background, the dashboard's "hitung ulang" and
scheduled evaluations work on the embedded SQLite default. Ctrl-C stops all three."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sieva.core.processes import Process, run_together, sieva_command


class Command(BaseCommand):
    help = "Jalankan server pengembangan, pekerja tugas latar, dan penjadwal bersama."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("address", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args: Any, **options: Any) -> None:
        status = run_together(
            [
                Process("web", sieva_command("runserver", options["address"], "--noreload")),
                Process("worker", sieva_command("db_worker", "--no-reload", "--interval", "1")),
                Process("scheduler", sieva_command("scheduler")),
            ],
            log=self.stdout,
        )
        raise SystemExit(status)
