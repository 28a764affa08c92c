"""Regions compared by program family, from stored summaries (decision 0049).

The same program run by several instansi (each owns its own copy: "Pelatihan Layanan Prima"
of Medan, of Palembang, of DKI) is one *family*: programs whose names are equal once case and
spacing are ignored. For every family the national view sets its regions side by side on each
level, each value with its interval and where it lies against what is expected of the family:
above / within / below the 95 % limits around the family's pooled value (a funnel-plot
reading), never a ranking. Rates are pooled from the summed counts; means (reaction, L2 gain,
L4 effect) are weighted by n and a region is above or below only when its whole interval is.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass

from sieva.core.charts import FunnelPoint, funnel_position
from sieva.dashboard.models import JpComplianceSummary, ProgramSummary
from sieva.dashboard.selectors.board import summary_figure
from sieva.evaluation.engine import Scope
from sieva.evaluation.engine.figures import Figure
from sieva.evaluation.engine.levels.common import rate_figure
from sieva.evaluation.engine.regions import regions_for
from sieva.org.access import Access
from sieva.org.models import OrgKind, OrgUnit
from sieva.programs.selectors.jp import nearest_of_kind

ABOVE, WITHIN, BELOW = "above", "within", "below"
MEANS = (("reaction", ""), ("gain", ""), ("ikm_effect", "NIK"))


def family_key(name: str) -> str:
    return " ".join(name.casefold().split())


@dataclass(frozen=True)
class Cell:
    figure: Figure
    position: str  # ABOVE, WITHIN, BELOW or "" when it cannot be judged


@dataclass(frozen=True)
class FamilyRow:
    region: OrgUnit
    summary: ProgramSummary
    cells: dict[str, Cell]  # participation, completion, reaction, gain, application, ikm_effect
    cost: float | None
    realisation: float | None


@dataclass(frozen=True)
class Family:
    name: str
    rows: list[FamilyRow]
    pooled: dict[str, float | None]
    cost_median: float | None


def _rate_cells(rows: list[tuple[OrgUnit, ProgramSummary]], name: str, num: str, den: str):
    successes = sum(getattr(s, num) for _r, s in rows)
    total = sum(getattr(s, den) for _r, s in rows)
    pooled = successes / total if total else None
    cells = {}
    for region, s in rows:
        figure = rate_figure(f"l0.{name}", region.name, getattr(s, num), getattr(s, den))
        position = ""
        if pooled is not None and figure.value is not None:
            position = funnel_position(FunnelPoint("", getattr(s, num), getattr(s, den)), pooled)
        cells[region.pk] = Cell(figure, position)
    return cells, (pooled * 100 if pooled is not None else None)


def _mean_cells(rows, name: str, unit: str):
    figures = {region.pk: summary_figure(s, name, unit) for region, s in rows}
    weighted = [(f.value, f.n) for f in figures.values() if f.value is not None and f.n]
    total = sum(n for _v, n in weighted)
    pooled = sum(v * n for v, n in weighted) / total if total else None
    cells = {}
    for pk, f in figures.items():
        position = ""
        if pooled is not None and f.ci is not None and len(weighted) > 1:
            low, high = f.ci
            position = ABOVE if low > pooled else BELOW if high < pooled else WITHIN
        cells[pk] = Cell(f, position)
    return cells, pooled


def _application_cells(rows):
    cells, hits, total = {}, 0.0, 0
    for _region, s in rows:
        if s.application is not None and s.application_n:
            hits += s.application / 100 * s.application_n
            total += s.application_n
    pooled = hits / total if total else None
    for region, s in rows:
        figure = summary_figure(s, "application", "%")
        position = ""
        if pooled is not None and figure.value is not None and figure.n and len(rows) > 1:
            position = funnel_position(
                FunnelPoint("", round(figure.value / 100 * figure.n), figure.n), pooled
            )
        cells[region.pk] = Cell(figure, position)
    return cells, (pooled * 100 if pooled is not None else None)


def families(access: Access, *, year: int, node: OrgUnit | None) -> list[Family]:
    """Each family run by at least two instansi in scope, its regions in name order."""
    regions = {r.pk: r for r in regions_for(access, Scope(node=node))}
    summaries = list(
        ProgramSummary.objects.filter(
            period=str(year), program__owner__path__startswith=node.path if node else "/"
        )
        .filter(program__owner__path__startswith=access.scope_path)
        .select_related("program__owner")
    )
    agency = nearest_of_kind({s.program.owner.path for s in summaries}, OrgKind.AGENCY)
    grouped: dict[str, list[tuple[OrgUnit, ProgramSummary]]] = defaultdict(list)
    names: dict[str, str] = {}
    for s in summaries:
        found = agency[s.program.owner.path]
        if found is None or found[0] not in regions or not s.invited:
            continue
        key = family_key(s.program.name)
        grouped[key].append((regions[found[0]], s))
        names.setdefault(key, s.program.name)
    out = []
    for key, rows in sorted(grouped.items(), key=lambda item: names[item[0]]):
        if len({r.pk for r, _s in rows}) < 2:
            continue
        rows.sort(key=lambda rs: rs[0].name)
        columns: dict[str, dict[int, Cell]] = {}
        pooled: dict[str, float | None] = {}
        columns["participation"], pooled["participation"] = _rate_cells(
            rows, "participation", "attended", "invited"
        )
        columns["completion"], pooled["completion"] = _rate_cells(
            rows, "completion", "completed", "attended"
        )
        for name, unit in MEANS:
            columns[name], pooled[name] = _mean_cells(rows, name, unit)
        columns["application"], pooled["application"] = _application_cells(rows)
        costs = [s.cost_per_participant for _r, s in rows if s.cost_per_participant is not None]
        out.append(
            Family(
                names[key],
                [
                    FamilyRow(
                        region,
                        s,
                        {name: cells[region.pk] for name, cells in columns.items()},
                        s.cost_per_participant,
                        s.realisation,
                    )
                    for region, s in rows
                ],
                pooled,
                statistics.median(costs) if costs else None,
            )
        )
    return out


@dataclass(frozen=True)
class RegionLine:
    """One instansi on the national view: 20 JP (the share of its PNS, placed against the
    pooled share like a funnel plot reads a process) and the latest quarter's pooled IKM of
    its service units."""

    region: OrgUnit
    jp: Cell
    ikm: float | None
    ikm_respondents: int


def region_lines(access: Access, *, year: int, node: OrgUnit | None, ikm) -> list[RegionLine]:  # type: ignore[no-untyped-def]
    """`ikm` is the dashboard's IKM trend reader (access, node, year) -> quarters."""
    regions = regions_for(access, Scope(node=node))
    stored = {s.unit_id: s for s in JpComplianceSummary.objects.filter(unit__in=regions, year=year)}
    pns = sum(s.pns for s in stored.values())
    pooled = sum(s.meeting for s in stored.values()) / pns if pns else None
    lines = []
    for region in regions:
        s = stored.get(region.pk)
        figure = rate_figure(
            "jp.pns_meeting_minimum", region.name, s.meeting if s else 0, s.pns if s else 0
        )
        position = ""
        if s and s.pns and pooled is not None and figure.value is not None:
            position = funnel_position(FunnelPoint("", s.meeting, s.pns), pooled)
        quarters = [(q, v, n) for q, v, n in ikm(access, region, year) if v is not None]
        latest = quarters[-1] if quarters else None
        lines.append(
            RegionLine(
                region,
                Cell(figure, position),
                latest[1] if latest else None,
                latest[2] if latest else 0,
            )
        )
    return lines
