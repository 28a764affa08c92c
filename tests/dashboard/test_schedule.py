"""The schedule: due dates, the period each run covers, the report, and idempotence."""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command

from sieva.dashboard.models import EvaluationSchedule, ProgramSummary, ScheduledRun
from sieva.dashboard.services.schedule import evaluate_due, schedule_set
from sieva.dashboard.tasks import run_due_evaluations
from sieva.reports.models import ReportSnapshot


@pytest.fixture
def quarterly(rated, world, alice):
    """Medan's training, evaluated every quarter for Medan; set on 15 June 2026."""
    return schedule_set(
        actor=alice,
        program=rated.training,
        frequency="triwulan",
        owner_unit=world.medan,
        today=dt.date(2026, 6, 15),
    )


def test_a_new_schedule_is_first_due_after_the_current_period(quarterly):
    assert quarterly.next_due == dt.date(2026, 7, 1)


def test_nothing_runs_before_the_due_date(quarterly):
    assert evaluate_due(today=dt.date(2026, 6, 30)) == []
    assert not ScheduledRun.objects.exists()


def test_a_due_schedule_evaluates_the_ended_period_reports_it_and_advances(quarterly):
    runs = evaluate_due(today=dt.date(2026, 7, 1))
    assert [run.period for run in runs] == ["2026-Q2"]
    run = runs[0]
    assert run.summary == ProgramSummary.objects.get(program=quarterly.program, period="2026-Q2")
    assert run.snapshot is not None and run.snapshot.owner == quarterly.program.owner
    assert run.snapshot.scope == {"program": quarterly.program.pk, "period": "2026-Q2"}
    quarterly.refresh_from_db()
    assert quarterly.next_due == dt.date(2026, 10, 1)


def test_running_twice_changes_nothing(quarterly):
    evaluate_due(today=dt.date(2026, 7, 1))
    assert evaluate_due(today=dt.date(2026, 7, 1)) == []
    assert evaluate_due(today=dt.date(2026, 7, 20)) == []
    assert ScheduledRun.objects.count() == 1 and ReportSnapshot.objects.count() == 1


def test_missed_periods_are_caught_up_once_each(quarterly):
    runs = evaluate_due(today=dt.date(2027, 1, 5))
    assert [run.period for run in runs] == ["2026-Q2", "2026-Q3", "2026-Q4"]
    assert EvaluationSchedule.objects.get().next_due == dt.date(2027, 4, 1)


def test_a_period_already_run_is_skipped_even_if_the_due_date_was_moved_back(quarterly, alice):
    evaluate_due(today=dt.date(2026, 7, 1))
    schedule_set(
        actor=alice,
        program=quarterly.program,
        frequency="triwulan",
        owner_unit=quarterly.owner_unit,
        next_due=dt.date(2026, 7, 1),
        today=dt.date(2026, 7, 2),
    )
    assert evaluate_due(today=dt.date(2026, 7, 2)) == []
    assert EvaluationSchedule.objects.get().next_due == dt.date(2026, 10, 1)
    assert ReportSnapshot.objects.count() == 1


def test_an_inactive_schedule_never_runs(quarterly, alice):
    schedule_set(
        actor=alice,
        program=quarterly.program,
        frequency="triwulan",
        owner_unit=quarterly.owner_unit,
        active=False,
        today=dt.date(2026, 6, 15),
    )
    assert evaluate_due(today=dt.date(2027, 1, 1)) == []


def test_the_owner_must_be_related_to_the_programs_instansi(rated, world, alice):
    with pytest.raises(ValueError, match="Unit penerima"):
        schedule_set(
            actor=alice,
            program=rated.training,
            frequency="tahunan",
            owner_unit=world.palembang,
            today=dt.date(2026, 6, 15),
        )
    assert not EvaluationSchedule.objects.exists()


def test_the_command_uses_today_by_default_and_accepts_a_date(quarterly, capsys):
    with time_machine.travel("2026-07-01 06:00 +0700", tick=False):
        call_command("evaluate_due", "--no-report")
    assert "1 evaluasi terjadwal" in capsys.readouterr().out
    assert ScheduledRun.objects.get().snapshot is None
    call_command("evaluate_due", "--today", "2026-10-01")
    assert ScheduledRun.objects.filter(period="2026-Q3", snapshot__isnull=False).exists()


def test_the_task_runs_the_same_schedule(quarterly):
    result = run_due_evaluations.enqueue("2026-07-01")
    assert result.return_value == 1
    assert ScheduledRun.objects.filter(period="2026-Q2").count() == 1
