"""Program summaries store exactly the engine's figures, one row per program and period."""

import datetime as dt

import pytest

from sieva.audit.models import AuditEvent
from sieva.dashboard.models import ProgramSummary
from sieva.dashboard.periods import (
    advance,
    next_due_after,
    period_bounds,
    period_due_on,
)
from sieva.dashboard.services.summaries import owner_access, program_summary_refresh
from sieva.evaluation.engine import Scope, evaluate


def _engine(program, start, end):
    return evaluate(owner_access(program), Scope(program_id=program.pk, start=start, end=end))


def test_a_summary_holds_the_engines_figures_for_the_program_and_year(rated):
    training = rated.training
    summary = program_summary_refresh(actor=None, program=training, period="2026")
    result = _engine(training, dt.date(2026, 1, 1), dt.date(2026, 12, 31))

    participation = result.l0.participation
    assert (summary.participation, summary.participation_n) == (
        pytest.approx(participation.value),
        participation.n,
    )
    assert summary.participation == pytest.approx(50.0)  # 3 of 6 invited attended
    assert (summary.participation_low, summary.participation_high) == pytest.approx(
        participation.ci
    )
    reaction = result.l1.overall.mean
    assert reaction.value is not None
    assert summary.reaction == pytest.approx(reaction.value)
    assert (summary.reaction_low, summary.reaction_high) == pytest.approx(reaction.ci)
    assert summary.reaction_n == reaction.n == 6
    assert summary.cost_per_participant == pytest.approx(10_500_000 / 3)
    assert summary.realisation == pytest.approx(87.5)
    assert summary.cohorts == 1  # the 2025 cohort lies outside the period
    assert summary.gain is None and summary.gain_pairs == 0
    assert summary.input_hash and len(summary.input_hash) == 64


def test_a_completion_below_five_people_is_stored_as_missing_with_its_caveat(rated):
    summary = program_summary_refresh(actor=None, program=rated.training, period="2026")
    assert summary.completion is None  # 3 attended: suppressed by the engine
    assert "suppressed" in summary.caveats["completion"]


def test_refreshing_replaces_the_row_and_is_audited(rated, olga):
    first = program_summary_refresh(actor=olga, program=rated.training, period="2026-S1")
    again = program_summary_refresh(actor=olga, program=rated.training, period="2026-S1")
    assert first.pk == again.pk
    assert ProgramSummary.objects.filter(program=rated.training).count() == 1
    assert again.period_start == dt.date(2026, 1, 1) and again.period_end == dt.date(2026, 6, 30)
    events = AuditEvent.objects.filter(action="evaluation.summary_refresh")
    assert events.count() == 2 and events.first().actor == olga


def test_a_quarter_without_cohorts_has_no_participation(rated):
    summary = program_summary_refresh(actor=None, program=rated.training, period="2026-Q4")
    assert summary.cohorts == 0 and summary.participation is None


@pytest.mark.parametrize(
    ("label", "bounds"),
    [
        ("2026", ("2026-01-01", "2026-12-31")),
        ("2026-S2", ("2026-07-01", "2026-12-31")),
        ("2026-Q1", ("2026-01-01", "2026-03-31")),
        ("2026-q3", ("2026-07-01", "2026-09-30")),
    ],
)
def test_period_labels_give_their_first_and_last_day(label, bounds):
    assert period_bounds(label) == tuple(dt.date.fromisoformat(b) for b in bounds)


@pytest.mark.parametrize("label", ["2026-S3", "2026-Q5", "26", "2026-T2", ""])
def test_an_unknown_period_label_is_refused_with_its_text(label):
    with pytest.raises(ValueError, match="Periode"):
        period_bounds(label)


def test_a_schedule_reports_on_the_period_that_just_ended():
    assert period_due_on(dt.date(2026, 10, 1), "triwulan") == "2026-Q3"
    assert period_due_on(dt.date(2026, 7, 1), "semester") == "2026-S1"
    assert period_due_on(dt.date(2027, 1, 1), "tahunan") == "2026"
    assert next_due_after(dt.date(2026, 6, 15), "triwulan") == dt.date(2026, 7, 1)
    assert next_due_after(dt.date(2026, 6, 15), "tahunan") == dt.date(2027, 1, 1)
    assert advance(dt.date(2026, 7, 1), "semester") == dt.date(2027, 1, 1)
