"""A supervisor's L3 rating is bound to that supervisor's login (issue 10 item 4, decision
0063): whoever else holds the link or the address — the rated employee first of all — is
refused with a clear message, and the attempt is audited."""

from django.urls import reverse

from sieva.audit.models import AuditEvent
from sieva.instruments.campaigns.services import invitations_issue
from sieva.instruments.models import Campaign, Purpose, RaterKind, Response
from sieva.org.models import Role
from tests.factories import user_with_role
from tests.instruments.campaign_setup import make_campaign, medan_setting, published_version
from tests.instruments.conftest import VALID_ANSWERS

__all__ = ["medan_setting"]


def _rating(world, setting, **overrides) -> Campaign:
    l3 = published_version(world.medan, "L3-ATASAN", Purpose.BEHAVIOUR, RaterKind.SUPERVISOR)
    return make_campaign(setting, version=l3, rater_kind=RaterKind.SUPERVISOR, **overrides)


def test_a_supervisor_rating_is_always_answered_signed_in(world, medan_setting):
    campaign = _rating(world, medan_setting, signed_in_only=False)
    assert campaign.signed_in_only


def _refusals() -> int:
    return AuditEvent.objects.filter(action="campaign.respond_refused").count()


def test_the_rated_employee_is_refused_clearly_and_the_attempt_is_audited(
    client, world, medan_setting
):
    campaign = _rating(world, medan_setting, anonymous=True)
    rated = medan_setting.participants[0]
    invitation = campaign.invitations.get(subject=rated)
    url = reverse("instruments:respond_signed_in", args=[invitation.pk])
    client.force_login(
        user_with_role("rated", Role.PARTICIPANT, world.medan_health, employee=rated)
    )
    got = client.get(url)
    assert got.status_code == 403
    assert "Anda adalah pegawai yang dinilai" in got.content.decode()
    assert client.post(url, VALID_ANSWERS).status_code == 403
    assert not Response.objects.exists()
    event = AuditEvent.objects.filter(action="campaign.respond_refused").latest("pk")
    assert event.object_id == str(campaign.pk) and event.changes["reason"] == "dinilai"
    assert _refusals() == 2


def test_another_signed_in_colleague_is_refused_and_audited(client, world, medan_setting):
    campaign = _rating(world, medan_setting)
    invitation = campaign.invitations.get(subject=medan_setting.participants[0])
    colleague = user_with_role(
        "colleague", Role.PARTICIPANT, world.medan_health, employee=medan_setting.participants[4]
    )
    client.force_login(colleague)
    got = client.get(reverse("instruments:respond_signed_in", args=[invitation.pk]))
    assert got.status_code == 403
    assert "ditujukan kepada atasan" in got.content.decode()
    assert (
        AuditEvent.objects.get(action="campaign.respond_refused").changes["reason"]
        == "bukan_undangan"
    )


def test_the_supervisor_answers_signed_in(client, world, medan_setting):
    campaign = _rating(world, medan_setting, anonymous=True)
    invitation = campaign.invitations.get(subject=medan_setting.participants[0])
    boss = user_with_role(
        "boss", Role.PARTICIPANT, world.medan_health, employee=medan_setting.supervisor
    )
    client.force_login(boss)
    url = reverse("instruments:respond_signed_in", args=[invitation.pk])
    assert client.post(url, VALID_ANSWERS).status_code == 302
    assert Response.objects.get(campaign=campaign).subject_pseudonym


def _legacy_link(campaign: Campaign, subject) -> str:
    """A link issued before supervisor ratings were bound to a login (decision 0063)."""
    Campaign.objects.filter(pk=campaign.pk).update(signed_in_only=False)
    campaign.refresh_from_db()
    issued = invitations_issue(actor=None, campaign=campaign)
    Campaign.objects.filter(pk=campaign.pk).update(signed_in_only=True)
    token = next(token for inv, token in issued if inv.subject_id == subject.pk)
    return reverse("instruments:respond", args=[token])


def test_an_old_supervisor_link_needs_the_supervisors_login(client, world, medan_setting):
    rated = medan_setting.participants[0]
    campaign = _rating(world, medan_setting)
    link = _legacy_link(campaign, rated)
    invitation = campaign.invitations.get(subject=rated)
    got = client.get(link)
    assert got.status_code == 302 and "/akun/login/" in got["Location"]
    client.force_login(
        user_with_role("rated", Role.PARTICIPANT, world.medan_health, employee=rated)
    )
    refused = client.post(link, VALID_ANSWERS)
    assert refused.status_code == 403 and not Response.objects.exists()
    assert _refusals() == 1
    client.force_login(
        user_with_role(
            "boss", Role.PARTICIPANT, world.medan_health, employee=medan_setting.supervisor
        )
    )
    got = client.get(link)
    assert got.status_code == 302
    assert got["Location"] == reverse("instruments:respond_signed_in", args=[invitation.pk])
