"""Which cohorts count (sieva.programs.inclusion): a planned cohort's budget never enters the
realisation, a cohort past its end date still marked running never pulls the pass rate down,
and both are said where a reader looks — the report, the page and the dashboard."""

from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from sieva.dashboard.services.summaries import program_summary_refresh
from sieva.evaluation.engine import Scope, evaluate
from sieva.evaluation.findings import derive_findings
from sieva.org.access import user_access
from sieva.programs.models import CohortStatus, CostCategory, EnrollmentStatus
from sieva.reports.models import ReportSnapshot
from tests.evaluation.factories import attend, date
from tests.factories import (
    BudgetLineFactory,
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    ProgramFactory,
    SessionFactory,
)


@pytest.fixture(autouse=True)
def _november_2026():
    with time_machine.travel("2026-11-16 10:00 +0700", tick=False):
        yield


def _cohort(program, name, start, end, status, *, people, passed, planned, realised, unit):
    cohort = CohortFactory(
        program=program, name=name, start_date=date(start), end_date=date(end), status=status
    )
    session = SessionFactory(cohort=cohort, date=date(start), jp=Decimal("8"))
    for i in range(people):
        state = EnrollmentStatus.PASSED if i < passed else EnrollmentStatus.ATTENDING
        enrollment = EnrollmentFactory(
            cohort=cohort, employee=EmployeeFactory(unit=unit), status=state
        )
        if status != CohortStatus.PLANNED:
            attend(enrollment, session)
    BudgetLineFactory(
        cohort=cohort,
        category=CostCategory.DELIVERY,
        planned=Decimal(planned),
        realised=Decimal(realised),
    )
    return cohort


@pytest.fixture
def layanan_prima(world):
    """Like the demo's Pelatihan Layanan Prima 2026: two finished cohorts (Rp 300 M planned,
    Rp 264 M spent: 88 %; 40 of 40 passed), Angkatan III still planned (Rp 146,5 M planned,
    nothing spent), and Angkatan IV that ended twelve days ago but still says Berjalan with
    nobody passed."""
    program = ProgramFactory(owner=world.medan, name="Pelatihan Layanan Prima")
    unit = world.medan_health
    _cohort(
        program, "Angkatan I", "2026-03-16", "2026-03-19", CohortStatus.FINISHED,
        people=20, passed=20, planned="150000000", realised="132000000", unit=unit,
    )  # fmt: skip
    _cohort(
        program, "Angkatan II", "2026-08-17", "2026-08-20", CohortStatus.FINISHED,
        people=20, passed=20, planned="150000000", realised="132000000", unit=unit,
    )  # fmt: skip
    _cohort(
        program, "Angkatan III", "2026-12-07", "2026-12-10", CohortStatus.PLANNED,
        people=20, passed=0, planned="146500000", realised="0", unit=unit,
    )  # fmt: skip
    _cohort(
        program, "Angkatan IV", "2026-11-01", "2026-11-04", CohortStatus.RUNNING,
        people=20, passed=0, planned="150000000", realised="90000000", unit=unit,
    )  # fmt: skip
    return program


def test_a_planned_cohorts_budget_is_not_in_the_realisation(alice, layanan_prima):
    result = evaluate(user_access(alice), Scope(program_id=layanan_prima.pk))
    assert result.l5.planned == Decimal("300000000")
    assert result.l5.realisation.value == pytest.approx(88.0)
    assert result.cohort_count == 2


def test_the_top_recommendation_is_not_budget_planning_from_a_planned_cohort(alice, layanan_prima):
    result = evaluate(user_access(alice), Scope(program_id=layanan_prima.pk))
    findings = derive_findings(result, access=user_access(alice))
    assert "budget_realisation" not in {f.rule for f in findings}
    assert findings[0].rule != "budget_realisation"


def test_a_cohort_past_its_end_still_running_does_not_pull_the_pass_rate_down(alice, layanan_prima):
    result = evaluate(user_access(alice), Scope(program_id=layanan_prima.pk))
    assert result.l0.completion.value == pytest.approx(100.0)
    assert result.l0.completion.n == 40
    summary = program_summary_refresh(actor=alice, program=layanan_prima, period="2026")
    assert summary.completion == pytest.approx(100.0)
    assert (summary.invited, summary.completed) == (40, 40)
    assert summary.budget_planned == pytest.approx(300_000_000)


def test_an_overdue_cohort_is_a_data_quality_finding_naming_it(alice, layanan_prima):
    result = evaluate(user_access(alice), Scope(program_id=layanan_prima.pk))
    assert [c.name for c in result.overdue] == ["Angkatan IV"]
    assert {c.name for c in result.pending} == {"Angkatan III", "Angkatan IV"}
    findings = derive_findings(result, access=user_access(alice))
    overdue = next(f for f in findings if f.rule == "cohort_status_overdue")
    assert "Angkatan IV" in overdue.statement
    assert "4 November 2026" in overdue.statement


def test_the_report_lists_a_planned_cohort_apart_and_states_the_rule(client, evan, layanan_prima):
    client.force_login(evan)
    client.post(reverse("reports:create"), {"program": layanan_prima.pk})
    snapshot = ReportSnapshot.objects.get()
    sections = {s["key"]: s for s in snapshot.document["sections"]}
    tables = {b["caption"]: b for b in sections["pendahuluan"]["blocks"] if b["type"] == "table"}
    evaluated = [row[1] for row in tables["Angkatan yang dievaluasi"]["rows"]]
    assert evaluated == ["Angkatan I", "Angkatan II"]
    pending = {row[1]: row for row in tables["Angkatan yang belum dihitung"]["rows"]}
    assert set(pending) == {"Angkatan III", "Angkatan IV"}
    assert pending["Angkatan III"][-1] == "Rp 146.500.000"
    method = " ".join(b.get("text", "") for b in sections["metode"]["blocks"])
    assert "hanya menghitung angkatan yang sudah selesai" in method
    body = client.get(reverse("reports:detail", args=[snapshot.pk])).content.decode()
    assert "88,0 %" in body
    assert "59," not in body
