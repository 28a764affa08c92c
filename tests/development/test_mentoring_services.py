import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sieva.audit.models import AuditEvent
from sieva.development.models import MentoringPair, SessionStatus
from sieva.development.selectors.mentoring import (
    mentor_loads,
    pair_gas,
    pair_health,
    suggested_matches,
    unpaired_mentees,
)
from sieva.development.services import mentoring as services
from sieva.programs.models import ProgramKind
from tests.factories import CohortFactory, EmployeeFactory, ProgramFactory

START = dt.date(2026, 2, 2)


def _pair(mentoring, mentor=0, mentee=0):
    return services.pair_create(
        actor=None,
        scheme=mentoring.scheme,
        mentor=mentoring.mentors[mentor],
        mentee=mentoring.mentees[mentee],
        started_on=START,
    )


def test_it_pairs_a_participant_with_a_mentor_and_audits_it(mentoring):
    pair = _pair(mentoring)
    assert pair.mentor == mentoring.mentors[0]
    assert AuditEvent.objects.filter(action="mentoring.pair_create", object_id=str(pair.pk))


def test_it_refuses_a_mentor_beyond_capacity(mentoring):
    _pair(mentoring, mentee=0)
    _pair(mentoring, mentee=1)
    with pytest.raises(ValidationError) as caught:
        _pair(mentoring, mentee=2)
    assert "kapasitas 2" in caught.value.message_dict["mentor"][0]


def test_it_refuses_someone_not_enrolled_or_already_paired(mentoring, world):
    stranger = EmployeeFactory(unit=world.medan_health, name="Orang Lain")
    with pytest.raises(ValidationError) as caught:
        services.pair_create(
            actor=None,
            scheme=mentoring.scheme,
            mentor=mentoring.mentors[0],
            mentee=stranger,
            started_on=START,
        )
    assert "bukan peserta" in caught.value.message_dict["mentee"][0]
    _pair(mentoring)
    with pytest.raises(ValidationError) as caught:
        _pair(mentoring, mentor=1)
    assert "sudah memiliki mentor" in caught.value.message_dict["mentee"][0]


def test_a_scheme_is_only_for_a_mentoring_program(world):
    cohort = CohortFactory(program=ProgramFactory(owner=world.medan, kind=ProgramKind.TRAINING))
    with pytest.raises(ValidationError, match="program mentoring"):
        services.scheme_set(
            actor=None, cohort=cohort, mentor_capacity=3, meeting_interval_weeks=2, max_gap_weeks=4
        )


def test_suggestions_prefer_same_field_and_department_and_skip_full_mentors(mentoring):
    mentees = list(unpaired_mentees(mentoring.scheme))
    assert mentoring.mentors[0] not in mentees
    suggestions = suggested_matches(mentoring.scheme, mentees, mentor_loads(mentoring.scheme))
    best = suggestions[mentoring.mentees[0].pk][0]
    # Pia is a Perawat in Dinas Kesehatan, grade II/c; Mara is Perawat Ahli Muda there, III/c.
    assert best.load.mentor.employee == mentoring.mentors[0]
    assert any("bidang sama" in r for r in best.reasons)
    assert any("perangkat daerah sama" in r for r in best.reasons)
    _pair(mentoring, mentee=1)
    _pair(mentoring, mentee=2)
    suggestions = suggested_matches(
        mentoring.scheme, list(unpaired_mentees(mentoring.scheme)), mentor_loads(mentoring.scheme)
    )
    assert all(
        s.load.mentor.employee != mentoring.mentors[0] for s in suggestions[mentoring.mentees[0].pk]
    )


def test_sessions_cannot_be_dated_in_the_future_or_before_the_start(mentoring):
    pair = _pair(mentoring)
    with pytest.raises(ValidationError) as caught:
        services.session_log(
            actor=None, pair=pair, date=dt.date(2026, 3, 2), topic="x", today=dt.date(2026, 3, 1)
        )
    assert "date" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.session_log(actor=None, pair=pair, date=dt.date(2026, 1, 1), topic="x")
    assert "sebelum pasangan dimulai" in caught.value.message_dict["date"][0]


def test_health_flags_long_silences_and_missed_sessions(mentoring):
    pair = _pair(mentoring)
    for day, status in (
        (dt.date(2026, 2, 9), SessionStatus.HELD),
        (dt.date(2026, 2, 23), SessionStatus.MISSED),
        (dt.date(2026, 3, 9), SessionStatus.MISSED),
    ):
        services.session_log(
            actor=None, pair=pair, date=day, topic="Topik", status=status, today=day
        )
    pair = MentoringPair.objects.select_related("scheme").get(pk=pair.pk)
    health = pair_health([pair], dt.date(2026, 4, 20))[pair.pk]
    assert health.held == 1 and health.missed == 2
    # Last meeting 9 Feb, today 20 Apr: 70 days = 10 weeks > 4.
    assert health.current_gap_days == 70
    assert health.longest_gap_days == 70
    assert len(health.alerts) == 2
    assert "10 minggu" in health.alerts[0]


def test_gas_uses_scored_goals_only(mentoring):
    pair = _pair(mentoring)
    goals = [
        services.goal_add(actor=None, pair=pair, title=f"Sasaran {i}", expected="...", weight=w)
        for i, w in enumerate((3, 2, 1))
    ]
    assert pair_gas([pair.pk]) == {pair.pk: None}
    services.goal_score(actor=None, goal=goals[0], level=-2)
    services.goal_score(actor=None, goal=goals[1], level=0)
    # Only goals 1 and 2 scored: Σwx = −6, Σw² = 13, Σw = 5: 50 − 60/√(0.7·13 + 0.3·25).
    score = pair_gas([pair.pk])[pair.pk]
    assert score.n_goals == 2
    assert score.t == pytest.approx(50 - 60 / (0.7 * 13 + 0.3 * 25) ** 0.5)
    with pytest.raises(ValidationError):
        services.goal_score(actor=None, goal=goals[2], level=3)
