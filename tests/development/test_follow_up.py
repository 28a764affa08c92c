import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sieva.development.models import ActionPlan, ActionPlanStatus, ProgressCheck
from sieva.development.services import follow_up as services
from sieva.evaluation.engine import Scope, evaluate
from sieva.org.access import user_access
from sieva.programs.models import EnrollmentStatus, ProgramKind
from sieva.reports.document import build_report
from tests.factories import CohortFactory, EnrollmentFactory, ProgramFactory


@pytest.fixture
def alumna(world, pia_employee):
    cohort = CohortFactory(
        program=ProgramFactory(
            owner=world.medan, name="Proyek Perubahan Medan", kind=ProgramKind.PROJECT
        ),
        start_date=dt.date(2026, 3, 2),
        end_date=dt.date(2026, 3, 6),
    )
    return EnrollmentFactory(cohort=cohort, employee=pia_employee, status=EnrollmentStatus.PASSED)


def test_a_leadership_program_asks_for_a_change_project(alumna):
    plan = services.action_plan_save(
        actor=None, enrollment=alumna, title="Antrean daring", description="Kurangi antrean"
    )
    assert plan.kind == "proyek_perubahan"


def test_completing_every_milestone_completes_the_plan(alumna):
    plan = services.action_plan_save(actor=None, enrollment=alumna, title="x", description="y")
    first = services.milestone_add(
        actor=None, plan=plan, title="Rancang", due_on=dt.date(2026, 4, 1)
    )
    second = services.milestone_add(
        actor=None, plan=plan, title="Uji coba", due_on=dt.date(2026, 5, 1)
    )
    services.milestone_done(actor=None, milestone=first, done_on=dt.date(2026, 4, 2), evidence="SK")
    plan.refresh_from_db()
    assert plan.status == ActionPlanStatus.RUNNING
    services.milestone_done(
        actor=None, milestone=second, done_on=dt.date(2026, 5, 2), evidence="Foto"
    )
    plan.refresh_from_db()
    assert plan.status == ActionPlanStatus.COMPLETED


def test_only_the_supervisor_or_coach_verifies_and_only_when_due(alumna, adi, world):
    plan = services.action_plan_save(actor=None, enrollment=alumna, title="x", description="y")
    with pytest.raises(ValidationError) as caught:
        services.progress_verify(
            actor=None, plan=plan, verifier=adi, month=3, progress=50, today=dt.date(2026, 5, 1)
        )
    assert "mulai 06-06-2026" in caught.value.message_dict["month"][0]
    with pytest.raises(ValidationError, match="atasan langsung"):
        services.progress_verify(
            actor=None,
            plan=plan,
            verifier=alumna.employee,
            month=3,
            progress=50,
            today=dt.date(2026, 7, 1),
        )
    check = services.progress_verify(
        actor=None, plan=plan, verifier=adi, month=3, progress=60, today=dt.date(2026, 7, 1)
    )
    assert check.verifier_kind == "atasan"


def test_the_supervisor_verifies_from_the_team_page(client, adi_user, alumna, settings):
    settings.SIEVA_ACTION_PLAN_CHECK_MONTHS = [3, 6]
    plan = services.action_plan_save(
        actor=None, enrollment=alumna, title="Antrean daring", description="y"
    )
    client.force_login(adi_user)
    page = client.get(reverse("development:team")).content.decode()
    assert "Antrean daring (bulan ke-3)" in page
    response = client.post(
        reverse("development:action_plan_verify", args=[plan.pk]),
        {"month": "3", "progress": "70", "note": "Sudah berjalan"},
    )
    assert response.status_code == 302
    assert ProgressCheck.objects.get(plan=plan).progress == 70


def test_the_participant_writes_the_plan_from_the_workspace(client, pia, alumna):
    client.force_login(pia)
    page = client.get(reverse("development:me")).content.decode()
    url = reverse("development:action_plan_edit", args=[alumna.pk])
    assert url in page
    response = client.post(
        url, {"title": "Antrean daring", "description": "z", "status": "berjalan"}
    )
    plan = ActionPlan.objects.get()
    assert response["Location"] == reverse("development:action_plan", args=[plan.pk])


def test_plans_flow_into_l3_with_case_studies(alice, alumna, world):
    plan = services.action_plan_save(
        actor=None, enrollment=alumna, title="Antrean daring", description="Kurangi antrean"
    )
    milestone = services.milestone_add(
        actor=None, plan=plan, title="Uji", due_on=dt.date(2026, 4, 1)
    )
    services.milestone_done(
        actor=None, milestone=milestone, done_on=dt.date(2026, 4, 1), evidence="SK Kadis"
    )
    result = evaluate(user_access(alice), Scope(program_id=alumna.cohort.program_id))
    written, completed, milestones, _verified = result.l3.follow_up
    assert (written.n, completed.n, milestones.n) == (1, 1, 1)
    assert written.suppressed  # one participant: below the minimum cell of 5
    (case,) = result.l3.case_studies
    assert case["title"] == "Antrean daring" and case["evidence"] == "SK Kadis"


def test_the_report_tells_the_case_study_of_a_completed_plan(alice, alumna, world):
    plan = services.action_plan_save(
        actor=None, enrollment=alumna, title="Antrean daring", description="Kurangi antrean"
    )
    milestone = services.milestone_add(
        actor=None, plan=plan, title="Uji", due_on=dt.date(2026, 4, 1)
    )
    services.milestone_done(
        actor=None, milestone=milestone, done_on=dt.date(2026, 4, 1), evidence="SK Kadis"
    )
    built = build_report(
        access=user_access(alice), scope=Scope(program_id=alumna.cohort.program_id), author="a"
    )
    text = json.dumps(built.document, ensure_ascii=False)
    assert "Studi kasus – Antrean daring" in text and "Bukti: SK Kadis." in text
