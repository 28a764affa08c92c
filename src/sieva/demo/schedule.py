"""Programs, curricula, cohorts (angkatan) and their sessions, dated around the reference day.

Past cohorts are spread over last year and this year up to a few weeks before the reference
day, a running one straddles it, an upcoming one opens registration or is only planned. Every
cohort's sessions add up to exactly the JP of its curriculum.
"""

import datetime as dt
import math
import random
from dataclasses import dataclass, field

from sieva.demo.catalogue import MODUL, OFFERINGS, PEKANAN, PROGRAMS, Offering, ProgramSpec
from sieva.demo.orgtree import Tree
from sieva.demo.text import words
from sieva.programs.models import Cohort, CohortStatus, Program, Session, Subject

HR_BODY = {"MDN": "MDN-BKPSDM", "PLG": "PLG-BKPSDM", "DKI": "DKI-BKD"}
ORGANISER = {
    "MDN": "BKPSDM Kota Medan",
    "PLG": "BKPSDM Kota Palembang",
    "DKI": "BKD Provinsi DKI Jakarta",
}
VENUES = {
    "MDN": ("Aula BKPSDM Kota Medan", "Ruang Rapat III Kantor Wali Kota Medan"),
    "PLG": ("Aula BKPSDM Kota Palembang", "Ruang Parameswara Kantor Wali Kota Palembang"),
    "DKI": ("Aula Blok G Balai Kota DKI Jakarta", "Ruang Pelatihan BKD Provinsi DKI Jakarta"),
}
LABS = {
    "MDN": "Laboratorium Komputer Dinas Kominfo Kota Medan",
    "PLG": "Laboratorium Komputer Dinas Kominfo Kota Palembang",
    "DKI": "Laboratorium Komputer Diskominfotik Provinsi DKI Jakarta",
}
MODULE_GAP_DAYS = 5  # a new e-learning module opens every five days
ELEARNING_GRACE_DAYS = 7  # time to finish the last module
ROMAN = words("I II III IV V VI VII VIII IX X")


@dataclass(frozen=True)
class PlannedSession:
    subject: int
    title: str
    date: dt.date
    start: dt.time | None
    end: dt.time | None
    jp: int


@dataclass
class PlannedCohort:
    cohort: Cohort
    offering: Offering
    spec: ProgramSpec
    profile: str
    sessions: list[Session] = field(default_factory=list)


def roman(number: int) -> str:
    """Roman numeral for angkatan names (Angkatan XIV)."""
    if number <= len(ROMAN):
        return ROMAN[number - 1]
    values = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"))
    values += ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, numeral in values:
        while number >= value:
            out, number = out + numeral, number - value
    return out


def _weekday(day: dt.date) -> dt.date:
    """`day`, or the Monday after it when it falls on a weekend."""
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _clock(base: dt.time, jp_offset: int, jp_minutes: int) -> dt.time:
    minutes = base.hour * 60 + base.minute + jp_offset * jp_minutes
    return dt.time(minutes // 60, minutes % 60)


def plan_sessions(spec: ProgramSpec, start: dt.date, jp_minutes: int) -> list[PlannedSession]:
    """The sessions of one cohort starting on `start` (see the module docstring of catalogue)."""
    day, used = _weekday(start), 0
    last_weekly: dt.date | None = None
    out: list[PlannedSession] = []
    for index, (name, jp, placement) in enumerate(spec.subjects):
        if placement == MODUL:
            date = start + dt.timedelta(days=MODULE_GAP_DAYS * index)
            out.append(PlannedSession(index, name, date, None, None, jp))
            continue
        pieces: list[tuple[dt.date, dt.time, int]] = []
        remaining = jp
        if placement == PEKANAN:
            while remaining > 0:
                chunk = min(spec.weekly_jp, remaining)
                if last_weekly is None:
                    last_weekly = day if used == 0 else day + dt.timedelta(days=7)
                else:
                    last_weekly += dt.timedelta(days=7)
                pieces.append((last_weekly, dt.time(13, 30), chunk))
                remaining -= chunk
            day, used = _weekday(last_weekly + dt.timedelta(days=1)), 0
        else:
            while remaining > 0:
                if used >= 8:
                    day, used = _weekday(day + dt.timedelta(days=1)), 0
                chunk = min(4 - used % 4, remaining)
                base = dt.time(8, 0) if used < 4 else dt.time(13, 0)
                pieces.append((day, _clock(base, used % 4, jp_minutes), chunk))
                used, remaining = used + chunk, remaining - chunk
        for part, (date, begin, chunk) in enumerate(pieces, start=1):
            title = f"{name} ({part}/{len(pieces)})" if len(pieces) > 1 else name
            end = _clock(begin, chunk, jp_minutes)
            out.append(PlannedSession(index, title, date, begin, end, chunk))
    return out


def _past_starts(rng: random.Random, count: int, window: tuple[dt.date, dt.date]) -> list[dt.date]:
    first, last = window
    span = max(1, (last - first).days)
    starts = []
    for i in range(count):
        centre = first + dt.timedelta(days=span * (i + 0.5) / count)
        jitter = rng.randint(-min(10, span // (4 * count)), min(10, span // (4 * count)))
        day = centre + dt.timedelta(days=jitter)
        starts.append(day - dt.timedelta(days=day.weekday()))  # classes start on a Monday
    return starts


def _running_start(spec: ProgramSpec, today: dt.date, jp_minutes: int) -> dt.date:
    """A start that puts about half the sessions before `today` and the rest after it."""
    dates = sorted({s.date for s in plan_sessions(spec, today, jp_minutes)})
    start = today - (dates[math.ceil(len(dates) / 2)] - dates[0]) if len(dates) > 1 else today
    for _ in range(60):
        planned = plan_sessions(spec, start, jp_minutes)
        if planned[0].date < today <= planned[-1].date:
            return start
        start -= dt.timedelta(days=1)
    return start


def cohort_starts(
    offering: Offering,
    spec: ProgramSpec,
    today: dt.date,
    copies: int,
    rng: random.Random,
    jp_minutes: int,
) -> list[tuple[dt.date, str]]:
    """(start, status) of every cohort of `offering`, `copies` of each planned slot."""
    length = plan_sessions(spec, today, jp_minutes)
    duration = (length[-1].date - length[0].date).days + 1
    last_year = (dt.date(today.year - 1, 2, 1), dt.date(today.year - 1, 11, 30))
    this_year = (dt.date(today.year, 1, 15), today - dt.timedelta(days=duration + 10))
    if this_year[1] <= this_year[0]:
        this_year = last_year
    starts = [
        (d, CohortStatus.FINISHED) for d in _past_starts(rng, offering.past[0] * copies, last_year)
    ]
    starts += [
        (d, CohortStatus.FINISHED) for d in _past_starts(rng, offering.past[1] * copies, this_year)
    ]
    if offering.running:
        # Parallel classes: every running copy straddles the reference day.
        base = _running_start(spec, today, jp_minutes)
        starts += [(base, CohortStatus.RUNNING)] * copies
    if offering.upcoming:
        lead = 14 if offering.upcoming == CohortStatus.OPEN else 35
        base = _weekday(today + dt.timedelta(days=lead))
        base += dt.timedelta(days=(7 - base.weekday()) % 7)
        starts += [
            (_weekday(base + dt.timedelta(days=i)), offering.upcoming) for i in range(copies)
        ]
    return starts


def status_on(start: dt.date, end: dt.date, today: dt.date, upcoming: str) -> str:
    """The status a cohort from `start` to `end` has on `today`: selesai once it ended,
    berjalan while it runs, otherwise `upcoming` (pendaftaran or direncanakan)."""
    if end < today:
        return CohortStatus.FINISHED
    if start <= today:
        return CohortStatus.RUNNING
    return upcoming if upcoming == CohortStatus.OPEN else CohortStatus.PLANNED


def create_programs(tree: Tree) -> dict[tuple[str, str], Program]:
    programs = {}
    for offering in OFFERINGS:
        spec = PROGRAMS[offering.program]
        owner = (
            tree.by_code(HR_BODY[offering.agency])
            if offering.by_hr_body
            else tree.agencies[offering.agency]
        )
        programs[(offering.agency, spec.key)] = Program(
            name=spec.name,
            code=f"{offering.agency}-{spec.key}",
            kind=spec.kind,
            mode=spec.mode,
            objectives=spec.objectives,
            target_competencies=spec.competencies,
            target_group=spec.target_group,
            organiser=ORGANISER[offering.agency],
            owner=owner,
            participation_target=90 if spec.key == "LAYANAN-PRIMA" else 85,
        )
    Program.objects.bulk_create(programs.values())
    subjects = [
        Subject(program=program, name=name, jp=jp, order=order)
        for (_, key), program in programs.items()
        for order, (name, jp, _) in enumerate(PROGRAMS[key].subjects, start=1)
    ]
    Subject.objects.bulk_create(subjects)
    return programs


def _location(offering: Offering, spec: ProgramSpec, rng: random.Random) -> tuple[str, bool]:
    if spec.key == "ELEARNING-LITERASI-DIGITAL":
        return f"LMS {ORGANISER[offering.agency]}", True
    if spec.key == "MENTORING-ASN-BARU":
        return "Daring (Zoom) dan tatap muka di unit kerja", True
    if spec.key == "TI-ADMINISTRASI":
        return LABS[offering.agency], False
    return rng.choice(VENUES[offering.agency]), False


def create_cohorts(
    programs: dict[tuple[str, str], Program],
    *,
    rng: random.Random,
    today: dt.date,
    copies: int,
    capacity_factor: float,
    jp_minutes: int,
    batch_size: int,
) -> list[PlannedCohort]:
    """Every cohort with its sessions saved; `copies` parallel cohorts per planned slot."""
    planned: list[PlannedCohort] = []
    plans: list[list[PlannedSession]] = []
    for offering in OFFERINGS:
        spec = PROGRAMS[offering.program]
        program = programs[(offering.agency, spec.key)]
        per_year: dict[int, int] = {}
        for start, status in sorted(cohort_starts(offering, spec, today, copies, rng, jp_minutes)):
            sessions = plan_sessions(spec, start, jp_minutes)
            end = sessions[-1].date
            if spec.key == "ELEARNING-LITERASI-DIGITAL":
                end += dt.timedelta(days=ELEARNING_GRACE_DAYS)
            # The dates decide, so no cohort that ended before `today` still reads "berjalan".
            status = status_on(sessions[0].date, end, today, status)
            per_year[start.year] = per_year.get(start.year, 0) + 1
            location, online = _location(offering, spec, rng)
            minimum = 20 if spec.capacity > 100 else 10
            cohort = Cohort(
                program=program,
                name=f"Angkatan {roman(per_year[start.year])} Tahun {start.year}",
                start_date=sessions[0].date,
                end_date=end,
                location=location,
                is_online=online,
                capacity=max(minimum, round(spec.capacity * capacity_factor)),
                status=status,
            )
            later = offering.later_profile and start.year == today.year
            profile = offering.later_profile if later else offering.profile
            planned.append(PlannedCohort(cohort, offering, spec, profile))
            plans.append(sessions)
    Cohort.objects.bulk_create([p.cohort for p in planned], batch_size=batch_size)
    subjects = {
        (s.program_id, s.order): s for s in Subject.objects.filter(program__in=programs.values())
    }
    rows = []
    for item, sessions in zip(planned, plans, strict=True):
        for s in sessions:
            session = Session(
                cohort=item.cohort,
                subject=subjects[(item.cohort.program_id, s.subject + 1)],
                title=s.title,
                date=s.date,
                start_time=s.start,
                end_time=s.end,
                jp=s.jp,
            )
            item.sessions.append(session)
            rows.append(session)
    Session.objects.bulk_create(rows, batch_size=batch_size)
    return planned
