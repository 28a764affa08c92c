from decimal import Decimal

import pytest
from django.urls import reverse

from sieva.core.report_table import Suppressed
from sieva.dashboard.selectors import home_figures
from sieva.dashboard.services.summaries import year_refresh
from sieva.org.access import user_access
from sieva.org.models import AsnKind, Employee
from sieva.programs.models import EnrollmentStatus
from tests.evaluation.factories import attend, date, employee_with_jp
from tests.factories import CohortFactory, EnrollmentFactory, SessionFactory, UserFactory

pytestmark = pytest.mark.django_db

HOME = reverse("home")


def test_an_admin_sees_this_years_aggregates_of_their_subtree(alice, world, programs):
    # Medan's 6 PNS of the programs fixture; e1 earned 16 JP in 2026, give one 20.
    employee_with_jp(world.medan_health, (date("2026-02-02"), "20"))
    year_refresh(actor=None, year=2026)  # the home page reads the stored summaries
    aggregates = home_figures(user_access(alice))["aggregates"]
    assert (aggregates.programs, aggregates.cohorts) == (2, 2)
    assert aggregates.participation == 50.0  # 3 of 6 invited to the 2026 cohorts
    assert aggregates.pns_meeting_minimum == 14.3  # 1 of 7 PNS
    assert aggregates.budget_realisation == 87.5


def test_the_home_page_shows_the_figures_as_cards(client, alice, programs):
    year_refresh(actor=None, year=2026)
    client.force_login(alice)
    page = client.get(HOME).content.decode()
    assert page.count('class="card"') == 5
    for text in ('<div class="value">50,0 %</div>', "87,5 %", 'class="label"', "<meter"):
        assert text in page
    assert "style=" not in page


def test_a_leader_gets_the_same_aggregates_without_personal_figures(lina, alice, programs):
    year_refresh(actor=None, year=2026)
    figures = home_figures(user_access(lina))
    assert figures["aggregates"] == home_figures(user_access(alice))["aggregates"]
    assert figures["own"] is None


def test_a_leader_sees_the_pns_share_suppressed_below_five_people(lina, world):
    employee_with_jp(world.medan_health, (date("2026-02-02"), "20"))
    year_refresh(actor=None, year=2026)
    assert isinstance(home_figures(user_access(lina))["aggregates"].pns_meeting_minimum, Suppressed)


def test_bob_counts_nothing_of_medan(bob, programs):
    year_refresh(actor=None, year=2026)
    aggregates = home_figures(user_access(bob))["aggregates"]
    assert (aggregates.programs, aggregates.cohorts, aggregates.participation) == (1, 1, 100.0)
    assert aggregates.pns_meeting_minimum == 0.0  # Ika: 6 JP in 2026
    assert aggregates.budget_realisation == 100.0


def test_a_year_without_anything_shows_dashes(client, alice):
    client.force_login(alice)
    page = client.get(HOME).content.decode()
    assert page.count('<div class="value">—</div>') == 3


def test_a_participant_sees_their_own_jp_against_the_target_and_enrollments(client, pia):
    employee = Employee.objects.get(pk=user_access(pia).employee_id)
    cohort = CohortFactory(program__name="Pelatihan Kehumasan", start_date=date("2026-02-02"),
                           end_date=date("2026-02-03"))  # fmt: skip
    attend(
        EnrollmentFactory(cohort=cohort, employee=employee, status=EnrollmentStatus.PASSED),
        SessionFactory(cohort=cohort, jp=Decimal("7.5")),
        SessionFactory(cohort=cohort, jp=Decimal("4")),
    )
    own = home_figures(user_access(pia))["own"]
    assert (own.record.jp, own.limit, own.is_pns) == (Decimal("11.5"), 20, True)
    assert [e.program_name for e in own.enrollments] == ["Pelatihan Kehumasan"]
    client.force_login(pia)
    page = client.get(HOME).content.decode()
    assert "11,5 / 20 JP" in page and "Pelatihan Kehumasan" in page
    assert home_figures(user_access(pia))["aggregates"] is None


def test_a_pppk_participant_sees_the_cap_of_the_contract_year_running_now(pia):
    employee = Employee.objects.get(pk=user_access(pia).employee_id)
    Employee.objects.filter(pk=employee.pk).update(
        asn_kind=AsnKind.PPPK, contract_start=date("2023-09-01")
    )
    cohort = CohortFactory(start_date=date("2025-10-06"), end_date=date("2025-10-06"))
    attend(EnrollmentFactory(cohort=cohort, employee=employee), SessionFactory(cohort=cohort))
    own = home_figures(user_access(pia))["own"]
    # Today is 15 June 2026: the running contract year is 1 Sep 2025 - 31 Aug 2026.
    assert (own.limit, own.is_pns) == (24, False)
    assert (own.record.period_start, own.record.period_last_day) == (
        date("2025-09-01"), date("2026-08-31"),
    )  # fmt: skip
    assert own.record.jp == Decimal("4")


def test_an_account_without_a_role_sees_no_figures(client, db):
    client.force_login(UserFactory())
    response = client.get(HOME)
    assert response.status_code == 200 and response.context["figures"] is None
