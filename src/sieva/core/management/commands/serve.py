"""`sieva serve`: the production stack — gunicorn, the task worker and the scheduler.

Reads DATABASE_URL, REDIS_URL, SIEVA_SECRET_KEY… (docs/deployment.md); binds SIEVA_BIND
(default 127.0.0.1:8000) with SIEVA_WEB_WORKERS processes (default 2 × cores + 1) behind a
reverse proxy that terminates HTTPS. Ctrl-C or SIGTERM stops all three."""

import os
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from sieva.core.processes import Process, run_together, sieva_command


def _workers() -> int:
    return int(os.environ.get("SIEVA_WEB_WORKERS", 2 * (os.cpu_count() or 1) + 1))


class Command(BaseCommand):
    help = "Jalankan server produksi (gunicorn), pekerja tugas latar, dan penjadwal bersama."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default=os.environ.get("SIEVA_BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=_workers())

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.DEBUG:
            self.stderr.write("SIEVA_DEBUG is on: production serving needs it off.")
            raise SystemExit(2)
        web = [
            sys.executable,
            "-m",
            "gunicorn",
            "sieva.config.wsgi",
            "--bind",
            options["bind"],
            "--workers",
            str(options["workers"]),
            "--access-logfile",
            "-",
            "--forwarded-allow-ips",
            os.environ.get("SIEVA_FORWARDED_ALLOW_IPS", "127.0.0.1"),
        ]
        status = run_together(
            [
                Process("web", web),
                Process("worker", sieva_command("db_worker", "--no-reload")),
                Process("scheduler", sieva_command("scheduler")),
            ],
            log=self.stdout,
        )
        raise SystemExit(status)
