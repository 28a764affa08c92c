"""Shared set-up for the campaign, submission and aggregate tests: a finished Medan cohort with
participants (and their supervisors) and a published reaction instrument."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from sieva.instruments.campaigns.services import campaign_create, invitations_issue
from sieva.instruments.exchange.document import write_version
from sieva.instruments.models import Campaign, Instrument, InstrumentVersion, Invitation, Purpose
from sieva.programs.models import EnrollmentStatus
from tests.factories import CohortFactory, EmployeeFactory, EnrollmentFactory, ProgramFactory
from tests.instruments.conftest import sample_document


def published_version(
    owner: Any, code: str = "REAKSI-MDN", purpose: str = Purpose.REACTION, rater_kind: str = ""
) -> InstrumentVersion:
    instrument = Instrument.objects.create(
        owner=owner, code=code, title=f"Reaksi {code}", purpose=purpose, rater_kind=rater_kind
    )
    document = sample_document(code)
    document["instrument"]["purpose"] = purpose
    version = write_version(instrument=instrument, number=1, document=document)
    version.frozen_at = timezone.now()
    version.save(update_fields=["frozen_at"])
    return version


@dataclass
class Setting:
    version: InstrumentVersion
    cohort: Any
    participants: list[Any]
    supervisor: Any
    withdrawn: Any


@pytest.fixture
def medan_setting(world) -> Setting:
    program = ProgramFactory(owner=world.medan, name="Layanan Prima Medan")
    cohort = CohortFactory(
        program=program,
        name="Angkatan I",
        start_date=dt.date(2026, 6, 1),
        end_date=dt.date(2026, 6, 5),
    )
    supervisor = EmployeeFactory(unit=world.medan_health, name="Kepala Seksi Ratna")
    participants = [
        EmployeeFactory(
            unit=world.medan_health if n % 2 else world.medan_puskesmas,
            name=f"Peserta {n}",
            supervisor=supervisor if n < 3 else None,
        )
        for n in range(6)
    ]
    for person in participants:
        EnrollmentFactory(cohort=cohort, employee=person, status=EnrollmentStatus.PASSED)
    withdrawn = EmployeeFactory(unit=world.medan_health, name="Mundur Sekali")
    EnrollmentFactory(cohort=cohort, employee=withdrawn, status=EnrollmentStatus.WITHDRAWN)
    return Setting(published_version(world.medan), cohort, participants, supervisor, withdrawn)


def make_campaign(setting: Setting, **overrides: Any) -> Campaign:
    arguments: dict[str, Any] = {
        "actor": None,
        "access": None,
        "version": setting.version,
        "cohort": setting.cohort,
        # Open around the real clock: the web pages use it, and CI runs on any date.
        "opens_at": timezone.now() - dt.timedelta(days=1),
        "closes_at": timezone.now() + dt.timedelta(days=30),
    }
    arguments.update(overrides)
    return campaign_create(**arguments)


def links(campaign: Campaign) -> dict[int, str]:
    """Employee id → token of a freshly issued link."""
    return {
        inv.employee_id: token for inv, token in invitations_issue(actor=None, campaign=campaign)
    }


def invitation_of(campaign: Campaign, employee: Any) -> Invitation:
    return Invitation.objects.get(campaign=campaign, employee=employee)
