"""JP (jam pelajaran) earned per employee and the yearly development obligations.

- PNS: at least ``SIEVA_PNS_MIN_JP_PER_YEAR`` (20) JP per calendar year (PP 11/2017 Pasal 203(4)).
- PPPK: at most ``SIEVA_PPPK_MAX_JP_PER_CONTRACT_YEAR`` (24) JP per contract year
  (PP 49/2018 Pasal 40).

JP earned = the sum of `Session.jp` over the sessions the employee attended (`Attendance`
rows), dated by `Session.date`. Periods and edge cases: docs/decisions/0005-jp-compliance.md.
One person attending two cohorts on the same day cannot earn both days' JP: that day counts
the larger cohort's JP once, and the pair is a data-quality problem (`same_day_overlaps`,
decision 0045). Every figure here reads the JP store (`JpDay`, `JpYear`, decision 0067),
which every write that changes attendance keeps equal to that rule; none issues a query per
employee.
"""

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    FilteredRelation,
    Func,
    IntegerField,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from sieva.core.periods import add_years
from sieva.org.access import Access, scope_queryset
from sieva.org.models import AsnKind, Employee, OrgKind, OrgUnit
from sieva.programs.models import JpDay
from sieva.programs.models import JpYear as StoredJpYear

ZERO = Decimal("0")


def contract_year(contract_start: dt.date | None, year: int) -> tuple[dt.date, dt.date] | None:
    """The PPPK contract year that begins in `year`, as ``[start, end)``.

    Contract year k runs from ``contract_start + k years`` to ``contract_start + k+1 years``.
    Without a contract start the calendar year stands in; None when the contract only starts
    after `year` (no contract year of that person begins in it).
    """
    if contract_start is None:
        return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    if contract_start.year > year:
        return None
    start = add_years(contract_start, year - contract_start.year)
    return start, add_years(contract_start, year - contract_start.year + 1)


@dataclass(frozen=True)
class EmployeeJp:
    """One employee's JP over the period the rule for their kind of ASN looks at."""

    employee_id: int
    nip: str
    name: str
    asn_kind: str
    unit_id: int
    unit_name: str
    unit_path: str
    jp: Decimal
    period_start: dt.date
    period_end: dt.date  # exclusive

    @property
    def is_pns(self) -> bool:
        return self.asn_kind == AsnKind.PNS

    @property
    def meets_minimum(self) -> bool:
        return self.is_pns and self.jp >= settings.SIEVA_PNS_MIN_JP_PER_YEAR

    @property
    def exceeds_cap(self) -> bool:
        return not self.is_pns and self.jp > settings.SIEVA_PPPK_MAX_JP_PER_CONTRACT_YEAR

    @property
    def period_last_day(self) -> dt.date:
        return self.period_end - dt.timedelta(days=1)


def employees_in_scope(access: Access, node: OrgUnit | None = None) -> QuerySet[Employee]:
    """Active employees whose unit lies in the user's subtree (and under `node` if given)."""
    employees = scope_queryset(Employee.objects.filter(is_active=True), access, "unit")
    if node is not None:
        employees = employees.filter(unit__path__startswith=node.path)
    return employees


def jp_per_employee(employees: QuerySet[Employee], year: int) -> dict[int, Decimal]:
    """Calendar-year JP of each of `employees` who attended anything in `year`, one query
    on the JP store."""
    return dict(
        StoredJpYear.objects.filter(employee__in=employees.values("pk"), year=year).values_list(
            "employee_id", "jp"
        )
    )


def same_day_overlaps(employees: QuerySet[Employee], year: int) -> tuple[int, int]:
    """(employees, person-days) on which one of `employees` is recorded in two or more
    cohorts on the same day in `year`: a data-quality problem, counted once (one query)."""
    found = StoredJpYear.objects.filter(
        employee__in=employees.values("pk"), year=year, overlap_days__gt=0
    ).aggregate(people=Count("pk"), days=Sum("overlap_days"))
    return found["people"] or 0, found["days"] or 0


def _jp_per_day(
    employees: QuerySet[Employee], first: dt.date, end: dt.date
) -> dict[int, list[tuple[dt.date, Decimal]]]:
    days: dict[int, list[tuple[dt.date, Decimal]]] = defaultdict(list)
    rows = JpDay.objects.filter(
        employee__in=employees.values("pk"), date__gte=first, date__lt=end
    ).values_list("employee_id", "date", "jp")
    for emp, day, jp in rows:
        days[emp].append((day, jp))
    return days


def jp_compliance(employees: QuerySet[Employee], year: int) -> list[EmployeeJp]:
    """Every one of `employees` with the JP their rule counts for report year `year`.

    PNS: calendar year `year`, including those with no attendance at all (0 JP). PPPK: the
    contract year beginning in `year`; a PPPK whose contract starts later is left out.
    Two queries on the JP store whatever the number of employees.
    """
    people = list(
        with_year_jp(employees, year)
        .values(
            "pk",
            "nip",
            "name",
            "asn_kind",
            "unit_id",
            "unit__name",
            "unit__path",
            "contract_start",
            "year_jp",
        )
        .order_by("unit__path", "name", "pk")
    )
    # Every PPPK contract year beginning in `year` ends before 1 January of `year` + 2.
    pppk_days = _jp_per_day(
        employees.exclude(asn_kind=AsnKind.PNS), dt.date(year, 1, 1), dt.date(year + 2, 1, 1)
    )
    records = []
    for person in people:
        if person["asn_kind"] == AsnKind.PNS:
            period = (dt.date(year, 1, 1), dt.date(year + 1, 1, 1))
            jp = person["year_jp"] if person["year_jp"] is not None else ZERO
        else:
            found = contract_year(person["contract_start"], year)
            if found is None:
                continue
            period = found
            jp = sum(
                (
                    amount
                    for day, amount in pppk_days.get(person["pk"], ())
                    if period[0] <= day < period[1]
                ),
                ZERO,
            )
        records.append(
            EmployeeJp(
                employee_id=person["pk"],
                nip=person["nip"],
                name=person["name"],
                asn_kind=person["asn_kind"],
                unit_id=person["unit_id"],
                unit_name=person["unit__name"],
                unit_path=person["unit__path"],
                jp=jp,
                period_start=period[0],
                period_end=period[1],
            )
        )
    return records


def pns_meeting_minimum(employees: QuerySet[Employee], year: int) -> tuple[int, int]:
    """(number of PNS among `employees`, how many earned the minimum JP in `year`), 2 queries."""
    pns = employees.filter(asn_kind=AsnKind.PNS)
    meeting = StoredJpYear.objects.filter(
        employee__in=pns.values("pk"), year=year, jp__gte=settings.SIEVA_PNS_MIN_JP_PER_YEAR
    )
    return pns.count(), meeting.count()


def with_year_jp(employees: QuerySet[Employee], year: int) -> QuerySet[Employee]:
    """`employees` joined to their stored calendar year `year` as `stored` (null without
    attendance that year) and annotated with `year_jp`, its JP. One join, no row per year."""
    return employees.annotate(
        stored=FilteredRelation("jp_years", condition=Q(jp_years__year=year))
    ).annotate(year_jp=F("stored__jp"))


class MonthDay(Func):
    """month * 100 + day of a date, as `JpDay.month_day` stores it. SQLite slices the ISO
    text it keeps dates as (Django's date functions there call Python once per row)."""

    output_field = IntegerField()
    template = (
        "CAST(EXTRACT(MONTH FROM %(expressions)s) * 100 + EXTRACT(DAY FROM %(expressions)s) "
        "AS INTEGER)"
    )

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template=(
                "CAST(substr(%(expressions)s, 6, 2) || substr(%(expressions)s, 9, 2) AS INTEGER)"
            ),
            **extra,
        )


def _month_day(field: str) -> Any:
    return MonthDay(field)


def _in_year(month_day: Any, year: int) -> Any:
    """A contract's anniversary (month * 100 + day) in `year`: 29 February becomes
    28 February in a common year, as `add_years` does."""
    if calendar.isleap(year):
        return month_day
    return Case(When(**{f"{month_day.name}": 229}, then=Value(228)), default=month_day)


def pppk_contract_jp(employees: QuerySet[Employee], year: int) -> list[tuple[int, str, Decimal]]:
    """(id, unit path, JP) of each PPPK among `employees` with a contract year beginning in
    `year`: the stored JP of the days in that contract year — the figure `jp_compliance`
    gives them, summed in the database so that counting them reads no day into Python.
    Without a contract start the calendar year stands in (anniversary 1 January).

    One query. Each person's anniversary is computed once in a materialised CTE (a date
    function per day row is what made this slow) and joined to the store's days.
    """
    people = (
        employees.exclude(asn_kind=AsnKind.PNS)
        .filter(Q(contract_start__isnull=True) | Q(contract_start__year__lte=year))
        .annotate(anniversary=Coalesce(_month_day("contract_start"), Value(101)))
        .annotate(
            starts=_in_year(F("anniversary"), year), ends=_in_year(F("anniversary"), year + 1)
        )
        .values("pk", "unit__path", "starts", "ends")
        .order_by()
    )
    try:
        people_sql, params = people.query.sql_with_params()
    except EmptyResultSet:
        return []
    q = connection.ops.quote_name
    table = q(JpDay._meta.db_table)
    sql = (
        f"WITH people AS MATERIALIZED ({people_sql}) "  # noqa: S608 - Django-built SQL and our names
        "SELECT people.pk, people.unit__path, COALESCE(SUM(days.jp), 0) FROM people "
        f"LEFT JOIN {table} days ON days.employee_id = people.pk AND ("
        "(days.date >= %s AND days.date < %s AND days.month_day >= people.starts) OR "
        "(days.date >= %s AND days.date < %s AND days.month_day < people.ends)) "
        "GROUP BY people.pk, people.unit__path"
    )
    bounds = [dt.date(year + offset, 1, 1) for offset in (0, 1, 1, 2)]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *bounds])
        return [(pk, path, _decimal(jp)) for pk, path, jp in cursor.fetchall()]


def _decimal(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def nearest_of_kind(paths: Iterable[str], kind: str) -> dict[str, tuple[int, str, str] | None]:
    """For each tree path, its nearest node of `kind` (itself included) as (id, name, path).

    One query for all paths: the node ids are read from the materialised paths.
    """
    paths = set(paths)
    ids = {int(part) for path in paths for part in path.strip("/").split("/") if part}
    found = {
        pk: (pk, name, path)
        for pk, name, path in OrgUnit.objects.filter(pk__in=ids, kind=kind).values_list(
            "pk", "name", "path"
        )
    }
    result: dict[str, tuple[int, str, str] | None] = {}
    for path in paths:
        chain = [int(part) for part in path.strip("/").split("/") if part]
        result[path] = next((found[pk] for pk in reversed(chain) if pk in found), None)
    return result


def work_unit_of(paths: Iterable[str]) -> dict[str, tuple[int, str, str]]:
    """Each employee unit path mapped to its perangkat daerah / unit kerja (id, name, path).

    A unit layanan rolls up to its perangkat daerah; a unit with none above it stands for
    itself (one extra query for those).
    """
    paths = set(paths)
    mapped = nearest_of_kind(paths, OrgKind.DEPARTMENT)
    missing = {
        int(path.strip("/").split("/")[-1]): path for path, node in mapped.items() if not node
    }
    result = {path: node for path, node in mapped.items() if node}
    if missing:
        for pk, name, path in OrgUnit.objects.filter(pk__in=missing).values_list(
            "pk", "name", "path"
        ):
            result[missing[pk]] = (pk, name, path)
    return result


@dataclass(frozen=True)
class UnitCompliance:
    """The JP obligations of one perangkat daerah / unit kerja (its unit layanan included)."""

    unit_id: int
    unit_name: str
    pns: int
    pns_meeting: int
    pppk: int
    pppk_over: int

    @property
    def compliance_rate(self) -> float | None:
        """Share of PNS meeting the minimum, or None without PNS."""
        return self.pns_meeting / self.pns if self.pns else None


def unit_compliance(records: list[EmployeeJp]) -> list[UnitCompliance]:
    """`records` summed per perangkat daerah / unit kerja, in tree order."""
    pns: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    pppk: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for record in records:
        cell = pns[record.unit_path] if record.is_pns else pppk[record.unit_path]
        cell[0] += 1
        cell[1] += record.meets_minimum if record.is_pns else record.exceeds_cap
    return unit_compliance_counts(
        {path: (n, met) for path, (n, met) in pns.items()},
        {path: (n, over) for path, (n, over) in pppk.items()},
    )


def unit_compliance_counts(
    pns: dict[str, tuple[int, int]], pppk: dict[str, tuple[int, int]]
) -> list[UnitCompliance]:
    """Per perangkat daerah / unit kerja, in tree order: `pns` maps an employee unit path to
    (PNS, PNS meeting the minimum) there, `pppk` to (PPPK, PPPK over the cap)."""
    units = work_unit_of(set(pns) | set(pppk))
    counts: dict[tuple[int, str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for path, (n, meeting) in pns.items():
        cell = counts[units[path]]
        cell[0] += n
        cell[1] += meeting
    for path, (n, over) in pppk.items():
        cell = counts[units[path]]
        cell[2] += n
        cell[3] += over
    return [
        UnitCompliance(
            unit_id=unit[0],
            unit_name=unit[1],
            pns=c[0],
            pns_meeting=c[1],
            pppk=c[2],
            pppk_over=c[3],
        )
        for unit, c in sorted(counts.items(), key=lambda item: item[0][2])
    ]
