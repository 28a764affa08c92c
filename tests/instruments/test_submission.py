"""Answering through a personal link: the form, field errors, one use only, anonymity."""

import datetime as dt
import hashlib

import pytest
from django.urls import reverse
from django.utils import timezone

from sieva.audit.models import AuditEvent
from sieva.instruments.campaigns.services import campaign_close
from sieva.instruments.campaigns.submission import LinkUnusable, find_invitation, response_submit
from sieva.instruments.models import Answer, Campaign, ItemAggregate, Response
from sieva.instruments.pseudonyms import pseudonym
from sieva.org.models import Role
from sieva.programs.models import EnrollmentStatus
from tests.factories import CohortFactory, EnrollmentFactory, user_with_role
from tests.instruments.campaign_setup import (
    invitation_of,
    links,
    make_campaign,
    medan_setting,
    published_version,
)
from tests.instruments.conftest import VALID_ANSWERS

__all__ = ["medan_setting"]

FORM_POST = {"puas": "4", "moda": "kelas", "umur": "30", "nilai__materi": "3", "topik": ["a", "b"]}


@pytest.fixture
def named(medan_setting):
    campaign = make_campaign(medan_setting)
    return campaign, links(campaign)


def url(token: str) -> str:
    return reverse("instruments:respond", args=[token])


def test_the_form_shows_every_item_kind_without_login(client, named, medan_setting):
    campaign, tokens = named
    page = client.get(url(tokens[medan_setting.participants[0].pk]))
    html = page.content.decode()
    assert page.status_code == 200
    for name in (
        'name="puas"',
        'name="topik"',
        'name="nilai__materi"',
        'type="date"',
        'type="number"',
        "<textarea",
        'data-show-if-item="moda"',
    ):
        assert name in html, name
    assert page["Cache-Control"].startswith("max-age=0")


def test_a_missing_required_answer_is_shown_next_to_its_item_and_nothing_is_stored(
    client, named, medan_setting
):
    campaign, tokens = named
    person = medan_setting.participants[0]
    page = client.post(url(tokens[person.pk]), {"moda": "daring", "umur": "12", "puas": "4"})
    html = page.content.decode()
    assert page.status_code == 400
    assert 'id="f-koneksi-error"' in html and "Wajib diisi." in html
    assert 'id="f-umur-error"' in html and "Nilai minimal 18." in html
    assert 'value="12"' in html and 'value="daring" checked' in html  # answers kept
    assert not Response.objects.exists() and not ItemAggregate.objects.exists()
    assert invitation_of(campaign, person).answered_at is None


def test_a_valid_submission_stores_everything_and_the_link_then_refuses_a_second_use(
    client, named, medan_setting
):
    campaign, tokens = named
    person = medan_setting.participants[1]
    token = tokens[person.pk]
    posted = client.post(url(token), FORM_POST)
    assert posted.status_code == 302 and posted["Location"].endswith("/terima-kasih/")
    assert "Terima kasih" in client.get(posted["Location"]).content.decode()
    response = Response.objects.get()
    assert response.campaign == campaign and response.respondent == person
    assert response.unit == person.unit and response.pseudonym == ""
    assert Answer.objects.get(response=response, item__code="topik").value_json == ["a", "b"]
    invitation = invitation_of(campaign, person)
    assert invitation.answered_at is not None and invitation.response == response
    assert ItemAggregate.objects.filter(item__code="puas", unit=person.unit).get().count == 1

    again = client.get(url(token))
    assert again.status_code == 410
    day = timezone.localtime(invitation.answered_at)
    assert "Tautan ini sudah dipakai pada" in again.content.decode()
    assert str(day.year) in again.content.decode()
    assert client.post(url(token), FORM_POST).status_code == 410
    assert Response.objects.count() == 1


@pytest.mark.parametrize("token", ["x" * 32, "short", "a" * 32 + "'--", "Z" * 200])
def test_an_unknown_or_malformed_token_is_a_plain_404(client, named, token):
    page = client.get(f"/instrumen/isi/{token}/")
    assert page.status_code == 404
    assert "Reaksi" not in page.content.decode()


def test_thanks_page_needs_an_answered_link(client, named, medan_setting):
    _campaign, tokens = named
    token = tokens[medan_setting.participants[0].pk]
    thanks = client.get(reverse("instruments:respond_thanks", args=[token]))
    assert thanks.status_code == 302 and thanks["Location"] == url(token)
    assert client.get(reverse("instruments:respond_thanks", args=["q" * 32])).status_code == 404


def test_closed_ended_and_future_campaigns_explain_themselves(client, medan_setting):
    now = timezone.now()
    ended = make_campaign(
        medan_setting, opens_at=now - dt.timedelta(days=9), closes_at=now - dt.timedelta(days=2)
    )
    future = make_campaign(
        medan_setting, opens_at=now + dt.timedelta(days=2), closes_at=now + dt.timedelta(days=9)
    )
    closed = make_campaign(medan_setting)
    person = medan_setting.participants[0].pk
    ended_token, future_token, closed_token = (links(c)[person] for c in (ended, future, closed))
    campaign_close(actor=None, campaign=closed)
    assert "sudah ditutup" in client.get(url(ended_token)).content.decode()
    assert "baru dibuka" in client.get(url(future_token)).content.decode()
    page = client.post(url(closed_token), FORM_POST)
    assert page.status_code == 410 and "sudah ditutup" in page.content.decode()
    assert not Response.objects.exists()


def test_a_stale_second_submission_of_one_link_stores_nothing(named, medan_setting):
    campaign, tokens = named
    token = tokens[medan_setting.participants[0].pk]
    first, second = find_invitation(token), find_invitation(token)
    response_submit(invitation=first, answers=VALID_ANSWERS)
    with pytest.raises(LinkUnusable, match="sudah dipakai"):
        response_submit(invitation=second, answers=VALID_ANSWERS)
    assert Response.objects.count() == 1
    assert ItemAggregate.objects.get(item__code="puas").count == 1


def test_submissions_are_rate_limited_per_address(client, named, medan_setting, settings):
    settings.SIEVA_RESPOND_RATE_LIMIT = 2
    _campaign, tokens = named
    token = tokens[medan_setting.participants[0].pk]
    assert client.post(url(token), {}, REMOTE_ADDR="10.9.9.9").status_code == 400
    assert client.post(url(token), {}, REMOTE_ADDR="10.9.9.9").status_code == 400
    assert client.post(url(token), FORM_POST, REMOTE_ADDR="10.9.9.9").status_code == 429
    assert client.post(url(token), FORM_POST, REMOTE_ADDR="10.1.1.1").status_code == 302


def test_anonymous_answers_carry_a_pseudonym_that_pairs_within_a_program_only(
    world, client, medan_setting, settings
):
    pre = make_campaign(medan_setting, anonymous=True)
    post = make_campaign(medan_setting, anonymous=True)
    other_cohort = CohortFactory(name="Program lain")
    person = medan_setting.participants[0]
    EnrollmentFactory(cohort=other_cohort, employee=person, status=EnrollmentStatus.PASSED)
    other = make_campaign(medan_setting, cohort=other_cohort, anonymous=True)
    for campaign in (pre, post, other):
        assert client.post(url(links(campaign)[person.pk]), FORM_POST).status_code == 302
    by_campaign = {r.campaign_id: r for r in Response.objects.all()}
    assert all(r.respondent is None for r in by_campaign.values())
    assert by_campaign[pre.pk].pseudonym == by_campaign[post.pk].pseudonym
    assert by_campaign[pre.pk].pseudonym != by_campaign[other.pk].pseudonym
    assert by_campaign[pre.pk].pseudonym == pseudonym(pre.series, person.pk)
    # Keyed: not the bare hash of the id, and another key gives another pseudonym.
    assert by_campaign[pre.pk].pseudonym != hashlib.sha256(str(person.pk).encode()).hexdigest()
    settings.SIEVA_PSEUDONYM_KEY = "another-key"
    assert pseudonym(pre.series, person.pk) != by_campaign[pre.pk].pseudonym
    invitation = invitation_of(pre, person)
    assert invitation.response is None
    # Only the day is kept, on both sides, so times cannot be matched.
    local = timezone.localtime(by_campaign[pre.pk].submitted_at)
    assert (local.hour, local.minute, local.second) == (0, 0, 0)
    assert invitation.answered_at == by_campaign[pre.pk].submitted_at
    audit = AuditEvent.objects.filter(action="campaign.response", object_id=str(pre.pk)).get()
    assert audit.changes == {}


def test_an_anonymous_supervisor_answer_keys_the_alumnus_too(world, client, medan_setting):
    l3 = published_version(world.medan, "L3-ATASAN", "perilaku", "atasan")
    campaign = make_campaign(medan_setting, version=l3, rater_kind="atasan", anonymous=True)
    alumnus = medan_setting.participants[0]
    # Supervisors answer signed in (decision 0063), from their team workspace.
    boss = user_with_role(
        "boss", Role.PARTICIPANT, world.medan_health, employee=medan_setting.supervisor
    )
    client.force_login(boss)
    invitation = campaign.invitations.get(subject=alumnus)
    form = reverse("instruments:respond_signed_in", args=[invitation.pk])
    page = client.get(form)
    assert f"Penilaian tentang {alumnus.name}" in page.content.decode()
    assert client.post(form, FORM_POST).status_code == 302
    response = Response.objects.get()
    assert response.subject is None
    assert response.subject_pseudonym == pseudonym(campaign.series, alumnus.pk)
    assert response.pseudonym == pseudonym(campaign.series, medan_setting.supervisor.pk)


def test_named_campaign_response_records_the_person(named, medan_setting):
    campaign, tokens = named
    person = medan_setting.participants[2]
    submitted = response_submit(
        invitation=find_invitation(tokens[person.pk]), answers=VALID_ANSWERS
    )
    assert submitted.response.respondent == person
    assert Campaign.objects.get(pk=campaign.pk).responses.count() == 1
