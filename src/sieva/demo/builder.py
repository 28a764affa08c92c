"""`build()`: the whole demo in one transaction, deterministic for a seed and reference day."""

import datetime as dt
import random
import time
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record
from sieva.demo.accounts import Login, create_accounts, existing_logins
from sieva.demo.budget import budget_lines
from sieva.demo.collection import build_collection
from sieva.demo.development import build_development
from sieva.demo.enrollment import Enroller
from sieva.demo.indicators import build_indicators
from sieva.demo.orgtree import NATIONAL_CODE, Tree, create_tree
from sieva.demo.people import Person, save_people, staff_tree
from sieva.demo.qualitative import build_qualitative
from sieva.demo.schedule import PlannedCohort, create_cohorts, create_programs
from sieva.demo.skm import build_skm
from sieva.demo.skm_follow_ups import build_skm_follow_ups
from sieva.org.models import AsnKind, Employee, OrgUnit, PositionLevel
from sieva.programs.models import (
    Attendance,
    BudgetLine,
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    Program,
)
from sieva.programs.services import jp_store_rebuild, participation_store_rebuild

REFERENCE_DATE = dt.date(2026, 11, 1)
DEFAULT_SEED = 2026
BASE_EMPLOYEES = 3000
BATCH_SIZE = 2000
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
SCALE_NOT_POSITIVE = _("Skala harus lebih besar dari nol.")


@dataclass(frozen=True)
class DemoResult:
    created: bool
    logins: list[Login]
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def demo_exists() -> bool:
    return OrgUnit.objects.filter(code=NATIONAL_CODE).exists()


def build(
    *, scale: float = 1, seed: int = DEFAULT_SEED, today: dt.date = REFERENCE_DATE
) -> DemoResult:
    """Create the demo, or return the existing logins when it is already there.

    `scale` multiplies employees, cohorts and enrollments (a fraction below 1 shrinks the
    head count and cohort sizes but keeps every program and cohort, which tests use).
    Raises ValueError for a scale that is not positive.
    """
    if scale <= 0:
        raise ValueError(str(SCALE_NOT_POSITIVE))
    started = time.perf_counter()
    with transaction.atomic():
        if demo_exists():
            return DemoResult(created=False, logins=existing_logins())
        counts, logins, tree = _build(scale=scale, seed=seed, today=today)
        counts |= build_indicators(seed=seed, today=today)  # decision 0011
        counts |= build_collection(seed=seed, today=today)  # L1-L3 campaigns and answers
        counts |= build_skm(seed=seed, today=today, scale=scale)  # citizen satisfaction
        counts |= build_skm_follow_ups()  # rencana tindak lanjut (decision 0059)
        counts |= build_qualitative(seed=seed, today=today)  # interviews, coding, practices
        counts |= build_development(seed=seed, today=today)  # mentoring, careers, workspaces
        # Enrollment and attendance above partly bypass the services that keep the
        # participation store (decision 0069): store it once, from what was written.
        participation_store_rebuild()
        audit_record(
            actor=None,
            action="demo_build",
            object_type="sieva.demo",
            org_path=tree.national.path,
            changes={"scale": scale, "seed": seed, "today": today.isoformat(), **counts},
        )
    return DemoResult(True, logins, counts, time.perf_counter() - started)


def _rng(seed: int, part: str) -> random.Random:
    # One stream per part, so changing one part does not reshuffle the others.
    return random.Random(f"{seed}:{part}")  # noqa: S311 - reproducible demo data, not secrets


def _build(*, scale: float, seed: int, today: dt.date) -> tuple[dict[str, int], list[Login], Tree]:
    tree = create_tree()
    people = staff_tree(
        tree, rng=_rng(seed, "people"), today=today, target=round(BASE_EMPLOYEES * scale)
    )
    save_people(people, BATCH_SIZE)
    programs = create_programs(tree)
    planned = create_cohorts(
        programs,
        rng=_rng(seed, "cohorts"),
        today=today,
        copies=max(1, round(scale)),
        capacity_factor=min(1.0, scale),
        jp_minutes=settings.SIEVA_JP_MINUTES,
        batch_size=BATCH_SIZE,
    )
    enroller = Enroller(_rng(seed, "enrollment"), people, today)
    enrollments = [row for item in planned for row in enroller.enroll(item)]
    Enrollment.objects.bulk_create(enrollments, batch_size=BATCH_SIZE)
    _backdate(programs.values(), planned, today)
    attendance = 0
    for rows in enroller.attendance_rows(chunk=20 * BATCH_SIZE):
        _insert_attendance(rows)
        attendance += len(rows)
    jp_store_rebuild()  # the rows above bypass the services that keep the JP store (0067)
    budget_rng = _rng(seed, "budget")
    lines = [
        line
        for item in planned
        for line in budget_lines(budget_rng, item, enroller.outcomes[id(item)])
    ]
    BudgetLine.objects.bulk_create(lines, batch_size=BATCH_SIZE)
    logins = create_accounts(
        units=lambda code: OrgUnit.objects.get(code=code),
        employees=_linked_employees(people, enrollments),
    )
    counts = {
        "org_units": OrgUnit.objects.count(),
        "employees": len(people),
        "programs": len(programs),
        "cohorts": len(planned),
        "sessions": sum(len(item.sessions) for item in planned),
        "enrollments": len(enrollments),
        "attendance": attendance,
        "budget_lines": len(lines),
        "users": len(logins),
    }
    return counts, logins, tree


def _backdate(programs: Iterable[Program], planned: list[PlannedCohort], today: dt.date) -> None:
    """Creation times as they would have been rather than the time of the build.

    Programs at the start of last year, a cohort six weeks before it starts, its invitations
    three weeks before, the last status change when it ended; never after `today`.
    """

    def at(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(min(day, today), dt.time(9, 0), tzinfo=WIB)

    Program.objects.filter(pk__in=[p.pk for p in programs]).update(
        created_at=at(dt.date(today.year - 1, 1, 6))
    )
    cohorts = [item.cohort for item in planned]
    for cohort in cohorts:
        cohort.created_at = at(cohort.start_date - dt.timedelta(days=42))
    Cohort.objects.bulk_update(cohorts, ["created_at"], batch_size=BATCH_SIZE)
    for cohort in cohorts:
        invited = at(cohort.start_date - dt.timedelta(days=21))
        settled = invited if cohort.status == CohortStatus.OPEN else at(cohort.end_date)
        Enrollment.objects.filter(cohort=cohort).update(created_at=invited, updated_at=settled)


def _insert_attendance(rows: list[tuple[int, int, dt.datetime]]) -> None:
    """Insert attendance with COPY (PostgreSQL) or the driver's executemany (SQLite).

    Attendance is most of the rows (~360,000 at scale 10) and bulk_create spends most of its
    time building model instances and SQL (DESIGN.md, "Performance by design"). Writing the
    rows directly also lets `recorded_at` carry the session's time, not the build's.
    """
    meta, quote = Attendance._meta, connection.ops.quote_name
    columns = ", ".join(
        quote(meta.get_field(f).column) for f in ("session", "enrollment", "recorded_at")
    )
    # Identifiers come from the model and are quoted; every value is a bound parameter.
    table = f"{quote(meta.db_table)} ({columns})"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        adapt = connection.ops.adapt_datetimefield_value
        cursor.executemany(
            f"INSERT INTO {table} VALUES (%s, %s, %s)",  # noqa: S608
            [(session, enrollment, adapt(at)) for session, enrollment, at in rows],
        )


def _linked_employees(people: list[Person], enrollments: list[Enrollment]) -> dict[str, Employee]:
    """The employees behind the personal logins of Medan.

    peserta: a front-line PNS of Dinas Kesehatan Medan with the most enrollments (at least one
    passed); atasan: that person's direct supervisor; mentor: a senior functional official of
    BKPSDM Medan; pimpinan: the Sekretaris Daerah of Medan.
    """
    medan = [p for p in people if p.agency == "MDN"]
    taken: dict[int, list[Enrollment]] = {}
    for enrollment in enrollments:
        taken.setdefault(id(enrollment.employee), []).append(enrollment)

    def score(p: Person) -> tuple[int, int]:
        rows = taken.get(id(p.obj), [])
        passed = any(e.status == EnrollmentStatus.PASSED for e in rows)
        return (int(passed), len(rows))

    candidates = [
        p
        for p in medan
        if p.frontline
        and p.staff == "puskesmas"
        and not p.managerial
        and p.obj.asn_kind == AsnKind.PNS
    ]
    participant = max(candidates, key=score)
    senior = [
        p
        for p in medan
        if p.staff == "bkpsdm"
        and p.obj.position_level in (PositionLevel.AHLI_MADYA, PositionLevel.AHLI_MUDA)
    ] or [p for p in medan if p.staff == "bkpsdm" and p.managerial]
    leader = next(p for p in medan if p.depth == 0)
    supervisor = participant.obj.supervisor
    if supervisor is None:  # staff always report to a unit leader (people.py)
        raise RuntimeError("Peserta demo tidak memiliki atasan langsung.")
    return {
        "peserta": participant.obj,
        "atasan": supervisor,
        "mentor": senior[0].obj,
        "pimpinan": leader.obj,
    }
