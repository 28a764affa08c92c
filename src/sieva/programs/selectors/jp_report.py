"""The 20 JP report: PNS below the yearly minimum, PPPK above the contract-year cap, per unit.

Roles without personal data get the per-unit summary only, with small groups hidden.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
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
from sieva.org.models import OrgUnit
from sieva.programs.selectors.jp import (
    EmployeeJp,
    employees_in_scope,
    jp_compliance,
    same_day_overlaps,
    unit_compliance,
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


def jp_report(access: Access, year: int, node: OrgUnit | None = None) -> JpReport:
    """The report for calendar year `year` over the user's subtree (under `node` if given).

    A fixed number of queries whatever the number of employees (see `jp_compliance`).
    """
    records = jp_compliance(employees_in_scope(access, node), year)
    personal = access.can(Capability.VIEW_PERSONAL_DATA)
    hide = not personal
    minimum = settings.SIEVA_PNS_MIN_JP_PER_YEAR
    cap = settings.SIEVA_PPPK_MAX_JP_PER_CONTRACT_YEAR

    units = unit_compliance(records)
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
    pns = sum(u.pns for u in units)
    pppk = sum(u.pppk for u in units)
    summary = JpSummary(
        *_pns_cells(pns, sum(u.pns_meeting for u in units), hide),
        *_pppk_cells(pppk, sum(u.pppk_over for u in units), hide),
    )
    if personal:
        tables["pns_below"] = _pns_below(records, minimum)
        tables["pppk_over"] = _pppk_over(records, cap)
    same_day = same_day_overlaps(employees_in_scope(access, node), year)
    return JpReport(
        year=year, minimum=minimum, cap=cap, summary=summary, tables=tables, same_day=same_day
    )


def _pns_below(records: list[EmployeeJp], minimum: int) -> ReportTable:
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
        [
            (r.nip, r.name, r.unit_name, r.jp, Decimal(minimum) - r.jp)
            for r in records
            if r.is_pns and not r.meets_minimum
        ],
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
