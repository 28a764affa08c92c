"""The 20 JP report: PNS below the yearly minimum, PPPK above the contract-year cap, per unit.

Roles without personal data get the per-unit summary only, with small groups hidden.
"""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, overload

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from sieva.core.report_table import (
    COUNT,
    DATE,
    JP,
    PCT,
    TEXT,
    ReportTable,
    Suppressed,
    is_small,
    percent,
)
from sieva.org.access import Access, Capability
from sieva.org.models import AsnKind, Employee, OrgUnit
from sieva.programs.selectors.jp import (
    ZERO,
    EmployeeJp,
    contract_year,
    employees_in_scope,
    pppk_contract_jp,
    unit_compliance_counts,
    with_year_jp,
)
from sieva.programs.selectors.jp_units import jp_units_for

PERSONAL_TABLES = frozenset({"pns_below", "pppk_over"})


@dataclass(frozen=True)
class JpSummary:
    """Totals over the whole selection; a figure is `Suppressed` when its group is too small."""

    pns: Any
    pns_meeting: Any
    compliance: Any
    pppk: Any
    pppk_over: Any


@dataclass(frozen=True)
class JpReport:
    year: int
    minimum: int
    cap: int
    summary: JpSummary
    tables: dict[str, ReportTable]
    # (employees, person-days) recorded in two cohorts on one day: counted once, to fix
    same_day: tuple[int, int] = (0, 0)


def _pns_cells(pns: int, meeting: int, hide: bool) -> tuple[Any, ...]:
    if hide and is_small(pns):
        return Suppressed(), Suppressed(), Suppressed()
    return pns, meeting, percent(meeting / pns if pns else None)


def _pppk_cells(pppk: int, over: int, hide: bool) -> tuple[Any, ...]:
    if hide and is_small(pppk):
        return Suppressed(), Suppressed()
    return pppk, over


class UnitPagedRows(Sequence[tuple[Any, ...]]):
    """Rows of a list of people, ordered by unit (in the database's order of unit paths),
    read unit by unit: `counts` gives how many rows each unit holds (from `JpUnitYear`), so
    a page reads only the units that hold it; the export iterates every unit.

    `rows_for(unit_ids)` returns the rows of those units in the report's order."""

    CHUNK = 50  # units per query when iterating everything

    def __init__(
        self,
        counts: list[tuple[int, int]],
        rows_for: Callable[[list[int]], list[tuple[Any, ...]]],
    ) -> None:
        self._counts = [(pk, n) for pk, n in counts if n]
        self._rows_for = rows_for

    def __len__(self) -> int:
        return sum(n for _pk, n in self._counts)

    @overload
    def __getitem__(self, index: int) -> tuple[Any, ...]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[Any, ...]]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, int):
            found = self[index : index + 1] if index >= 0 else list(self)[index : index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        start, stop, step = index.indices(len(self))
        if start >= stop:
            return []
        units, first, seen = [], None, 0
        for pk, n in self._counts:
            if seen + n > start and seen < stop:
                units.append(pk)
                first = seen if first is None else first
            seen += n
        rows = self._rows_for(units)
        return rows[start - (first or 0) : stop - (first or 0) : step]

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same rows (a list in a test, say)."""
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        units = [pk for pk, _n in self._counts]
        for begin in range(0, len(units), self.CHUNK):
            yield from self._rows_for(units[begin : begin + self.CHUNK])


def jp_report(access: Access, year: int, node: OrgUnit | None = None) -> JpReport:
    """The report for calendar year `year` over the user's subtree (under `node` if given).

    Costs the units it shows, not the employees under them: the counts are read per unit
    from `JpUnitYear` (decision 0070), and a list of people reads only the units that hold
    the page shown (the export still iterates every row).
    """
    employees = employees_in_scope(access, node)
    personal = access.can(Capability.VIEW_PERSONAL_DATA)
    hide = not personal
    minimum = settings.SIEVA_PNS_MIN_JP_PER_YEAR
    cap = settings.SIEVA_PPPK_MAX_JP_PER_CONTRACT_YEAR

    scope = OrgUnit.objects.filter(path__startswith=node.path if node else access.scope_path)
    ordered = list(scope.order_by("path").values_list("pk", "path"))  # the database's order
    stored = jp_units_for((pk for pk, _path in ordered), year)
    pns_counts = {
        path: (stored[pk].pns, stored[pk].pns_meeting) for pk, path in ordered if stored[pk].pns
    }
    pppk_counts = {
        path: (stored[pk].pppk, stored[pk].pppk_over) for pk, path in ordered if stored[pk].pppk
    }
    units = unit_compliance_counts(pns_counts, pppk_counts)
    tables = {
        "units": ReportTable(
            "units",
            _("Pemenuhan JP per perangkat daerah / unit kerja"),
            (
                (_("Unit kerja"), TEXT),
                (_("Jumlah PNS"), COUNT),
                (_("PNS memenuhi %(jp)s JP") % {"jp": minimum}, COUNT),
                (_("Kepatuhan PNS (%)"), PCT),
                (_("Jumlah PPPK"), COUNT),
                (_("PPPK melebihi %(jp)s JP") % {"jp": cap}, COUNT),
            ),
            [
                (
                    u.unit_name,
                    *_pns_cells(u.pns, u.pns_meeting, hide),
                    *_pppk_cells(u.pppk, u.pppk_over, hide),
                )
                for u in units
            ],
            note=_("Unit layanan dihitung pada perangkat daerah induknya."),
        )
    }
    summary = JpSummary(
        *_pns_cells(sum(u.pns for u in units), sum(u.pns_meeting for u in units), hide),
        *_pppk_cells(sum(u.pppk for u in units), sum(u.pppk_over for u in units), hide),
    )
    if personal:
        below = [(pk, stored[pk].pns - stored[pk].pns_meeting) for pk, _path in ordered]
        over = [(pk, stored[pk].pppk_over) for pk, _path in ordered]
        tables["pns_below"] = _pns_below(with_year_jp(employees, year), minimum, below)
        tables["pppk_over"] = _pppk_over(employees, year, cap, over)
    same_day = (
        sum(row.doubled for row in stored.values()),
        sum(row.doubled_days for row in stored.values()),
    )
    return JpReport(
        year=year, minimum=minimum, cap=cap, summary=summary, tables=tables, same_day=same_day
    )


def _records(
    employees: QuerySet[Employee], jp_of: dict[int, Decimal], year: int
) -> list[EmployeeJp]:
    """The employees of `jp_of` (id to contract-year JP) as records, in the report's order."""
    records = []
    for person in employees.filter(pk__in=list(jp_of)).values(
        "pk", "nip", "name", "asn_kind", "unit_id", "unit__name", "unit__path", "contract_start",
    ).order_by("unit__path", "name", "pk"):  # fmt: skip
        period = contract_year(person["contract_start"], year)
        if period is None:  # excluded by the query already; kept for the type checker
            continue
        records.append(
            EmployeeJp(
                employee_id=person["pk"],
                nip=person["nip"],
                name=person["name"],
                asn_kind=person["asn_kind"],
                unit_id=person["unit_id"],
                unit_name=person["unit__name"],
                unit_path=person["unit__path"],
                jp=jp_of[person["pk"]],
                period_start=period[0],
                period_end=period[1],
            )
        )
    return records


def _pns_below(
    joined: QuerySet[Employee], minimum: int, counts: list[tuple[int, int]]
) -> ReportTable:
    below = joined.filter(Q(asn_kind=AsnKind.PNS)).filter(
        Q(stored__jp__lt=minimum) | Q(stored__jp__isnull=True)
    )
    limit = Decimal(minimum)

    def rows_for(unit_ids: list[int]) -> list[tuple[Any, ...]]:
        rows = []
        for nip, name, unit, jp in (
            below.filter(unit_id__in=unit_ids)
            .order_by("unit__path", "name", "pk")
            .values_list("nip", "name", "unit__name", "year_jp")
        ):
            jp = jp if jp is not None else ZERO
            rows.append((nip, name, unit, jp, limit - jp))
        return rows

    return ReportTable(
        "pns_below",
        _("PNS dengan kurang dari %(jp)s JP") % {"jp": minimum},
        (
            (_("NIP"), TEXT),
            (_("Nama"), TEXT),
            (_("Unit kerja"), TEXT),
            (_("JP"), JP),
            (_("Kekurangan JP"), JP),
        ),
        UnitPagedRows(counts, rows_for),  # type: ignore[arg-type]
        note=_("Termasuk PNS aktif yang belum mengikuti pengembangan kompetensi sama sekali."),
    )


def _pppk_over(
    employees: QuerySet[Employee], year: int, cap: int, counts: list[tuple[int, int]]
) -> ReportTable:
    def rows_for(unit_ids: list[int]) -> list[tuple[Any, ...]]:
        chosen = employees.filter(unit_id__in=unit_ids)
        over = {pk: jp for pk, _path, jp in pppk_contract_jp(chosen, year) if jp > cap}
        return [
            (r.nip, r.name, r.unit_name, r.period_start, r.period_last_day, r.jp, r.jp - cap)
            for r in _records(chosen, over, year)
        ]

    return ReportTable(
        "pppk_over",
        _("PPPK dengan lebih dari %(jp)s JP dalam tahun perjanjian kerja") % {"jp": cap},
        (
            (_("NI PPPK"), TEXT),
            (_("Nama"), TEXT),
            (_("Unit kerja"), TEXT),
            (_("Tahun perjanjian dari"), DATE),
            (_("sampai"), DATE),
            (_("JP"), JP),
            (_("Kelebihan JP"), JP),
        ),
        UnitPagedRows(counts, rows_for),  # type: ignore[arg-type]
        note=_(
            "Tahun perjanjian kerja yang dimulai pada tahun laporan; tanpa tanggal awal "
            "perjanjian dipakai tahun kalender."
        ),
    )
