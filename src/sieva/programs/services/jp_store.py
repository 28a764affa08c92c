"""The JP store: JP per employee and day (`JpDay`) and per calendar year (`JpYear`), kept
equal to what attendance gives (decision 0067).

Every write that changes the JP someone earned calls `jp_refresh` (or `jp_refresh_session`)
inside its own transaction: ticking attendance, LMS / xAPI learning records and completion
imports, approved outside learning, moving or re-weighing a session. The refresh recomputes
the named employees' rows from their attendance — the same rule the 20 JP report always
used: per day the cohort with the most JP that day counts, once (decision 0045) — so the
store holds no increment that could drift. `jp_store_compare` recomputes everything and
lists each difference (`sieva rebuild_jp`); `jp_store_rebuild` rewrites the store.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F, QuerySet, Sum

from sieva.org.models import Employee
from sieva.programs.models import Attendance, JpDay, JpYear, Session
from sieva.programs.selectors.jp_units import jp_units_rebuild, jp_units_refresh_employees

CHUNK = 1000  # employees per refresh statement: well under every database's parameter limit
BATCH = 2000
ZERO = Decimal("0")

DayKey = tuple[int, dt.date]  # employee, day
YearKey = tuple[int, int]  # employee, calendar year


def expected_days(attendance: QuerySet[Any]) -> dict[DayKey, tuple[Decimal, int]]:
    """(JP, cohorts attended) per employee and day of `attendance`: per day the largest
    cohort's JP, as every JP figure counts it. One grouped query; works on the historical
    models of a migration too."""
    rows = (
        attendance.values(
            emp=F("enrollment__employee_id"), day=F("session__date"), cohort=F("session__cohort_id")
        )
        .annotate(jp=Sum("session__jp"))
        .order_by()
    )
    days: dict[DayKey, tuple[Decimal, int]] = {}
    for row in rows.iterator(chunk_size=10_000):
        key = (row["emp"], row["day"])
        jp = Decimal(row["jp"] or ZERO)
        best, cohorts = days.get(key, (ZERO, 0))
        days[key] = (max(best, jp), cohorts + 1)
    return days


def years_of(days: dict[DayKey, tuple[Decimal, int]]) -> dict[YearKey, tuple[Decimal, int]]:
    """(JP, days in two or more cohorts) per employee and calendar year."""
    years: dict[YearKey, list[Any]] = defaultdict(lambda: [ZERO, 0])
    for (emp, day), (jp, cohorts) in days.items():
        cell = years[emp, day.year]
        cell[0] += jp
        cell[1] += cohorts > 1
    return {key: (jp, overlaps) for key, (jp, overlaps) in years.items()}


def store_days(day_model: Any, year_model: Any, days: dict[DayKey, tuple[Decimal, int]]) -> None:
    day_model.objects.bulk_create(
        (
            day_model(
                employee_id=emp,
                date=day,
                month_day=day.month * 100 + day.day,
                jp=jp,
                cohorts=cohorts,
            )
            for (emp, day), (jp, cohorts) in days.items()
        ),
        batch_size=BATCH,
    )
    year_model.objects.bulk_create(
        (
            year_model(employee_id=emp, year=year, jp=jp, overlap_days=overlaps)
            for (emp, year), (jp, overlaps) in years_of(days).items()
        ),
        batch_size=BATCH,
    )


def jp_refresh(*, employee_ids: Iterable[int]) -> None:
    """Recompute the stored JP of `employee_ids` from their attendance.

    Call it inside the transaction of the write that changed their attendance or sessions;
    the employees' rows are locked first so two writes for one person queue up.
    """
    ids = sorted(set(employee_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        with transaction.atomic():
            list(Employee.objects.select_for_update().filter(pk__in=chunk).values_list("pk"))
            days = expected_days(Attendance.objects.filter(enrollment__employee_id__in=chunk))
            JpDay.objects.filter(employee_id__in=chunk).delete()
            JpYear.objects.filter(employee_id__in=chunk).delete()
            store_days(JpDay, JpYear, days)
            jp_units_refresh_employees(chunk)  # the per-unit counts of decision 0070


def jp_refresh_session(session: Session) -> None:
    """Recompute the stored JP of everyone who attended `session` (after its date or JP
    changed: both the old and the new day are among those people's rows)."""
    jp_refresh(
        employee_ids=Attendance.objects.filter(session=session).values_list(
            "enrollment__employee_id", flat=True
        )
    )


@dataclass(frozen=True)
class Difference:
    """One stored row that differs from the recomputation (None: the row is missing/extra)."""

    employee_id: int
    period: str  # 'YYYY-MM-DD' for a day, 'YYYY' for a year
    stored: tuple[Decimal, int] | None
    expected: tuple[Decimal, int] | None


def jp_store_compare() -> list[Difference]:
    """Every day and year whose stored JP does not match attendance, by employee and period."""
    days = expected_days(Attendance.objects.all())
    expected: dict[tuple[int, str], tuple[Decimal, int]] = {
        (emp, day.isoformat()): value for (emp, day), value in days.items()
    }
    expected |= {(emp, str(year)): value for (emp, year), value in years_of(days).items()}
    stored: dict[tuple[int, str], tuple[Decimal, int]] = {
        (emp, day.isoformat()): (jp, cohorts)
        for emp, day, jp, cohorts in JpDay.objects.values_list(
            "employee_id", "date", "jp", "cohorts"
        ).iterator(chunk_size=10_000)
    }
    stored |= {
        (emp, str(year)): (jp, overlaps)
        for emp, year, jp, overlaps in JpYear.objects.values_list(
            "employee_id", "year", "jp", "overlap_days"
        ).iterator(chunk_size=10_000)
    }
    return [
        Difference(key[0], key[1], stored.get(key), expected.get(key))
        for key in sorted(expected.keys() | stored.keys())
        if expected.get(key) != stored.get(key)
    ]


@transaction.atomic
def jp_store_rebuild() -> int:
    """Replace the whole store by the recomputation; the number of day rows written."""
    days = expected_days(Attendance.objects.all())
    JpDay.objects.all().delete()
    JpYear.objects.all().delete()
    store_days(JpDay, JpYear, days)
    jp_units_rebuild()
    return len(days)
