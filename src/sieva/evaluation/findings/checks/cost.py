"""L5 checks: budget realisation outside its band, unit costs well above their reference
(a set amount, or the median of the other programs in the user's subtree), and ROI."""

from django.utils.translation import gettext as _

from sieva.evaluation.findings import fmt
from sieva.evaluation.findings.draft import Context, Draft, evidence_of, figure_params, judge
from sieva.evaluation.findings.facts import peer_median
from sieva.evaluation.findings.ruleset import SEVERITIES, RuleSpec
from sieva.evaluation.findings.strength import escalate
from sieva.evaluation.findings.types import Severity, Strength

UNIT_COSTS = {
    "per_participant": "cost_per_participant_reference",
    "per_participant_jp": "cost_per_jp_reference",
}
FEW_PEERS = 5  # a median of fewer programs is a rough reference: strength at most MODERATE
ROI_SEVERITY = {"positive": Severity.INFO, "negative": Severity.HIGH, "unclear": Severity.LOW}


def budget_realisation(ctx: Context, rule: RuleSpec) -> list[Draft]:
    cost = ctx.result.l5
    figure = cost.realisation
    if figure.value is None:
        return []
    low, high = ctx.thresholds["budget_realisation_min"], ctx.thresholds["budget_realisation_max"]
    if low <= figure.value <= high:
        return []
    variant, threshold = ("low", low) if figure.value < low else ("high", high)
    severity, strength, reasons = judge(
        figure, rule, ctx.thresholds, threshold=threshold, gap=figure.value - threshold, min_n=0
    )
    return [
        Draft(
            evidence=(evidence_of(figure),),
            params={
                **figure_params(figure, threshold),
                "planned": fmt.number(float(cost.planned), "Rp"),
            },
            threshold=threshold,
            severity=severity,
            strength=strength,
            reasons=reasons,
            variant=variant,
            recommendations=rule.recommendations(),
        )
    ]


def unit_cost_high(ctx: Context, rule: RuleSpec) -> list[Draft]:
    """A set reference applies to any scope; the peer median only to a one-program scope
    (a region's average against single programs would compare unlike things)."""
    tolerance = ctx.thresholds[str(rule.threshold)]
    peers = None
    drafts = []
    for metric, reference_key in UNIT_COSTS.items():
        figure = getattr(ctx.result.l5, metric)
        if figure.value is None:
            continue
        reference = ctx.thresholds[reference_key]
        kind, peer_count = _("acuan yang ditetapkan"), None
        if reference <= 0:
            if ctx.result.program_count != 1:
                continue
            peers = ctx.facts.peer_unit_costs() if peers is None else peers
            values = peers.get(metric, [])
            median = peer_median(values)
            if median is None:
                continue
            reference, peer_count = median, len(values)
            kind = _("median %(n)d program lain") % {"n": peer_count}
        excess = (figure.value / reference - 1) * 100
        if excess <= tolerance:
            continue
        few = peer_count is not None and peer_count < FEW_PEERS
        drafts.append(
            Draft(
                evidence=(evidence_of(figure),),
                params={
                    **figure_params(figure, reference),
                    "metric": str(figure.label),
                    "excess": fmt.number(excess, "%"),
                    "reference": fmt.number(reference, "Rp"),
                    "reference_kind": kind,
                },
                threshold=reference,
                severity=escalate(rule.severity, excess - tolerance, rule.severe_gap),
                strength=Strength.MODERATE if few else Strength.STRONG,
                reasons=(_("pembanding hanya %(n)d program") % {"n": peer_count},) if few else (),
                recommendations=rule.recommendations(),
                subject=metric,
            )
        )
    return drafts


def roi(ctx: Context, rule: RuleSpec) -> list[Draft]:
    cost = ctx.result.l5
    figure = cost.roi
    if figure is None or figure.value is None:
        return []
    low, high = figure.ci if figure.ci is not None else (figure.value, figure.value)
    variant = "positive" if low > 0 else "negative" if high < 0 else "unclear"
    _severity, strength, reasons = judge(figure, rule, ctx.thresholds, threshold=0.0, min_n=0)
    probability = cost.probability_positive
    return [
        Draft(
            evidence=(evidence_of(figure),),
            params={
                **figure_params(figure, 0.0),
                "probability": fmt.number(
                    probability * 100 if probability is not None else None, "%"
                ),
                "costs": fmt.number(float(cost.realised), "Rp"),
            },
            threshold=0.0,
            severity=SEVERITIES.get(
                str(rule.raw.get(f"severity_{variant}")), ROI_SEVERITY[variant]
            ),
            strength=strength,
            reasons=reasons,
            variant=variant,
            recommendations=rule.recommendations(variant),
        )
    ]
