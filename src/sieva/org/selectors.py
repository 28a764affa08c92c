"""Reads for the employee and organisation pages; every one is limited to the user's subtree."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet, Value
from django.db.models.functions import Replace
from django.utils import timezone

from sieva.analysis.sampling import SampleSize, krejcie_morgan
from sieva.org.access import Access, org_units_for_user, scope_queryset
from sieva.org.imports import columns, unit_columns
from sieva.org.models import Employee, OrgUnit
from sieva.org.nip import ParsedNip, parse_nip

# Separators people type inside a NIP ("19860926 201505 1 001", "19860926.201505.1.001").
_NIP_SEPARATORS = re.compile(r"[\s.\-]")


@dataclass(frozen=True)
class EmployeeFilter:
    """The list filters; empty values mean "all"."""

    q: str = ""
    unit: OrgUnit | None = None
    asn_kind: str = ""
    grade: str = ""
    position_kind: str = ""
    active: bool | None = True


def employee_list(access: Access, filters: EmployeeFilter) -> QuerySet[Employee]:
    """Employees in the user's subtree matching `filters`, by name, with their unit loaded.

    A query made only of digits and separators searches the NIP (anywhere in it, so the
    serial or birth date alone finds people); anything else searches the name, where every
    word must appear in any order, ignoring case and the dots and commas of titles
    ("kusuma aditya" finds "Aditya Kusuma", "maharani st" finds "Aisyah Maharani, S.T.").
    """
    employees = scope_queryset(Employee.objects.select_related("unit"), access, "unit")
    query = filters.q.strip()
    if query:
        digits = _NIP_SEPARATORS.sub("", query)
        if digits.isdigit():
            employees = employees.filter(nip__contains=digits)
        else:
            employees = _matching_every_word(employees, query)
    if filters.unit is not None:
        employees = employees.filter(unit__path__startswith=filters.unit.path)
    for field in ("asn_kind", "grade", "position_kind"):
        if value := getattr(filters, field):
            employees = employees.filter(**{field: value})
    if filters.active is not None:
        employees = employees.filter(is_active=filters.active)
    return employees.order_by("name", "pk")


def _matching_every_word(employees: QuerySet[Employee], query: str) -> QuerySet[Employee]:
    # Commas separate words ("Maharani, S.T."); dots are dropped, so "S.T." and "ST" agree.
    words = query.replace(",", " ").replace(".", "").split()
    if not words:
        return employees.none()
    bare_name = Replace(Replace("name", Value("."), Value("")), Value(","), Value(""))
    employees = employees.annotate(bare_name=bare_name)
    for word in words:
        employees = employees.filter(bare_name__icontains=word)
    return employees


# The export uses exactly the import's columns (docs/employee-import.md), so a downloaded CSV
# uploads again unchanged (the round trip of decision 0043); gender and birth date are read
# from the NIP, the unit's name from its code.
EXPORT_HEADERS = columns.ALL
_EXPORT_FIELDS = {
    columns.NIP: "nip",
    columns.NAME: "name",
    columns.ASN_KIND: "asn_kind",
    columns.GRADE: "grade",
    columns.POSITION_KIND: "position_kind",
    columns.UNIT: "unit__code",
    columns.POSITION_LEVEL: "position_level",
    columns.POSITION_NAME: "position_name",
    columns.EDUCATION: "education",
    columns.SUPERVISOR: "supervisor__nip",
    columns.CONTRACT_START: "contract_start",
    columns.ACTIVE: "is_active",
}


def employee_export_headers() -> list[str]:
    return list(EXPORT_HEADERS)


def employee_export_rows(employees: QuerySet[Employee]) -> Iterator[list[Any]]:
    """One row per employee in `EXPORT_HEADERS` order, streamed so a large export stays small."""
    fields = [_EXPORT_FIELDS[header] for header in EXPORT_HEADERS]
    active = fields.index("is_active")
    rows = employees.select_related(None).values_list(*fields)
    for row in rows.iterator(chunk_size=2000):
        values = list(row)
        values[active] = "YA" if values[active] else "TIDAK"
        yield values


@dataclass(frozen=True)
class EmployeeDetail:
    employee: Employee
    nip: ParsedNip | None  # None for a stored NIP that no longer parses (legacy data)
    nip_error: str
    age: int | None
    unit_path: list[OrgUnit]
    supervisor_in_scope: bool
    subordinates: list[Employee]


SUBORDINATES_SHOWN = 50


def employee_detail(access: Access, employee: Employee) -> EmployeeDetail:
    """The employee's identity and place in the organisation; a fixed number of queries."""
    try:
        parsed: ParsedNip | None = parse_nip(employee.nip)
        nip_error = ""
    except ValueError as exc:
        parsed, nip_error = None, str(exc)
    today = timezone.localdate()
    birth = employee.birth_date
    age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    ids = [int(part) for part in employee.unit.path.strip("/").split("/") if part]
    path = list(OrgUnit.objects.filter(pk__in=ids).order_by("depth"))
    supervisor = employee.supervisor
    subordinates = scope_queryset(employee.subordinates.select_related("unit"), access, "unit")
    return EmployeeDetail(
        employee=employee,
        nip=parsed,
        nip_error=nip_error,
        age=age,
        unit_path=[unit for unit in path if access.covers(unit)],
        supervisor_in_scope=supervisor is not None and access.covers(supervisor.unit),
        subordinates=list(subordinates.order_by("name", "pk")[:SUBORDINATES_SHOWN]),
    )


@dataclass(frozen=True)
class UnitRow:
    unit: OrgUnit
    level: int  # depth below the top of the shown tree, for indentation
    employees: int  # active employees placed directly in the unit
    employees_in_subtree: int  # the unit's own plus all units below it
    has_children: bool


def unit_tree(
    access: Access, root: OrgUnit | None = None, *, include_inactive: bool = False
) -> list[UnitRow]:
    """The user's subtree (or the part under `root`) in tree order with active-employee counts;
    inactive units only with `include_inactive` (an inactive unit has only inactive units
    below it, so the tree stays whole).

    Two queries: the units, and one grouped count; subtree totals are summed along the paths.
    """
    prefix = root.path if root is not None else access.scope_path
    units_qs = org_units_for_user(access).filter(path__startswith=prefix)
    if not include_inactive:
        units_qs = units_qs.filter(active=True)
    units = list(units_qs)
    if not units:
        return []
    top = min(unit.depth for unit in units)
    direct = dict(
        Employee.objects.filter(is_active=True, unit__path__startswith=prefix)
        .values_list("unit_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    totals = {unit.pk: 0 for unit in units}
    for unit in units:
        count = direct.get(unit.pk, 0)
        if not count:
            continue
        for part in unit.path.strip("/").split("/"):
            if (ancestor_id := int(part)) in totals:
                totals[ancestor_id] += count
    parents = {unit.parent_id for unit in units}
    return [
        UnitRow(unit, unit.depth - top, direct.get(unit.pk, 0), totals[unit.pk], unit.pk in parents)
        for unit in units
    ]


@dataclass(frozen=True)
class UnitDetail:
    row: UnitRow  # the unit with its employee counts
    ancestors: list[OrgUnit]  # from the top of the user's scope down to the parent
    children: list[UnitRow]  # inactive ones too
    sample: SampleSize | None  # Krejcie-Morgan minimum for the SKM, from the population


def unit_detail(access: Access, unit: OrgUnit) -> UnitDetail:
    """The unit, its place in the user's subtree and its direct subunits, in three queries."""
    rows = unit_tree(access, unit, include_inactive=True)
    ids = [int(part) for part in unit.path.strip("/").split("/")[:-1] if part]
    ancestors = org_units_for_user(access).filter(pk__in=ids).order_by("depth")
    population = unit.service_population
    return UnitDetail(
        row=rows[0],
        ancestors=list(ancestors),
        children=[row for row in rows if row.unit.parent_id == unit.pk],
        sample=krejcie_morgan(population) if population else None,
    )


# The export uses the organisation import's column names (docs/org-import.md) and kind codes,
# so a downloaded CSV can be corrected in a spreadsheet and uploaded again; the import ignores
# the last three columns.
UNIT_EXPORT_HEADERS = (
    *unit_columns.ALL,
    "TINGKAT",
    "PEGAWAI_AKTIF_DI_UNIT",
    "PEGAWAI_AKTIF_TERMASUK_SUBUNIT",
)


def unit_export_headers() -> list[str]:
    return list(UNIT_EXPORT_HEADERS)


def unit_export_rows(rows: list[UnitRow]) -> list[list[Any]]:
    codes = {row.unit.pk: row.unit.code for row in rows}
    return [
        [
            row.unit.code,
            row.unit.name,
            row.unit.kind,
            codes.get(row.unit.parent_id or 0, ""),
            row.unit.service_population,
            "YA" if row.unit.active else "TIDAK",
            row.level,
            row.employees,
            row.employees_in_subtree,
        ]
        for row in rows
    ]
