"""Demo people development for Medan: mentoring pairs with sessions and goals, appraisals and
potential (with a planted mentoring effect), the 9-box, and — in `development_work` —
assessments, competency standards and gaps, IDPs, action plans at various stages, learning
from elsewhere, pending questionnaires and L3 ratings for the personas, nominations and
notifications (decision 0039).

Bulk rows are inserted directly (appraisals, sessions, scores); anything with a rule the
product enforces (pairing capacity, final scores, external JP, IDP) goes through the services.
"""

import datetime as dt
import math
import random
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sieva.analysis.indices.appraisal import AxisCutoffs, skp_predikat, talent_box_from_levels
from sieva.demo.development_common import persona_employee
from sieva.demo.development_work import build_development_work
from sieva.development.models import (
    Appraisal,
    MentoringGoal,
    MentoringPair,
    MentoringScheme,
    MentoringSession,
    PairStatus,
    PotentialAssessment,
    SchemeMentor,
    SessionMode,
    SessionStatus,
    TalentPlacement,
)
from sieva.development.services.careers import KINERJA_LEVEL
from sieva.development.services.mentoring import pair_create
from sieva.org.models import Employee, OrgUnit, PositionKind, PositionLevel
from sieva.programs.models import Cohort, CohortStatus, ProgramKind
from sieva.programs.selectors.participation import REGISTERED_STATUSES

AGENCY = "PEMKOT-MDN"
BATCH = 2000
MENTEES_PER_MENTOR = 3
MENTORING_EFFECT = 6.0  # points of the performance score a mentee gains over similar staff
GOALS = (
    ("Memahami SKP dan ekspektasi atasan", "SKP disusun dan disepakati dengan atasan"),
    ("Menerapkan nilai BerAKHLAK dalam pelayanan", "Tidak ada keluhan perilaku dari pengguna"),
    ("Menyusun rencana pengembangan individu", "IDP tersusun dan disetujui atasan"),
)
TOPICS = (
    "Perkenalan dan kontrak mentoring",
    "Membaca SKP dan indikator kinerja",
    "Pelayanan yang berorientasi pengguna",
    "Menghadapi keluhan dan situasi sulit",
    "Kerja sama dalam tim",
    "Refleksi dan rencana tindak lanjut",
)


def _medan() -> OrgUnit:
    return OrgUnit.objects.get(code=AGENCY)


def build_development(*, seed: int, today: dt.date) -> dict[str, int]:
    """Everything people development shows in the demo; returns row counts."""
    rng = random.Random(f"{seed}:development")  # noqa: S311 - reproducible demo data
    medan = _medan()
    mentees = _mentoring(rng, medan, today)
    counts = _appraisals(rng, medan, today, mentees)
    counts |= {"mentoring_pairs": MentoringPair.objects.count()}
    counts |= build_development_work(rng=rng, medan=medan, today=today)
    return counts


def _mentoring_cohorts(medan: OrgUnit, today: dt.date) -> list[Cohort]:
    """Medan's mentoring cohorts that have started (finished and running)."""
    return list(
        Cohort.objects.filter(
            program__kind=ProgramKind.MENTORING,
            program__owner__path__startswith=medan.path,
            start_date__lte=today,
        )
        .exclude(status=CohortStatus.CANCELLED)
        .select_related("program__owner")
        .order_by("start_date", "pk")
    )


def _mentors(rng: random.Random, medan: OrgUnit, mentees: Any, count: int) -> list[Employee]:
    """The mentor persona first, then senior functional officials of Medan who are not
    themselves mentees (`mentees`: a subquery of employee ids)."""
    chosen = [persona_employee("mentor.medan")]
    pool = list(
        Employee.objects.filter(
            unit__path__startswith=medan.path,
            is_active=True,
            asn_kind="PNS",
            position_kind=PositionKind.FUNCTIONAL_EXPERT,
            position_level__in=(PositionLevel.AHLI_MUDA, PositionLevel.AHLI_MADYA),
        )
        .exclude(pk=chosen[0].pk)
        .exclude(pk__in=mentees)
        .order_by("pk")[:400]
    )
    rng.shuffle(pool)
    return chosen + pool[: max(count - 1, 0)]


def _mentoring(rng: random.Random, medan: OrgUnit, today: dt.date) -> dict[int, Cohort]:
    """Schemes, pairs, goals and sessions; returns mentee id → their cohort."""
    cohorts = _mentoring_cohorts(medan, today)
    enrolled = {
        c.pk: list(
            Employee.objects.filter(
                enrollments__cohort=c, enrollments__status__in=REGISTERED_STATUSES
            ).order_by("pk")
        )
        for c in cohorts
    }
    everyone = Employee.objects.filter(
        enrollments__cohort__in=[c.pk for c in cohorts],
        enrollments__status__in=REGISTERED_STATUSES,
    ).values("pk")
    mentees: dict[int, Cohort] = {}
    sessions: list[MentoringSession] = []
    for cohort in cohorts:
        people = [e for e in enrolled[cohort.pk] if e.pk not in mentees]
        if not people:
            continue
        scheme = MentoringScheme.objects.create(cohort=cohort, mentor_capacity=MENTEES_PER_MENTOR)
        mentors = _mentors(rng, medan, everyone, math.ceil(len(people) / MENTEES_PER_MENTOR))
        SchemeMentor.objects.bulk_create(SchemeMentor(scheme=scheme, employee=m) for m in mentors)
        running = cohort.status == CohortStatus.RUNNING
        for i, mentee in enumerate(people):
            pair = pair_create(
                actor=None,
                scheme=scheme,
                mentor=mentors[i // MENTEES_PER_MENTOR],
                mentee=mentee,
                started_on=cohort.start_date,
            )
            if not running:
                pair.status, pair.ended_on = PairStatus.ENDED, cohort.end_date
                pair.save(update_fields=["status", "ended_on"])
            mentees[mentee.pk] = cohort
            sessions += _sessions(rng, pair, cohort, today, quiet=running and i % 4 == 3)
            _goals(rng, pair, scored=not running or i % 2 == 0)
    MentoringSession.objects.bulk_create(sessions, batch_size=BATCH)
    return mentees


def _sessions(
    rng: random.Random, pair: MentoringPair, cohort: Cohort, today: dt.date, quiet: bool
) -> list[MentoringSession]:
    """A meeting every two weeks, now and then one that did not happen; a `quiet` pair
    stops meeting after a month (so its health alert shows)."""
    end = min(cohort.end_date, today)
    if quiet:
        end = min(end, cohort.start_date + dt.timedelta(days=30))
    rows, day, n = [], cohort.start_date + dt.timedelta(days=3), 0
    while day <= end:
        missed = rng.random() < 0.12
        rows.append(
            MentoringSession(
                pair=pair,
                date=day,
                duration_minutes=0 if missed else rng.choice((45, 60, 60, 90)),
                mode=rng.choice(SessionMode.values),
                topic=TOPICS[min(n, len(TOPICS) - 1)],
                agreed_actions="" if missed else "Menyusun catatan kemajuan untuk sesi berikut",
                status=SessionStatus.MISSED if missed else SessionStatus.HELD,
                logged_by_mentor=rng.random() < 0.7,
            )
        )
        day += dt.timedelta(days=14 + rng.randint(-2, 3))
        n += 1
    return rows


def _goals(rng: random.Random, pair: MentoringPair, scored: bool) -> None:
    goals = []
    for title, expected in GOALS[: rng.randint(2, 3)]:
        level = rng.choices((-2, -1, 0, 1, 2), weights=(1, 3, 6, 3, 1))[0] if scored else None
        goals.append(
            MentoringGoal(
                pair=pair, title=title, expected=expected, weight=rng.randint(1, 3), level=level
            )
        )
    MentoringGoal.objects.bulk_create(goals)


def _rating(score: float) -> str:
    return "di_atas" if score >= 85 else "sesuai" if score >= 62 else "di_bawah"


def _appraisals(
    rng: random.Random, medan: OrgUnit, today: dt.date, mentees: dict[int, Cohort]
) -> dict[str, int]:
    """Two years of appraisals for Medan's staff, each person with a stable level and a
    yearly drift; mentees gain MENTORING_EFFECT in the year their mentoring ended. Potential
    and the 9-box for the officials of last year."""
    years = (today.year - 2, today.year - 1)
    staff = list(
        Employee.objects.filter(unit__path__startswith=medan.path, is_active=True).values_list(
            "pk", "position_kind", "position_level"
        )
    )
    rows = []
    for pk, _kind, _level in staff:
        base = rng.gauss(74, 7)
        for year in years:
            score = base + 1.5 * (year - years[0]) + rng.gauss(0, 2.5)
            cohort = mentees.get(pk)
            if cohort is not None and cohort.end_date.year <= year:
                score += MENTORING_EFFECT
            score = max(0.0, min(100.0, score))
            hasil = _rating(score)
            perilaku = "di_atas" if rng.random() < 0.15 else "sesuai"
            rows.append(
                Appraisal(
                    employee_id=pk,
                    year=year,
                    hasil_kerja=hasil,
                    perilaku=perilaku,
                    predikat=skp_predikat(hasil, perilaku).predikat.value,
                    score=Decimal(f"{score:.2f}"),
                )
            )
    Appraisal.objects.bulk_create(rows, batch_size=BATCH)
    placed = _talent(rng, staff, years[1])
    return {"appraisals": len(rows), "talent_placements": placed}


def _talent(rng: random.Random, staff: Iterable[tuple[int, str, str]], year: int) -> int:
    """Potential scores and 9-box placements of officials (manajerial and ahli)."""
    officials = [
        pk
        for pk, kind, _level in staff
        if kind in PositionKind.managerial() or kind == PositionKind.FUNCTIONAL_EXPERT
    ]
    potentials = [
        PotentialAssessment(
            employee_id=pk,
            year=year,
            score=Decimal(f"{min(100.0, max(30.0, rng.gauss(70, 12))):.2f}"),
            source="Uji potensi BKPSDM",
        )
        for pk in officials
    ]
    PotentialAssessment.objects.bulk_create(potentials, batch_size=BATCH)
    predikat = dict(Appraisal.objects.filter(year=year).values_list("employee_id", "predikat"))
    cutoffs = AxisCutoffs(60, 80)
    placements = []
    for p in potentials:
        box = talent_box_from_levels(
            KINERJA_LEVEL.get(predikat.get(p.employee_id, ""), 0), cutoffs.level(float(p.score))
        )
        placements.append(
            TalentPlacement(
                employee_id=p.employee_id,
                year=year,
                box=box.box,
                evidence={
                    "predikat": predikat.get(p.employee_id, ""),
                    "potensial": str(p.score),
                    "potensial_sumber": p.source,
                    "kinerja_level": box.kinerja,
                    "potensial_level": box.potensial,
                    "follow_up": box.follow_up,
                },
                computed_at=_now(),
            )
        )
    TalentPlacement.objects.bulk_create(placements, batch_size=BATCH)
    return len(placements)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)  # when the demo was built, as the product would
