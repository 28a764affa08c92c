"""Anonymous campaigns cannot be re-identified (issue 10 item 4, decision 0062): no per-person
pending list, no quasi-identifier on rows of groups under five, pseudonyms that pair a
program's pre- and post-test only, and no rows at all for readers without personal-data rights.
"""

from django.urls import reverse

from sieva.instruments.campaigns.submission import find_invitation, response_submit
from sieva.instruments.models import Purpose, RaterKind, Response
from sieva.instruments.pseudonyms import pseudonym
from sieva.programs.models import EnrollmentStatus
from tests.core.readback import csv_rows
from tests.factories import EmployeeFactory, EnrollmentFactory
from tests.instruments.campaign_setup import links, make_campaign, medan_setting, published_version
from tests.instruments.conftest import VALID_ANSWERS

__all__ = ["medan_setting"]


def answer(tokens, people) -> None:
    for person in people:
        response_submit(invitation=find_invitation(tokens[person.pk]), answers=VALID_ANSWERS)


def _detail(client, campaign) -> str:
    return client.get(reverse("instruments:campaign_detail", args=[campaign.pk])).content.decode()


def test_the_pending_list_of_an_anonymous_campaign_names_nobody_as_answers_arrive(
    client, alice, medan_setting
):
    campaign = make_campaign(medan_setting, anonymous=True)
    tokens = links(campaign)
    client.force_login(alice)
    answer(tokens, medan_setting.participants[:1])
    html = _detail(client, campaign)
    # Watching a name disappear would tell who just answered: only counts are shown.
    assert all(person.name not in html for person in medan_setting.participants)
    assert "5 orang belum menjawab" in html


def test_reissued_links_of_an_anonymous_campaign_still_list_everyone(client, alice, medan_setting):
    campaign = make_campaign(medan_setting, anonymous=True)
    tokens = links(campaign)
    answer(tokens, medan_setting.participants[:2])
    client.force_login(alice)
    rows = csv_rows(client.post(reverse("instruments:campaign_links", args=[campaign.pk])))
    names = {row[1] for row in rows[1:]}
    assert names == {person.name for person in medan_setting.participants}
    # The answered people's new links explain that the link was used, nothing more.
    used = next(row[-1] for row in rows[1:] if row[1] == medan_setting.participants[0].name)
    client.logout()
    assert client.get(used).status_code == 410


def test_the_pending_list_of_a_named_campaign_still_names_people(client, olga, medan_setting):
    campaign = make_campaign(medan_setting)
    answer(links(campaign), medan_setting.participants[:1])
    client.force_login(olga)
    html = _detail(client, campaign)
    assert medan_setting.participants[1].name in html


def _export(client, campaign):
    url = reverse("instruments:campaign_responses", args=[campaign.pk]) + "?format=csv"
    return csv_rows(client.get(url))


def test_anonymous_rows_show_a_unit_only_when_five_or_more_answered_from_it(
    client, alice, world, medan_setting
):
    extra = [EmployeeFactory(unit=world.medan_health, name=f"Tambahan {n}") for n in range(3)]
    for person in extra:
        EnrollmentFactory(
            cohort=medan_setting.cohort, employee=person, status=EnrollmentStatus.PASSED
        )
    campaign = make_campaign(medan_setting, anonymous=True)
    tokens = links(campaign)
    # Health: participants 1, 3, 5 and the three extra (6); Puskesmas: participants 0, 2, 4 (3).
    answer(tokens, [*medan_setting.participants, *extra])
    client.force_login(alice)
    rows = _export(client, campaign)
    unit = rows[0].index("Unit")
    units = [row[unit] for row in rows[1:]]
    assert units.count(world.medan_health.name) == 6
    assert world.medan_puskesmas.name not in units
    assert units.count("") == 3


def test_a_leader_sees_no_rows_of_an_anonymous_campaign(client, lina, medan_setting):
    campaign = make_campaign(medan_setting, anonymous=True)
    answer(links(campaign), medan_setting.participants)
    client.force_login(lina)
    assert len(_export(client, campaign)) == 1  # the header only
    page = client.get(reverse("instruments:campaign_responses", args=[campaign.pk]))
    assert "hak data pribadi" in page.content.decode()


def test_pseudonyms_pair_the_pre_and_post_test_but_not_the_l3_survey(world, medan_setting):
    test = published_version(world.medan, "TES-MDN", Purpose.TEST)
    l3_self = published_version(world.medan, "L3-DIRI", Purpose.BEHAVIOUR, RaterKind.SELF)
    l3_boss = published_version(world.medan, "L3-ATASAN", Purpose.BEHAVIOUR, RaterKind.SUPERVISOR)
    pre = make_campaign(medan_setting, version=test, phase="pre", anonymous=True)
    post = make_campaign(medan_setting, version=test, phase="post", anonymous=True)
    behaviour = make_campaign(
        medan_setting, version=l3_self, rater_kind=RaterKind.SELF, anonymous=True
    )
    person = medan_setting.participants[0]
    for campaign in (pre, post, behaviour):
        answer(links(campaign), [person])
    by_campaign = dict(Response.objects.values_list("campaign_id", "pseudonym"))
    assert by_campaign[pre.pk] == by_campaign[post.pk]
    assert by_campaign[behaviour.pk] != by_campaign[pre.pk]
    # The supervisor's rating pairs with the alumnus's own L3 answers, not with the tests.
    rating = make_campaign(
        medan_setting, version=l3_boss, rater_kind=RaterKind.SUPERVISOR, anonymous=True
    )
    invitation = rating.invitations.get(subject=person)
    assert pseudonym(rating.series, person.pk) == by_campaign[behaviour.pk]
    assert pseudonym(rating.series, person.pk) != by_campaign[pre.pk]
    assert invitation.employee == medan_setting.supervisor
