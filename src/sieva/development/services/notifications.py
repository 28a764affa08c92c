"""Notifications: what waits on a person, in the app and by e-mail (Django's e-mail backend,
the console by default). `reminders_send` is idempotent: each thing is notified once."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sieva.development.models import Notification
from sieva.development.selectors.reminders import waiting


@dataclass(frozen=True)
class ReminderRun:
    created: int
    emailed: int


def notification_read(*, user: Any, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_read_all(*, user: Any) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def _email(user: Any, fresh: list[Notification]) -> bool:
    if not user.email:
        return False
    base = settings.SIEVA_SITE_URL.rstrip("/")
    lines = [f"- {n.title}\n  {base}{n.url}" for n in fresh]
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("SIEVA: %(count)d hal menunggu Anda") % {"count": len(fresh)}
        body = "\n".join(
            [
                _("Yth. %(name)s,") % {"name": user.get_full_name() or user.username},
                "",
                _("Hal berikut menunggu Anda di SIEVA:"),
                *lines,
                "",
                _("Semua pemberitahuan: %(url)s") % {"url": f"{base}/notifikasi/"},
            ]
        )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    return True


def reminders_send(*, today: dt.date | None = None, email: bool = True) -> ReminderRun:
    """Create a notification for everything newly waiting, and send each person one e-mail
    listing theirs (`email=False`: in the app only, as the demo does). Running it twice
    creates and sends nothing the second time."""
    today = today or timezone.localdate()
    created: dict[int, list[Notification]] = {}
    with transaction.atomic():
        existing = set(Notification.objects.values_list("user_id", "key"))
        for due in waiting(today):
            if (due.user_id, due.key) in existing:
                continue
            existing.add((due.user_id, due.key))
            note = Notification.objects.create(
                user_id=due.user_id, key=due.key, title=due.title[:200], url=due.url
            )
            created.setdefault(due.user_id, []).append(note)
    emailed = 0
    if not email:
        return ReminderRun(sum(len(v) for v in created.values()), 0)
    users = get_user_model().objects.in_bulk(list(created))
    for user_id, fresh in created.items():
        if _email(users[user_id], fresh):
            Notification.objects.filter(pk__in=[n.pk for n in fresh]).update(
                emailed_at=timezone.now()
            )
            emailed += 1
    return ReminderRun(sum(len(v) for v in created.values()), emailed)
