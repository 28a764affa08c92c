"""L4 — results: citizen satisfaction (IKM, as NIK 25–100) of the service units whose staff
completed the program, before and after, against comparable units that were not trained.

With comparison units: panel difference-in-differences (two-way fixed effects, clustered by
unit) and a pre-trend test from leads. Without: each trained unit's mean before against its
mean after (paired t over units), flagged as having no comparison. Unit indicators join here
as they are recorded (sieva.indicators).
"""

from collections import defaultdict
from dataclasses import dataclass
from statistics import fmean

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sieva.analysis.did import DidEstimate, DidWarning, PretrendCheck, did_twfe, pretrend_check
from sieva.core import numbers
from sieva.core.labels import notice_text
from sieva.evaluation.engine import adapters
from sieva.evaluation.engine.figures import Caveat, CaveatKind, Design, Figure
from sieva.evaluation.engine.levels.common import mean_figure
from sieva.org.access import Access, org_units_for_user
from sieva.programs.models import Cohort

SOURCE = "/skm/"
MONTHS_AROUND = 12
PRETREND_ALPHA = 0.10
UNIT = "NIK"


@dataclass(frozen=True)
class GroupTrend:
    label: str
    points: tuple[tuple[str, float], ...]  # ("2025-03", mean NIK of the group's units)


@dataclass(frozen=True)
class OutcomeEffect:
    """One outcome (IKM or a unit indicator) of the trained units, before and after."""

    name: str
    measure: str
    lower_is_better: bool
    trained_units: int
    comparison_units: int
    before: Figure  # trained units' mean before
    after: Figure
    effect: Figure  # DiD estimate, or the paired before/after change
    did: DidEstimate | None
    pretrend: PretrendCheck | None
    trends: tuple[GroupTrend, ...]

    @property
    def improved(self) -> bool | None:
        """True/False when the interval of the effect lies wholly on one side of zero in the
        better/worse direction; None when it crosses zero (no demonstrated change)."""
        if self.effect.ci is None:
            return None
        low, high = self.effect.ci
        sign = -1 if self.lower_is_better else 1
        if low > 0 or high < 0:
            return (low if low > 0 else high) * sign > 0
        return None


@dataclass(frozen=True)
class ResultsLevel:
    ikm: OutcomeEffect | None
    indicators: tuple[OutcomeEffect, ...]


def _unit_means(rows, treated_from, *, after: bool) -> dict[int, float]:
    values: dict[int, list[float]] = defaultdict(list)
    for unit, month, nik in rows:
        if unit in treated_from and (month >= treated_from[unit]) == after:
            values[unit].append(nik)
    return {u: fmean(v) for u, v in values.items()}


def _trends(panel: adapters.Panel) -> tuple[GroupTrend, ...]:
    groups: dict[str, dict[str, list[float]]] = {
        "trained": defaultdict(list),
        "comparison": defaultdict(list),
    }
    for unit, month, nik in panel.rows:
        key = "trained" if unit in panel.treated_from else "comparison"
        groups[key][month.strftime("%Y-%m")].append(nik)
    labels = {"trained": _("Unit yang stafnya dilatih"), "comparison": _("Unit pembanding")}
    return tuple(
        GroupTrend(labels[key], tuple((m, fmean(v)) for m, v in sorted(series.items())))
        for key, series in groups.items()
        if series
    )


def _quarter(month) -> int:
    return month.year * 4 + (month.month - 1) // 3


def _pretrend(panel: adapters.Panel) -> PretrendCheck | None:
    """Leads tested on quarters, not months: clustered errors allow at most G − 1 joint
    restrictions, so the test runs only when the leads are fewer than that."""
    cells: dict[tuple[int, int], list[float]] = defaultdict(list)
    for unit, month, nik in panel.rows:
        cells[(unit, _quarter(month))].append(nik)
    start = {u: _quarter(m) for u, m in panel.treated_from.items()}
    keys = sorted(cells)
    leads = max(0, min(start.values()) - min(q for _u, q in keys) - 1) if start else 0
    units = len({u for u, _q in keys})
    if leads < 1 or leads > units - 2:
        return None
    try:
        return pretrend_check(
            [fmean(cells[k]) for k in keys],
            unit=[u for u, _q in keys],
            period=[q for _u, q in keys],
            treatment=[1 if u in start and q >= start[u] else 0 for u, q in keys],
        )
    except ValueError:
        return None


def _did(panel: adapters.Panel) -> tuple[DidEstimate, PretrendCheck | None]:
    treatment = [
        1 if u in panel.treated_from and m >= panel.treated_from[u] else 0
        for u, m, _nik in panel.rows
    ]
    estimate = did_twfe(
        [r[2] for r in panel.rows],
        unit=[r[0] for r in panel.rows],
        period=[r[1].toordinal() for r in panel.rows],
        treatment=treatment,
    )
    return estimate, _pretrend(panel)


def _caveat_kind(warning: DidWarning) -> CaveatKind:
    if warning in (DidWarning.FEW_CLUSTERS, DidWarning.FEW_TREATED_CLUSTERS):
        return CaveatKind.FEW_CLUSTERS
    return CaveatKind.TREATMENT_TIMING


def outcome_effect(
    panel: adapters.Panel,
    *,
    key: str,
    name: str,
    measure: str,
    lower_is_better: bool = False,
    source: str = SOURCE,
) -> OutcomeEffect | None:
    """Before/after of the trained units and, with comparison units, the DiD effect."""
    if not panel.rows:
        return None
    treated_from = panel.treated_from
    before = _unit_means(panel.rows, treated_from, after=False)
    after = _unit_means(panel.rows, treated_from, after=True)
    paired = sorted(set(before) & set(after))
    if not paired:
        return None

    def figure(suffix: str, label: str, values: list[float], design: Design) -> Figure:
        return mean_figure(
            f"{key}.{suffix}",
            label,
            values,
            unit=measure,
            design=design,
            source=source,
            suppress=False,
        )

    before_fig = figure(
        "before",
        _("%(name)s sebelum (unit terlatih)") % {"name": name},
        [before[u] for u in paired],
        Design.PRE_POST,
    )
    after_fig = figure(
        "after",
        _("%(name)s sesudah (unit terlatih)") % {"name": name},
        [after[u] for u in paired],
        Design.PRE_POST,
    )
    compared = {u for u, _m, _v in panel.rows if u not in treated_from}
    label = _("Perubahan %(name)s yang dikaitkan dengan pelatihan") % {"name": name}
    did = pretrend = None
    if compared:
        did, pretrend = _did(panel)
        effect = Figure(
            f"{key}.effect",
            label,
            did.estimate,
            len(paired) + len(compared),
            measure,
            ci=(did.ci.low, did.ci.high),
            design=Design.PRE_POST_COMPARISON,
            source=source,
        )
        for warning in did.warnings:
            effect = effect.with_caveat(Caveat(_caveat_kind(warning.code), notice_text(warning)))
        if pretrend is not None and pretrend.p < PRETREND_ALPHA:
            effect = effect.with_caveat(
                Caveat(
                    CaveatKind.PRE_TREND,
                    _(
                        "Tren sebelum pelatihan sudah berbeda (uji lead, %(p)s): "
                        "perbandingan kurang dapat dipercaya."
                    )
                    % {"p": numbers.p_value(pretrend.p)},
                )
            )
    else:
        # The t interval of the mean change is the paired t interval of after − before.
        effect = figure("effect", label, [after[u] - before[u] for u in paired], Design.PRE_POST)
        effect = effect.with_caveat(
            Caveat(
                CaveatKind.NO_COMPARISON,
                _(
                    "Tidak ada unit pembanding: perubahan sebelum–sesudah bisa juga disebabkan "
                    "hal lain selain pelatihan."
                ),
            )
        )
    return OutcomeEffect(
        name=name,
        measure=measure,
        lower_is_better=lower_is_better,
        trained_units=len(paired),
        comparison_units=len(compared),
        before=before_fig,
        after=after_fig,
        effect=effect,
        did=did,
        pretrend=pretrend,
        trends=_trends(panel),
    )


def results_level(access: Access, cohorts: QuerySet[Cohort]) -> ResultsLevel:
    treated_from = adapters.trained_service_units(cohorts)
    if not treated_from:
        return ResultsLevel(None, ())
    comparison = adapters.comparison_service_units(
        cohorts, treated_from, org_units_for_user(access)
    )
    ikm = outcome_effect(
        adapters.ikm_panel(treated_from, comparison, months_around=MONTHS_AROUND),
        key="l4.ikm",
        name="IKM",
        measure=UNIT,
    )
    indicators = tuple(
        effect
        for ip in adapters.indicator_panels(treated_from, comparison, months_around=MONTHS_AROUND)
        if (
            effect := outcome_effect(
                ip.panel,
                key=f"l4.indicator.{ip.definition_id}",
                name=ip.name,
                measure=ip.unit_of_measure,
                lower_is_better=ip.lower_is_better,
                source=f"/indikator/{ip.definition_id}/",
            )
        )
        is not None
    )
    return ResultsLevel(ikm, indicators)
