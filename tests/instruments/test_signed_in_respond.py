"""Campaigns answered only by the signed-in invitee: no link is ever issued, the invitee answers
from their workspace, and nobody else — not even another signed-in employee — can."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sieva.instruments.campaigns.l3 import l3_campaigns_create
from sieva.instruments.campaigns.services import invitations_issue
from sieva.instruments.models import Invitation, Response
from sieva.instruments.services.standard import standard_instruments_load
from sieva.org.models import Role
from tests.factories import user_with_role
from tests.instruments.campaign_setup import invitation_of, make_campaign, medan_setting
from tests.instruments.conftest import VALID_ANSWERS

__all__ = ["medan_setting"]


def test_no_link_is_issued_for_a_signed_in_only_campaign(medan_setting):
    campaign = make_campaign(medan_setting, signed_in_only=True)
    with pytest.raises(ValidationError, match="hanya diisi lewat akun SIEVA"):
        invitations_issue(actor=None, campaign=campaign)
    assert not Invitation.objects.filter(campaign=campaign).exclude(token_hash="").exists()


def test_the_invitee_answers_signed_in_and_nobody_else_can(client, world, medan_setting):
    campaign = make_campaign(medan_setting, signed_in_only=True, anonymous=True)
    person = medan_setting.participants[0]
    invitation = invitation_of(campaign, person)
    url = reverse("instruments:respond_signed_in", args=[invitation.pk])
    someone = user_with_role(
        "someone", Role.PARTICIPANT, world.medan_health, employee=medan_setting.participants[1]
    )
    client.force_login(someone)
    assert client.get(url).status_code == 403
    assert client.post(url, VALID_ANSWERS).status_code == 403
    assert not Response.objects.exists()
    owner = user_with_role("owner", Role.PARTICIPANT, world.medan_health, employee=person)
    client.force_login(owner)
    assert client.get(url).status_code == 200
    response = client.post(url, VALID_ANSWERS)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "instruments:respond_signed_in_thanks", args=[invitation.pk]
    )
    stored = Response.objects.get(campaign=campaign)
    assert stored.respondent_id is None and stored.pseudonym  # anonymity kept
    assert client.get(url).status_code == 410  # used once


def test_signing_in_is_required(client, medan_setting):
    campaign = make_campaign(medan_setting, signed_in_only=True)
    invitation = invitation_of(campaign, medan_setting.participants[0])
    response = client.get(reverse("instruments:respond_signed_in", args=[invitation.pk]))
    assert response.status_code == 302 and "/akun/login/" in response["Location"]


def test_the_l3_scheduler_makes_supervisor_campaigns_signed_in_only(medan_setting, settings):
    standard_instruments_load()
    settings.SIEVA_L3_MONTHS_AFTER = 3
    created, _skipped = l3_campaigns_create(today=dt.date(2026, 9, 10))
    assert created and all(c.signed_in_only for c in created)
