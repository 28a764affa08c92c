"""`sieva schedule_reminders`: queue the daily reminders task for the worker (idempotent)."""

from typing import Any

from django.core.management.base import BaseCommand

from sieva.development.tasks import schedule_next


class Command(BaseCommand):
    help = "Menjadwalkan pengingat harian untuk dijalankan worker (sekali saja)."

    def handle(self, *args: Any, **options: Any) -> None:
        if schedule_next():
            self.stdout.write("Pengingat harian dijadwalkan (pukul 07.00 WIB).")
        else:
            self.stdout.write("Pengingat harian sudah terjadwal.")
