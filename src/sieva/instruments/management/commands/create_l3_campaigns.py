"""`sieva create_l3_campaigns`: create the supervisor L3 campaigns that are due (idempotent)."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sieva.instruments.campaigns.l3 import l3_campaigns_create, months_after


class Command(BaseCommand):
    help = (
        "Buat kampanye L3 (atasan) untuk angkatan yang selesai SIEVA_L3_MONTHS_AFTER bulan "
        "lalu dan belum memilikinya. Aman dijalankan berulang (mis. tiap hari dari cron)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tanggal", help="Tanggal acuan TTTT-BB-HH (bawaan: hari ini, WIB).")
        parser.add_argument(
            "--bernama", action="store_true", help="Kampanye bernama, bukan anonim."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = (
                dt.date.fromisoformat(options["tanggal"])
                if options["tanggal"]
                else timezone.localdate()
            )
        except ValueError as exc:
            raise CommandError(f"--tanggal: {exc}") from None
        try:
            created, skipped = l3_campaigns_create(today=today, anonymous=not options["bernama"])
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        for campaign in created:
            self.stdout.write(f"dibuat: {campaign.name} ({campaign.invitations.count()} undangan)")
        for cohort, reason in skipped:
            self.stdout.write(f"dilewati: {cohort} – {reason}")
        self.stdout.write(
            f"{len(created)} kampanye L3 dibuat ({months_after()} bulan sesudah angkatan selesai)."
        )
