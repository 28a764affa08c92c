"""Campaigns: who gets invited, what is refused, how links are issued, and L3 scheduling."""

import datetime as dt
import hashlib
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from sieva.audit.models import AuditEvent
from sieva.core.periods import add_months
from sieva.instruments.campaigns.l3 import l3_campaigns_create, l3_campaigns_due
from sieva.instruments.campaigns.services import (
    campaign_close,
    campaign_create,
    invitations_issue,
)
from sieva.instruments.models import Campaign, Invitation, Purpose, RaterKind
from sieva.org.access import user_access
from sieva.programs.models import CohortStatus
from tests.factories import CohortFactory, EmployeeFactory, EnrollmentFactory
from tests.instruments.campaign_setup import make_campaign, medan_setting, published_version

__all__ = ["medan_setting"]


def test_a_cohort_campaign_invites_each_participant_once_and_not_the_withdrawn(medan_setting):
    campaign = make_campaign(medan_setting)
    invited = set(campaign.invitations.values_list("employee_id", flat=True))
    assert invited == {p.pk for p in medan_setting.participants}
    assert medan_setting.withdrawn.pk not in invited
    assert campaign.owner == medan_setting.cohort.program.owner
    assert campaign.series == f"program-{medan_setting.cohort.program_id}:reaksi"
    assert AuditEvent.objects.filter(action="campaign.create", object_id=str(campaign.pk)).exists()


def test_an_l3_supervisor_campaign_invites_supervisors_once_per_alumnus(world, medan_setting):
    l3 = published_version(world.medan, "L3-ATASAN", Purpose.BEHAVIOUR, RaterKind.SUPERVISOR)
    campaign = make_campaign(medan_setting, version=l3, rater_kind=RaterKind.SUPERVISOR)
    pairs = set(campaign.invitations.values_list("employee_id", "subject_id"))
    supervised = [p for p in medan_setting.participants if p.supervisor_id]
    assert pairs == {(medan_setting.supervisor.pk, p.pk) for p in supervised}


def test_a_unit_campaign_invites_active_staff_of_the_subtree(world):
    version = published_version(world.medan)
    inside = EmployeeFactory(unit=world.medan_puskesmas)
    EmployeeFactory(unit=world.medan_puskesmas, is_active=False)
    EmployeeFactory(unit=world.medan_transport)
    now = timezone.now()
    campaign = campaign_create(
        actor=None,
        access=None,
        version=version,
        target_unit=world.medan_health,
        opens_at=now,
        closes_at=now + dt.timedelta(days=7),
    )
    assert list(campaign.invitations.values_list("employee_id", flat=True)) == [inside.pk]
    assert campaign.owner == world.medan_health and campaign.series.startswith(
        f"unit-{world.medan_health.pk}:"
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ("draft", "version"),
        ("closes_first", "closes_on"),
        ("rater_on_l1", "rater_kind"),
        ("two_targets", "__all__"),
    ],
)
def test_bad_campaigns_are_refused_with_the_field_and_nothing_is_stored(
    world, medan_setting, change, field
):
    overrides: dict = {}
    if change == "draft":
        medan_setting.version.frozen_at = None
        medan_setting.version.save()
    elif change == "closes_first":
        overrides = {"closes_at": timezone.now() - dt.timedelta(days=3)}
    elif change == "rater_on_l1":
        overrides = {"rater_kind": RaterKind.PEER}
    else:
        overrides = {"target_unit": world.medan_health}
    with pytest.raises(ValidationError) as caught:
        make_campaign(medan_setting, **overrides)
    assert field in caught.value.message_dict
    assert not Campaign.objects.exists() and not Invitation.objects.exists()


def test_a_palembang_admin_cannot_send_to_a_medan_cohort(world, medan_setting, bob):
    access = user_access(bob)
    with pytest.raises(ValidationError) as caught:
        make_campaign(medan_setting, access=access)
    assert "version" in caught.value.message_dict  # Medan's instrument is out of his scope too
    palembang_version = published_version(world.palembang, "REAKSI-PLG")
    with pytest.raises(ValidationError) as caught:
        make_campaign(medan_setting, access=access, version=palembang_version)
    assert "cohort" in caught.value.message_dict


def test_issued_links_are_stored_only_as_hashes_and_reissue_invalidates_old_ones(medan_setting):
    campaign = make_campaign(medan_setting)
    first = invitations_issue(actor=None, campaign=campaign)
    assert len(first) == len(medan_setting.participants)
    invitation, token = first[0]
    stored = Invitation.objects.get(pk=invitation.pk)
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in stored.token_hash and stored.sent_at is not None
    assert len({t for _i, t in first}) == len(first)
    second = {i.pk: t for i, t in invitations_issue(actor=None, campaign=campaign)}
    assert second[invitation.pk] != token
    assert Invitation.objects.get(pk=invitation.pk).token_hash != stored.token_hash


def test_closing_a_campaign_is_audited(medan_setting):
    campaign = campaign_close(actor=None, campaign=make_campaign(medan_setting))
    assert Campaign.objects.get(pk=campaign.pk).status == "ditutup"
    assert AuditEvent.objects.filter(action="campaign.close").count() == 1


def test_add_months_clips_to_the_end_of_the_month():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 15), 3) == dt.date(2027, 2, 15)
    assert add_months(dt.date(2026, 3, 31), -1) == dt.date(2026, 2, 28)


@pytest.fixture
def standard_l3(db):
    version = published_version(None, "l3-atasan", Purpose.BEHAVIOUR, RaterKind.SUPERVISOR)
    version.instrument.is_standard = True
    version.instrument.save()
    return version


def test_l3_campaigns_are_due_n_months_after_a_cohort_ends_and_created_once(
    medan_setting, standard_l3, settings
):
    settings.SIEVA_L3_MONTHS_AFTER = 3
    cohort = medan_setting.cohort  # ended 5 June 2026
    assert list(l3_campaigns_due(dt.date(2026, 9, 4))) == []
    assert list(l3_campaigns_due(dt.date(2026, 9, 5))) == [cohort]
    created, skipped = l3_campaigns_create(today=dt.date(2026, 9, 5))
    assert [c.cohort for c in created] == [cohort] and skipped == []
    campaign = created[0]
    assert campaign.anonymous and campaign.rater_kind == RaterKind.SUPERVISOR
    assert set(campaign.invitations.values_list("employee_id", flat=True)) == {
        medan_setting.supervisor.pk
    }
    again, _ = l3_campaigns_create(today=dt.date(2026, 12, 1))
    assert again == [] and Campaign.objects.count() == 1


def test_l3_scheduling_skips_cancelled_cohorts_and_reports_cohorts_without_supervisors(
    world, medan_setting, standard_l3
):
    CohortFactory(
        program=medan_setting.cohort.program,
        status=CohortStatus.CANCELLED,
        start_date=dt.date(2026, 1, 1),
        end_date=dt.date(2026, 1, 2),
    )
    lonely = CohortFactory(
        program=medan_setting.cohort.program,
        start_date=dt.date(2026, 2, 1),
        end_date=dt.date(2026, 2, 2),
    )
    EnrollmentFactory(
        cohort=lonely, employee=EmployeeFactory(unit=world.medan_health), status="lulus"
    )
    created, skipped = l3_campaigns_create(today=dt.date(2026, 12, 1))
    assert [c.cohort for c in created] == [medan_setting.cohort]
    assert [cohort for cohort, _reason in skipped] == [lonely]


def test_the_l3_command_creates_due_campaigns_and_is_idempotent(medan_setting, standard_l3):
    out = io.StringIO()
    call_command("create_l3_campaigns", "--tanggal", "2026-12-01", stdout=out)
    assert "1 kampanye L3 dibuat" in out.getvalue()
    call_command("create_l3_campaigns", "--tanggal", "2026-12-01", stdout=out)
    assert "0 kampanye L3 dibuat" in out.getvalue()
    assert Campaign.objects.count() == 1
