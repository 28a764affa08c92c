"""The 20 JP counts per unit and year (`JpUnitYear`, decision 0070): made when a page first
asks for them, then kept equal to what the JP store and the employees give. A selector that
may write: the rows are a memo of what the JP store and the employees already say, so making
one changes no figure (the JP store's services, below, keep them current).

`jp_units_for` returns the rows of a set of units for a year, making the missing ones (and
those made with other settings) in a short transaction; `jp_units_refresh` recomputes, for
the named units, every year already stored — the JP store's refresh calls it for the units
of the employees it refreshed, and `org` calls it (through `sieva.org.hooks`) when employees
join, leave, move or change kind or contract. Both lock the units' rows first, so a page
making a row and a write changing its inputs queue up: neither can store counts read before
the other committed. `jp_units_compare` recomputes every stored row (`sieva rebuild_jp`).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q, Sum

from sieva.org.models import AsnKind, Employee, OrgUnit
from sieva.programs.models import JpUnitYear
from sieva.programs.selectors.jp import pppk_contract_jp, with_year_jp

CHUNK = 500  # units per statement: well under every database's parameter limit

# pns, pns_meeting, pppk, pppk_over, doubled, doubled_days
UnitCounts = tuple[int, int, int, int, int, int]
ZERO_COUNTS: UnitCounts = (0, 0, 0, 0, 0, 0)


def _settings() -> tuple[int, int]:
    return settings.SIEVA_PNS_MIN_JP_PER_YEAR, settings.SIEVA_PPPK_MAX_JP_PER_CONTRACT_YEAR


def expected_counts(unit_ids: list[int], year: int) -> dict[int, UnitCounts]:
    """The counts of every unit of `unit_ids` for `year` (zeros for a unit without active
    employees), from the JP store: two queries, as the 20 JP report always counted them."""
    minimum, cap = _settings()
    employees = Employee.objects.filter(is_active=True, unit_id__in=unit_ids)
    is_pns = Q(asn_kind=AsnKind.PNS)
    counts = {pk: list(ZERO_COUNTS) for pk in unit_ids}
    for row in (
        with_year_jp(employees, year)
        .values("unit_id")
        .annotate(
            n=Count("pk", filter=is_pns),
            meeting=Count("pk", filter=is_pns & Q(stored__jp__gte=minimum)),
            doubled=Count("pk", filter=Q(stored__overlap_days__gt=0)),
            doubled_days=Sum("stored__overlap_days"),
        )
        .order_by()
    ):
        cell = counts[row["unit_id"]]
        cell[0], cell[1] = row["n"], row["meeting"]
        cell[4], cell[5] = row["doubled"], row["doubled_days"] or 0
    for _pk, path, jp in pppk_contract_jp(employees, year):
        cell = counts[int(path.strip("/").split("/")[-1])]  # a path ends in the unit's own id
        cell[2] += 1
        cell[3] += jp > cap
    return {pk: (c[0], c[1], c[2], c[3], c[4], c[5]) for pk, c in counts.items()}


def _store(unit_ids: list[int], year: int) -> None:
    """Rewrite the rows of `unit_ids` for `year`; the caller holds the units' locks."""
    minimum, cap = _settings()
    JpUnitYear.objects.filter(unit_id__in=unit_ids, year=year).delete()
    JpUnitYear.objects.bulk_create(
        JpUnitYear(
            unit_id=pk,
            year=year,
            minimum=minimum,
            cap=cap,
            pns=c[0],
            pns_meeting=c[1],
            pppk=c[2],
            pppk_over=c[3],
            doubled=c[4],
            doubled_days=c[5],
        )
        for pk, c in expected_counts(unit_ids, year).items()
    )


def _lock(unit_ids: list[int]) -> None:
    list(OrgUnit.objects.select_for_update().filter(pk__in=unit_ids).order_by("pk").values("pk"))


def jp_units_for(unit_ids: Iterable[int], year: int) -> dict[int, JpUnitYear]:
    """The stored counts of `unit_ids` for `year`, making the rows that are missing or were
    made with other settings first (one short transaction, only the first time)."""
    ids = sorted(set(unit_ids))
    minimum, cap = _settings()
    rows: dict[int, JpUnitYear] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        current = JpUnitYear.objects.filter(unit_id__in=chunk, year=year, minimum=minimum, cap=cap)
        found = {row.unit_id: row for row in current}
        missing = [pk for pk in chunk if pk not in found]
        if missing:
            with transaction.atomic():
                _lock(missing)
                _store(missing, year)
            found |= {row.unit_id: row for row in current.filter(unit_id__in=missing)}
        rows |= found
    return rows


def jp_units_refresh(unit_ids: Iterable[int]) -> None:
    """Recompute every stored year of `unit_ids`. Call it inside the transaction of the
    write that changed their employees or their employees' JP."""
    ids = sorted(set(unit_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        with transaction.atomic():
            _lock(chunk)
            stored = JpUnitYear.objects.filter(unit_id__in=chunk)
            for year in sorted(set(stored.values_list("year", flat=True))):
                _store(
                    sorted(set(stored.filter(year=year).values_list("unit_id", flat=True))), year
                )


def jp_units_refresh_employees(employee_ids: Iterable[int]) -> None:
    """Recompute the stored years of the units of `employee_ids`."""
    ids = sorted(set(employee_ids))
    units: set[int] = set()
    for start in range(0, len(ids), CHUNK):
        units.update(
            Employee.objects.filter(pk__in=ids[start : start + CHUNK]).values_list(
                "unit_id", flat=True
            )
        )
    jp_units_refresh(units)


@dataclass(frozen=True)
class UnitDifference:
    unit_id: int
    year: int
    stored: UnitCounts
    expected: UnitCounts


def jp_units_compare() -> list[UnitDifference]:
    """Every stored unit and year whose counts differ from a recomputation."""
    differences = []
    for year in sorted(set(JpUnitYear.objects.values_list("year", flat=True))):
        rows = {
            row[0]: (row[1], tuple(row[2:]))
            for row in JpUnitYear.objects.filter(year=year).values_list(
                "unit_id",
                "minimum",
                "pns",
                "pns_meeting",
                "pppk",
                "pppk_over",
                "doubled",
                "doubled_days",
            )
        }
        ids = sorted(rows)
        for start in range(0, len(ids), CHUNK):
            expected = expected_counts(ids[start : start + CHUNK], year)
            differences += [
                UnitDifference(pk, year, rows[pk][1], counts)  # type: ignore[arg-type]
                for pk, counts in expected.items()
                if rows[pk][1] != counts
            ]
    return differences


def jp_units_rebuild() -> int:
    """Recompute every stored unit and year; the number of units concerned."""
    units = set(JpUnitYear.objects.values_list("unit_id", flat=True))
    jp_units_refresh(units)
    return len(units)
