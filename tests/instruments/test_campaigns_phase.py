"""Test campaigns say whether they are the pre-test or the post-test; others may not."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sieva.instruments.campaigns.services import campaign_create
from sieva.org.access import user_access
from tests.evaluation.engine.builders import standard_version
from tests.factories import CohortFactory, EmployeeFactory, EnrollmentFactory, ProgramFactory

OPENS = timezone.make_aware(dt.datetime(2026, 3, 2, 8))


@pytest.fixture
def cohort(world):
    cohort = CohortFactory(program=ProgramFactory(owner=world.medan))
    for _ in range(3):
        EnrollmentFactory(
            cohort=cohort, employee=EmployeeFactory(unit=world.medan_health), status="hadir"
        )
    return cohort


def _create(alice, cohort, code, **kw):
    return campaign_create(
        actor=alice,
        access=user_access(alice),
        version=standard_version(code),
        cohort=cohort,
        opens_at=OPENS,
        closes_at=OPENS + dt.timedelta(days=1),
        **kw,
    )


def test_a_test_campaign_needs_its_phase(alice, cohort):
    with pytest.raises(ValidationError) as error:
        _create(alice, cohort, "STD-L2-TES")
    assert "phase" in error.value.error_dict
    assert _create(alice, cohort, "STD-L2-TES", phase="pre").phase == "pre"


def test_only_tests_have_a_phase(alice, cohort):
    with pytest.raises(ValidationError) as error:
        _create(alice, cohort, "STD-L1-REAKSI", phase="post")
    assert "phase" in error.value.error_dict
