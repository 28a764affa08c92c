"""Reads for the leaders' dashboard: aggregates only (no names), scoped to the user's subtree.

Everything except IKM (`ikm.py`) comes from stored summaries (`ProgramSummary`, `JpComplianceSummary`),
so a view costs a handful of small queries whatever the number of enrollments: the scope's
rates are exact sums of its programs' counts (funnels of disjoint programs add up), with the
intervals recomputed from those sums. IKM reads the SKM running aggregates (decision 0017).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from sieva.core.report_table import is_small
from sieva.dashboard.models import JpComplianceSummary, ProgramSummary, in_language
from sieva.dashboard.selectors.ikm import TREND_YEARS, ikm_trend, quarters_of
from sieva.evaluation.engine import Scope
from sieva.evaluation.engine.figures import Design, Figure
from sieva.evaluation.engine.levels.common import rate_figure
from sieva.evaluation.engine.regions import regions_for
from sieva.evaluation.verdict import Verdict
from sieva.org.access import Access, Capability, scope_queryset
from sieva.org.models import OrgKind, OrgUnit
from sieva.programs.models import Cohort, Program
from sieva.programs.selectors.jp import nearest_of_kind
from sieva.recommendations.models import RecommendationStatus, TrackedRecommendation
from sieva.recommendations.selectors import recommendations_in_scope

TOP_RECOMMENDATIONS = 5
OPEN_STATUSES = (RecommendationStatus.PROPOSED, RecommendationStatus.ACCEPTED)


@dataclass
class Counts:
    """Summed counts of several programs' summaries."""

    invited: int = 0
    attended: int = 0
    completed: int = 0
    planned: float = 0.0
    realised: float = 0.0
    budget_attended: int = 0

    def add(self, s: ProgramSummary) -> None:
        self.invited += s.invited
        self.attended += s.attended
        self.completed += s.completed
        self.planned += s.budget_planned
        self.realised += s.budget_realised
        self.budget_attended += s.budget_attended


@dataclass(frozen=True)
class KeyFigures:
    participation: Figure
    completion: Figure
    per_participant: Figure
    realisation: Figure
    planned: float = 0.0
    realised: float = 0.0


@dataclass(frozen=True)
class GroupRate:
    """Participation of one instansi or program, with its interval."""

    pk: int
    label: str
    counts: Counts
    rate: Figure
    kind: str  # "node" or "program": what the drill-down link filters on


@dataclass(frozen=True)
class Compliance:
    unit: OrgUnit
    pns: int
    share: Figure
    computed_at: dt.datetime | None


@dataclass(frozen=True)
class Dashboard:
    year: int
    node: OrgUnit | None
    key: KeyFigures
    groups: list[GroupRate]
    grouped_by_program: bool
    participation_trend: list[tuple[str, float | None]]
    ikm_trend: list[tuple[str, float | None, int]]
    summaries: list[ProgramSummary]
    missing: list[Program]
    compliance: list[Compliance]
    status_counts: list[tuple[str, str, int]]
    top_recommendations: list[TrackedRecommendation]
    oldest: dt.datetime | None = field(default=None)


def programs_in(access: Access, node: OrgUnit | None) -> QuerySet[Program]:
    programs = scope_queryset(Program.objects.all(), access, "owner")
    return programs.filter(owner__path__startswith=node.path) if node is not None else programs


def key_figures(counts: Counts) -> KeyFigures:
    cost = counts.realised / counts.budget_attended if counts.budget_attended else None
    return KeyFigures(
        participation=rate_figure(
            "l0.participation_rate",
            _("Tingkat partisipasi (hadir / diundang)"),
            counts.attended,
            counts.invited,
        ),
        completion=rate_figure(
            "l0.completion_rate",
            _("Tingkat kelulusan (lulus / hadir)"),
            counts.completed,
            counts.attended,
        ),
        per_participant=Figure(
            "l5.per_participant", _("Biaya per peserta hadir"), cost, counts.budget_attended, "Rp"
        ),
        realisation=Figure(
            "l5.realisation",
            _("Realisasi anggaran"),
            counts.realised / counts.planned * 100 if counts.planned else None,
            counts.invited,
            "%",
        ),
        planned=counts.planned,
        realised=counts.realised,
    )


def _groups(
    access: Access, node: OrgUnit | None, summaries: list[ProgramSummary]
) -> tuple[list[GroupRate], bool]:
    """Participation by instansi, or by program when the scope holds one instansi or fewer."""
    regions = regions_for(access, Scope(node=node))
    by_program = len(regions) < 2
    totals: dict[int, Counts] = defaultdict(Counts)
    labels: dict[int, str] = {}
    if by_program:
        for s in summaries:
            totals[s.program_id].add(s)
            labels[s.program_id] = s.program.name
    else:
        agency = nearest_of_kind({s.program.owner.path for s in summaries}, OrgKind.AGENCY)
        for s in summaries:
            found = agency[s.program.owner.path]
            if found is not None:
                totals[found[0]].add(s)
        labels = {r.pk: r.name for r in regions if r.pk in totals}
    order = sorted(labels, key=lambda pk: labels[pk])
    groups = [
        GroupRate(
            pk,
            labels[pk],
            totals[pk],
            rate_figure(
                "l0.participation_rate", labels[pk], totals[pk].attended, totals[pk].invited
            ),
            "program" if by_program else "node",
        )
        for pk in order
        if totals[pk].invited
    ]
    return groups, by_program


def _participation_trend(
    summaries: list[ProgramSummary], year: int
) -> list[tuple[str, float | None]]:
    """Participation per quarter of cohort start, from the yearly summaries of the years shown."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for s in summaries:
        for quarter, (invited, attended) in s.quarters.items():
            sums[quarter][0] += invited
            sums[quarter][1] += attended
    return [
        (q, sums[q][1] / sums[q][0] * 100 if q in sums and sums[q][0] else None)
        for q in quarters_of(year)
    ]


def _compliance(access: Access, node: OrgUnit | None, year: int) -> list[Compliance]:
    units = regions_for(access, Scope(node=node))
    stored = {s.unit_id: s for s in JpComplianceSummary.objects.filter(unit__in=units, year=year)}
    hide_small = not access.can(Capability.VIEW_PERSONAL_DATA)
    rows = []
    for unit in units:
        s = stored.get(unit.pk)
        pns, meeting = (s.pns, s.meeting) if s else (0, 0)
        if hide_small and is_small(pns):
            share = rate_figure("jp.pns_meeting_minimum", unit.name, 0, pns)  # suppressed
        else:
            value = meeting / pns * 100 if pns else None
            share = Figure("jp.pns_meeting_minimum", unit.name, value, pns, "%")
        rows.append(Compliance(unit, pns, share, s.computed_at if s else None))
    return rows


def _recommendations(
    access: Access, node: OrgUnit | None
) -> tuple[list[tuple[str, str, int]], list[TrackedRecommendation]]:
    records = recommendations_in_scope(access)
    if node is not None:
        records = records.filter(scope__path__startswith=node.path)
    counts = dict(records.values_list("status").annotate(n=Count("pk")).order_by())
    status_counts = [
        (code, str(label), counts.get(code, 0)) for code, label in RecommendationStatus.choices
    ]
    top = records.filter(status__in=OPEN_STATUSES).order_by("priority", "-period", "pk")
    return status_counts, list(top[:TOP_RECOMMENDATIONS])


def dashboard(access: Access, *, year: int, node: OrgUnit | None) -> Dashboard:
    programs = programs_in(access, node)
    periods = [str(y) for y in range(year - TREND_YEARS + 1, year + 1)]
    stored = list(
        ProgramSummary.objects.filter(program__in=programs.values("pk"), period__in=periods)
        .select_related("program", "program__owner")
        .order_by("program__name", "program_id")
    )
    summaries = [s for s in stored if s.period == str(year)]
    summarised = {s.program_id for s in summaries}
    started = Cohort.objects.filter(start_date__year=year).values("program_id")
    missing = [
        p for p in programs.filter(pk__in=started).order_by("name") if p.pk not in summarised
    ]
    counts = Counts()
    for s in summaries:
        counts.add(s)
    groups, by_program = _groups(access, node, summaries)
    status_counts, top = _recommendations(access, node)
    return Dashboard(
        year=year,
        node=node,
        key=key_figures(counts),
        groups=groups,
        grouped_by_program=by_program,
        participation_trend=_participation_trend(stored, year),
        ikm_trend=ikm_trend(access, node, year),
        summaries=summaries,
        missing=missing,
        compliance=_compliance(access, node, year),
        status_counts=status_counts,
        top_recommendations=top,
        oldest=min((s.computed_at for s in summaries), default=None),
    )


def summary_figure(summary: ProgramSummary, name: str, unit: str = "") -> Figure:
    """A stored number turned back into a figure, so templates show it like live ones."""
    low, high = getattr(summary, f"{name}_low", None), getattr(summary, f"{name}_high", None)
    n_field = "gain_pairs" if name == "gain" else f"{name}_n"
    return Figure(
        name,
        "",
        getattr(summary, name),
        int(getattr(summary, n_field, 0) or 0),
        unit,
        ci=(low, high) if low is not None and high is not None else None,
    )


@dataclass(frozen=True)
class ProgramVerdictRow:
    """One program on the leader's screen: the verdict, how firm it is, the money and the
    decision asked (all from the stored summary)."""

    summary: ProgramSummary
    verdict: str  # label
    code: str
    grade: str
    reason: str
    decision: str


def verdict_rows(summaries: list[ProgramSummary], language: str) -> list[ProgramVerdictRow]:
    rows = []
    for s in summaries:
        if not s.verdict:
            continue
        code = Verdict(s.verdict)
        grade = Design(s.verdict_grade) if s.verdict_grade is not None else Design.RECORDS
        rows.append(
            ProgramVerdictRow(
                s,
                code.label,
                str(code),
                grade.label,
                in_language(s.verdict_reason, language),
                in_language(s.decision, language),
            )
        )
    order = {Verdict.NEEDS_IMPROVEMENT: 0, Verdict.UNPROVEN: 1, Verdict.EFFECTIVE: 2}
    return sorted(rows, key=lambda r: (order[Verdict(r.code)], r.summary.program.name))


def program_recommendations(access: Access, program: Program) -> list[TrackedRecommendation]:
    """The open recommendations tracked for one program (any period), most urgent first."""
    return list(
        recommendations_in_scope(access)
        .filter(scope_key__startswith=f"program={program.pk};", status__in=OPEN_STATUSES)
        .order_by("priority", "-period", "pk")[:TOP_RECOMMENDATIONS]
    )
