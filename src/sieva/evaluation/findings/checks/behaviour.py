"""L3 checks: learning gained but not applied at work, frequent barriers (no follow-up, no
leadership support) and finished cohorts that nobody asked about behaviour afterwards."""

from django.utils.translation import gettext as _

from sieva.analysis.descriptive import proportion_ci
from sieva.evaluation.engine.figures import Design, Figure
from sieva.evaluation.engine.levels.behaviour import SOURCE, RaterResult
from sieva.evaluation.findings import fmt
from sieva.evaluation.findings.draft import Context, Draft, evidence_of, figure_params, judge
from sieva.evaluation.findings.ruleset import RuleSpec
from sieva.evaluation.findings.types import Evidence, Strength
from sieva.instruments.models import RaterKind

# Supervisors see the work itself; alumni rate themselves generously, so their view comes last.
RATER_PREFERENCE = [RaterKind.SUPERVISOR, RaterKind.PEER, RaterKind.SUBORDINATE, RaterKind.SELF]


def _by_preference(raters: tuple[RaterResult, ...]) -> list[RaterResult]:
    order = {str(kind): i for i, kind in enumerate(RATER_PREFERENCE)}
    return sorted(raters, key=lambda r: order.get(r.rater, len(order)))


def learning_not_applied(ctx: Context, rule: RuleSpec) -> list[Draft]:
    """The test gain's interval lies above zero, yet the application rate (by the most
    credible rater that has one) is below the target."""
    gain = ctx.result.l2.gain
    if gain.value is None or gain.ci is None or gain.ci[0] <= 0:
        return []
    threshold = ctx.thresholds[str(rule.threshold)]
    for rater in _by_preference(ctx.result.l3.raters):
        figure = rater.application_rate
        if figure.value is None:
            continue
        if figure.value >= threshold:
            return []
        severity, strength, reasons = judge(
            figure, rule, ctx.thresholds, threshold=threshold, gap=threshold - figure.value
        )
        return [
            Draft(
                evidence=(evidence_of(figure), evidence_of(gain)),
                params={
                    **figure_params(figure, threshold),
                    "gain": fmt.number(gain.value),
                    "gain_ci": fmt.interval(gain.ci),
                    "rater": rater.label.lower(),
                },
                threshold=threshold,
                severity=severity,
                strength=strength,
                reasons=reasons,
                recommendations=rule.recommendations(),
                subject=rater.rater,
            )
        ]
    return []


def _barrier_figure(rater: RaterResult, code: str) -> Figure | None:
    for mention in rater.barriers:
        if mention.code == code and mention.count and mention.share:
            respondents = round(mention.count * 100 / mention.share)
            estimate = proportion_ci(mention.count, respondents)
            return Figure(
                f"l3.{rater.rater}.barrier.{code}",
                mention.label,
                mention.share,
                respondents,
                "%",
                ci=(estimate.ci.low * 100, estimate.ci.high * 100),
                design=Design.POST_ONLY,
                source=SOURCE,
            )
    return None


def _frequent_barrier(ctx: Context, rule: RuleSpec) -> list[Draft]:
    """The rater naming the rule's barrier most often, when that share reaches the limit."""
    threshold = ctx.thresholds[str(rule.threshold)]
    code = str(rule.raw["barrier"])
    found = [
        (figure, rater)
        for rater in ctx.result.l3.raters
        if (figure := _barrier_figure(rater, code)) is not None
    ]
    if not found:
        return []
    figure, rater = max(found, key=lambda pair: pair[0].value or 0)
    if figure.value is None or figure.value < threshold:
        return []
    severity, strength, reasons = judge(
        figure, rule, ctx.thresholds, threshold=threshold, gap=figure.value - threshold
    )
    return [
        Draft(
            evidence=(evidence_of(figure),),
            params={**figure_params(figure, threshold), "rater": rater.label.lower()},
            threshold=threshold,
            severity=severity,
            strength=strength,
            reasons=reasons,
            recommendations=rule.recommendations(),
            subject="barrier",
        )
    ]


def no_follow_up(ctx: Context, rule: RuleSpec) -> list[Draft]:
    return _frequent_barrier(ctx, rule)


def no_leadership_support(ctx: Context, rule: RuleSpec) -> list[Draft]:
    return _frequent_barrier(ctx, rule)


def no_behaviour_evaluation(ctx: Context, rule: RuleSpec) -> list[Draft]:
    """Cohorts that ended more than the set number of months ago without any L3 campaign."""
    months = int(ctx.thresholds[str(rule.threshold)])
    listing = ctx.facts.cohorts_without_behaviour_evaluation(months)
    if not listing.count:
        return []
    evidence = Evidence(
        "l3.cohorts_without_evaluation",
        _("Angkatan tanpa evaluasi perilaku (L3)"),
        float(listing.count),
        _("angkatan"),
        None,
        listing.total,
        Design.RECORDS,
        "/instrumen/kampanye/?purpose=perilaku",
    )
    return [
        Draft(
            evidence=(evidence,),
            params={
                "count": str(listing.count),
                "n": str(listing.total),
                "threshold": _("%(n)d bulan") % {"n": months},
                "cohorts": fmt.names(listing.names, listing.count),
            },
            threshold=float(months),
            severity=rule.severity,
            strength=Strength.STRONG,  # a complete count of records
            recommendations=rule.recommendations(),
            subject="no_campaign",
        )
    ]
