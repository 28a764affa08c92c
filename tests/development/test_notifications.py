import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from sieva.development.models import Notification
from sieva.development.services.notifications import reminders_send
from sieva.development.tasks import next_run, schedule_next, send_reminders
from sieva.instruments.campaigns.services import campaign_create
from sieva.programs.models import EnrollmentStatus
from tests.factories import EnrollmentFactory
from tests.instruments.campaign_setup import published_version


@pytest.fixture
def waiting_questionnaire(world, pia, pia_employee):
    pia.email = "pia@example.go.id"
    pia.save()
    cohort = EnrollmentFactory(employee=pia_employee, status=EnrollmentStatus.PASSED).cohort
    now = timezone.now()
    return campaign_create(
        actor=None,
        access=None,
        version=published_version(world.medan),
        cohort=cohort,
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=7),
        signed_in_only=True,
    )


def test_reminders_notify_once_in_the_app_and_by_email(pia, waiting_questionnaire):
    first = reminders_send()
    assert first.created == 1 and first.emailed == 1
    note = Notification.objects.get(user=pia)
    assert note.url == reverse(
        "instruments:respond_signed_in", args=[waiting_questionnaire.invitations.get().pk]
    )
    (message,) = mail.outbox
    assert message.to == ["pia@example.go.id"] and "menunggu Anda" in message.subject
    assert note.url in message.body
    again = reminders_send()
    assert (again.created, again.emailed) == (0, 0)
    assert len(mail.outbox) == 1


def test_the_command_and_the_task_run_the_same_reminders(pia, waiting_questionnaire):
    call_command("send_reminders")
    assert Notification.objects.filter(user=pia).count() == 1
    Notification.objects.all().delete()
    send_reminders.enqueue()  # the immediate backend runs it now (a db_worker in production)
    assert Notification.objects.filter(user=pia).count() == 1


def test_the_next_run_is_seven_in_the_morning_wib():
    wib = timezone.get_fixed_timezone(7 * 60)
    assert next_run(dt.datetime(2026, 11, 3, 6, 0, tzinfo=wib)).hour == 7
    assert next_run(dt.datetime(2026, 11, 3, 8, 0, tzinfo=wib)).day == 4


def test_the_immediate_backend_cannot_defer_so_nothing_is_queued():
    assert schedule_next() is False


def test_opening_a_notification_marks_it_read_and_goes_there(client, pia, waiting_questionnaire):
    reminders_send()
    note = Notification.objects.get(user=pia)
    client.force_login(pia)
    page = client.get(reverse("development:notifications")).content.decode()
    assert note.title in page
    response = client.post(reverse("development:notification_open", args=[note.pk]))
    assert response["Location"] == note.url
    note.refresh_from_db()
    assert note.read_at is not None


def test_someone_elses_notification_is_a_404(client, alice, pia, waiting_questionnaire):
    reminders_send()
    note = Notification.objects.get(user=pia)
    client.force_login(alice)
    assert client.post(reverse("development:notification_open", args=[note.pk])).status_code == 404


def test_with_the_database_backend_the_daily_run_is_queued_once(settings, db):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    now = dt.datetime(2026, 11, 3, 9, 0, tzinfo=timezone.get_fixed_timezone(7 * 60))
    assert schedule_next(now) is True
    assert schedule_next(now) is False  # already queued
    queued = DBTaskResult.objects.get()
    assert timezone.localtime(queued.run_after).replace(tzinfo=None) == dt.datetime(
        2026, 11, 4, 7, 0
    )
