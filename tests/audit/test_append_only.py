"""The audit trail is append-only everywhere: in code, in the admin, and for the accounts that
acted; and edits made in the Django admin are audited like any other."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import ProtectedError
from django.urls import reverse

from sieva.audit.admin import AuditedModelAdmin
from sieva.audit.models import AppendOnlyError, AuditEvent
from sieva.audit.services import audit_record


@pytest.fixture
def event(db, alice):
    return audit_record(actor=alice, action="test.action", object_type="x.Y")


def test_an_event_cannot_be_changed_or_deleted_in_code(event):
    event.action = "forged"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="forged")
    assert AuditEvent.objects.get(pk=event.pk).action == "test.action"


def test_an_account_that_acted_cannot_be_deleted_so_its_events_keep_their_author(event, alice):
    with pytest.raises(ProtectedError):
        alice.delete()


def test_the_admin_offers_no_way_to_change_or_delete_an_event(client, event):
    root = get_user_model().objects.create_superuser("root", "root@example.org", "x-Passw0rd!")
    client.force_login(root)
    change = reverse("admin:audit_auditevent_change", args=[event.pk])
    delete = reverse("admin:audit_auditevent_delete", args=[event.pk])
    assert client.post(change, {"action": "forged"}).status_code in (302, 403)
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.get(pk=event.pk).action == "test.action"


def test_every_editable_model_in_the_admin_audits_its_edits():
    unaudited = [
        f"{model._meta.label}: {type(model_admin).__name__}"
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label
        in {
            "auth",
            "org",
            "programs",
            "instruments",
            "satisfaction",
            "indicators",
            "evaluation",
            "recommendations",
            "reports",
            "dashboard",
            "core",
        }
        and not isinstance(model_admin, AuditedModelAdmin)
    ]
    assert not unaudited


def test_a_superusers_edit_in_the_admin_is_in_the_trail(client, db):
    root = get_user_model().objects.create_superuser("root", "root@example.org", "x-Passw0rd!")
    target = get_user_model().objects.create_user("dina", "dina@example.org", "x-Passw0rd!")
    client.force_login(root)
    url = reverse("admin:auth_user_change", args=[target.pk])
    form = {
        "username": "dina",
        "email": "dina@example.org",
        "first_name": "Dina",
        "last_name": "",
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "08:00:00",
        "initial-date_joined_0": "2026-01-01",
        "initial-date_joined_1": "08:00:00",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(action="admin.change", object_id=str(target.pk))
    assert event.actor == root and event.changes["first_name"] == "Dina"
