"""The 20 JP report: PNS below the yearly minimum, PPPK above the contract-year cap, per unit.

Roles without personal data get the per-unit summary only, with small groups hidden.
"""

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, overload

from django.conf import settings
from django.db.models import Count, Q, QuerySet, Sum
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


class QueryRows(Sequence[tuple[Any, ...]]):
    """Rows of a report table read lazily from a query: the page reads one page of them
    (a slice), the export iterates them all; nothing holds every row of a national scope."""

    def __init__(
        self, rows: QuerySet[Any], row: Callable[[Any], tuple[Any, ...]], count: int | None
    ) -> None:
        """`count`: the number of rows when already known (saves a query), else None."""
        self._rows, self._row = rows, row
        self._count = count

    def __len__(self) -> int:
        if self._count is None:
            self._count = self._rows.count()
        return self._count

    @overload
    def __getitem__(self, index: int) -> tuple[Any, ...]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[Any, ...]]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._row(value) for value in self._rows[index]]
        return self._row(self._rows[index])

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return (self._row(value) for value in self._rows.iterator(chunk_size=2000))


def jp_report(access: Access, year: int, node: OrgUnit | None = None) -> JpReport:
    """The report for calendar year `year` over the user's subtree (under `node` if given).

    A fixed number of queries whatever the number of employees, on the JP store: the PNS
    are counted per unit in the database and only the page of PNS below the minimum that is
    shown is read; the PPPK (each measured over their own contract year) are read as records.
    """
    employees = employees_in_scope(access, node)
    personal = access.can(Capability.VIEW_PERSONAL_DATA)
    hide = not personal
    minimum = settings.SIEVA_PNS_MIN_JP_PER_YEAR
    cap = settings.SIEVA_PPPK_MAX_JP_PER_CONTRACT_YEAR

    joined = with_year_jp(employees, year)
    is_pns = Q(asn_kind=AsnKind.PNS)
    per_unit = (
        joined.values("unit__path")
        .annotate(
            n=Count("pk", filter=is_pns),
            meeting=Count("pk", filter=is_pns & Q(stored__jp__gte=minimum)),
            doubled=Count("pk", filter=Q(stored__overlap_days__gt=0)),
            doubled_days=Sum("stored__overlap_days"),
        )
        .order_by()
    )
    pns_counts, doubled, doubled_days = {}, 0, 0
    for row in per_unit:  # one grouped query: the PNS counts and the same-day overlaps
        if row["n"]:
            pns_counts[row["unit__path"]] = (row["n"], row["meeting"])
        doubled += row["doubled"]
        doubled_days += row["doubled_days"] or 0
    pppk = pppk_contract_jp(employees, year)
    over = {pk: jp for pk, _path, jp in pppk if jp > cap}
    pppk_cells: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for pk, path, _jp in pppk:
        pppk_cells[path][0] += 1
        pppk_cells[path][1] += pk in over
    pppk_counts = {path: (n, over_cap) for path, (n, over_cap) in pppk_cells.items()}
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
        below = sum(n - meeting for n, meeting in pns_counts.values())
        tables["pns_below"] = _pns_below(joined.filter(is_pns), minimum, below)
        tables["pppk_over"] = _pppk_over(_records(employees, over, year), cap)
    return JpReport(
        year=year,
        minimum=minimum,
        cap=cap,
        summary=summary,
        tables=tables,
        same_day=(doubled, doubled_days),
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


def _pns_below(pns: QuerySet[Employee], minimum: int, count: int) -> ReportTable:
    below = (
        pns.filter(Q(stored__jp__lt=minimum) | Q(stored__jp__isnull=True))
        .order_by("unit__path", "name", "pk")
        .values_list("nip", "name", "unit__name", "year_jp")
    )
    limit = Decimal(minimum)

    def row(value: tuple[Any, ...]) -> tuple[Any, ...]:
        nip, name, unit, jp = value
        jp = jp if jp is not None else ZERO
        return (nip, name, unit, jp, limit - jp)

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
        QueryRows(below, row, count),  # type: ignore[arg-type]
        note=_("Termasuk PNS aktif yang belum mengikuti pengembangan kompetensi sama sekali."),
    )


def _pppk_over(records: list[EmployeeJp], cap: int) -> ReportTable:
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
        [
            (r.nip, r.name, r.unit_name, r.period_start, r.period_last_day, r.jp, r.jp - cap)
            for r in records
            if r.exceeds_cap
        ],
        note=_(
            "Tahun perjanjian kerja yang dimulai pada tahun laporan; tanpa tanggal awal "
            "perjanjian dipakai tahun kalender."
        ),
    )
