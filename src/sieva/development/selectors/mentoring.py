"""Reads on mentoring: who is paired and with room, suggested matches, each pair's health
(missed sessions, long gaps) and goal attainment. Fixed numbers of queries per page."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from sieva.analysis.indices.development import GasScore, gas_t_score
from sieva.development.models import (
    MentoringGoal,
    MentoringPair,
    MentoringScheme,
    MentoringSession,
    PairStatus,
    SchemeMentor,
    SessionStatus,
)
from sieva.org.grades import grade_rank
from sieva.org.models import Employee
from sieva.programs.models import Cohort
from sieva.programs.selectors.jp import work_unit_of
from sieva.programs.selectors.participation import REGISTERED_STATUSES

MISSED_ALERT = 2  # sessions not held before a pair is flagged
SUGGESTIONS_SHOWN = 3


def enrolled_mentees(cohort: Cohort) -> QuerySet[Employee]:
    """Employees enrolled in the cohort who accepted their place."""
    return Employee.objects.filter(
        enrollments__cohort=cohort, enrollments__status__in=REGISTERED_STATUSES
    )


def active_load(scheme: MentoringScheme) -> dict[int, int]:
    """Active mentees per mentor (employee id) in the scheme; one query."""
    rows = (
        MentoringPair.objects.filter(scheme=scheme, status=PairStatus.ACTIVE)
        .values("mentor_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["mentor_id"]: row["n"] for row in rows}


def unpaired_mentees(scheme: MentoringScheme) -> QuerySet[Employee]:
    """Participants of the cohort without a pair in the scheme (mentors left out), by name."""
    paired = MentoringPair.objects.filter(scheme=scheme).values("mentee_id")
    return (
        enrolled_mentees(scheme.cohort)
        .exclude(pk__in=paired)
        .exclude(pk__in=scheme.mentors.values("employee_id"))
        .select_related("unit")
        .distinct()
        .order_by("name")
    )


@dataclass(frozen=True)
class MentorLoad:
    mentor: SchemeMentor
    active: int

    @property
    def capacity(self) -> int:
        return self.mentor.effective_capacity

    @property
    def free(self) -> int:
        return max(self.capacity - self.active, 0)


def mentor_loads(scheme: MentoringScheme) -> list[MentorLoad]:
    load = active_load(scheme)
    mentors = scheme.mentors.select_related("employee__unit", "scheme").order_by("employee__name")
    return [MentorLoad(m, load.get(m.employee_id, 0)) for m in mentors]


@dataclass(frozen=True)
class Suggestion:
    """A mentor with room for the mentee, how well they fit and why."""

    load: MentorLoad
    score: int
    reasons: tuple[str, ...]


def _reasons(
    mentee: Employee, load: MentorLoad, departments: dict[str, tuple[int, str, str]]
) -> tuple[int, list[str]]:
    mentor = load.mentor.employee
    score, reasons = 0, []
    field = (load.mentor.field or mentor.position_name).strip().lower()
    position = mentee.position_name.strip().lower()
    if field and position and (field in position or position in field):
        score += 3
        reasons.append(
            _("bidang sama (%(field)s)") % {"field": load.mentor.field or mentor.position_name}
        )
    elif mentor.position_kind == mentee.position_kind:
        score += 1
        reasons.append(_("jenis jabatan sama"))
    if departments[mentor.unit.path][0] == departments[mentee.unit.path][0]:
        score += 2
        reasons.append(_("perangkat daerah sama"))
    try:
        gap = grade_rank(mentor.grade, mentor.asn_kind) - grade_rank(mentee.grade, mentee.asn_kind)
    except ValueError:
        gap = None
    if gap is not None and mentor.asn_kind == mentee.asn_kind and 2 <= gap <= 8:
        score += 1
        reasons.append(
            _("golongan %(mentor)s di atas %(mentee)s")
            % {
                "mentor": mentor.grade,
                "mentee": mentee.grade,
            }
        )
    return score, reasons


def suggested_matches(
    scheme: MentoringScheme, mentees: Sequence[Employee], loads: Sequence[MentorLoad]
) -> dict[int, list[Suggestion]]:
    """For each mentee, up to three mentors with room, best fit first (field, perangkat
    daerah, grade two to eight ranks above), then the one with most room."""
    available = [load for load in loads if load.free > 0]
    paths = {m.unit.path for m in mentees} | {load.mentor.employee.unit.path for load in available}
    departments = work_unit_of(paths)
    out: dict[int, list[Suggestion]] = {}
    for mentee in mentees:
        ranked = []
        for load in available:
            score, reasons = _reasons(mentee, load, departments)
            ranked.append(Suggestion(load, score, tuple(reasons)))
        ranked.sort(key=lambda s: (-s.score, -s.load.free, s.load.mentor.employee.name))
        out[mentee.pk] = ranked[:SUGGESTIONS_SHOWN]
    return out


@dataclass(frozen=True)
class Health:
    """How a pair is meeting: sessions held and missed, the longest silence and alerts."""

    held: int
    missed: int
    minutes: int
    last_held: dt.date | None
    current_gap_days: int | None  # since the last meeting (or the start); None once ended
    longest_gap_days: int
    alerts: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.alerts


def _health(pair: MentoringPair, rows: list[tuple[dt.date, str, int]], today: dt.date) -> Health:
    scheme = pair.scheme
    held = sorted(day for day, status, _m in rows if status == SessionStatus.HELD)
    missed = sum(1 for _d, status, _m in rows if status == SessionStatus.MISSED)
    active = pair.status == PairStatus.ACTIVE
    end = today if active else (pair.ended_on or today)
    points = [pair.started_on, *held, end]
    longest = max((b - a).days for a, b in zip(points, points[1:], strict=False))
    current = (today - (held[-1] if held else pair.started_on)).days if active else None
    alerts = []
    if current is not None and current > scheme.max_gap_weeks * 7:
        alerts.append(
            _("Belum bertemu selama %(weeks)d minggu (batas %(limit)d).")
            % {"weeks": current // 7, "limit": scheme.max_gap_weeks}
        )
    if missed >= MISSED_ALERT:
        alerts.append(_("%(count)d sesi tidak terlaksana.") % {"count": missed})
    return Health(
        held=len(held),
        missed=missed,
        minutes=sum(m for _d, status, m in rows if status == SessionStatus.HELD),
        last_held=held[-1] if held else None,
        current_gap_days=current,
        longest_gap_days=longest,
        alerts=tuple(alerts),
    )


def pair_health(pairs: Iterable[MentoringPair], today: dt.date) -> dict[int, Health]:
    """Health of each pair (whose scheme must be loaded), one query for all sessions."""
    pairs = list(pairs)
    rows: dict[int, list[tuple[dt.date, str, int]]] = defaultdict(list)
    for pair_id, day, status, minutes in MentoringSession.objects.filter(
        pair__in=[p.pk for p in pairs]
    ).values_list("pair_id", "date", "status", "duration_minutes"):
        rows[pair_id].append((day, status, minutes))
    return {p.pk: _health(p, rows[p.pk], today) for p in pairs}


def pair_gas(pair_ids: Iterable[int]) -> dict[int, GasScore | None]:
    """Each pair's GAS T-score over its scored goals (None before any goal is scored)."""
    scored: dict[int, list[tuple[int, int]]] = defaultdict(list)
    ids = list(pair_ids)
    for pair_id, level, weight in MentoringGoal.objects.filter(
        pair__in=ids, level__isnull=False
    ).values_list("pair_id", "level", "weight"):
        scored[pair_id].append((level, weight))
    return {
        pk: gas_t_score([lv for lv, _w in scored[pk]], [w for _lv, w in scored[pk]])
        if scored[pk]
        else None
        for pk in ids
    }


@dataclass(frozen=True)
class PairRow:
    pair: MentoringPair
    health: Health
    gas: GasScore | None
    goals: int


def pair_rows(pairs: QuerySet[MentoringPair], today: dt.date) -> list[PairRow]:
    """Pairs with their health, GAS and number of goals; four queries."""
    pairs = list(
        pairs.select_related("mentor__unit", "mentee__unit", "scheme__cohort__program").annotate(
            goal_count=Count("goals")
        )
    )
    health = pair_health(pairs, today)
    gas = pair_gas(p.pk for p in pairs)
    return [PairRow(p, health[p.pk], gas[p.pk], p.goal_count) for p in pairs]  # type: ignore[attr-defined]


def pairs_of(employee_id: int) -> QuerySet[MentoringPair]:
    """Pairs where the employee mentors or is mentored, newest scheme first."""
    return MentoringPair.objects.filter(
        Q(mentor_id=employee_id) | Q(mentee_id=employee_id)
    ).order_by("status", "-started_on", "pk")


@dataclass(frozen=True)
class PairDetail:
    row: PairRow
    goals: list[MentoringGoal]
    sessions: list[MentoringSession]


def pair_detail(pair: MentoringPair, today: dt.date) -> PairDetail:
    (row,) = pair_rows(MentoringPair.objects.filter(pk=pair.pk), today)
    return PairDetail(
        row=row,
        goals=list(pair.goals.select_related("scored_by").order_by("pk")),
        sessions=list(pair.sessions.select_related("logged_by").order_by("-date", "-pk")),
    )
