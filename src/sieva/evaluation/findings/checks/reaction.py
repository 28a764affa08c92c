"""Checks on the questionnaires: reaction scores showing material that is hard to apply,
unreliable scales (Cronbach's alpha) and response rates too low for their margin of error."""

from collections.abc import Iterator

from django.utils.translation import gettext as _

from sieva.evaluation.engine.adapters import OVERALL
from sieva.evaluation.engine.figures import Design, Figure
from sieva.evaluation.engine.levels.common import response_margin
from sieva.evaluation.engine.levels.scales import ScaleResult
from sieva.evaluation.findings import fmt
from sieva.evaluation.findings.draft import Context, Draft, evidence_of, figure_params, judge
from sieva.evaluation.findings.ruleset import RuleSpec
from sieva.evaluation.findings.strength import assess_strength, escalate
from sieva.evaluation.findings.types import Evidence, Strength


def reaction_not_applicable(ctx: Context, rule: RuleSpec) -> list[Draft]:
    """Scales named in the rule scoring below the minimum. Only 1–5 scales (those with a
    Likert band): the threshold is a point on the 1–5 scale."""
    threshold = ctx.thresholds[str(rule.threshold)]
    drafts = []
    for scale in ctx.result.l1.scales:
        figure = scale.mean
        if scale.code not in rule.raw.get("scales", ()) or scale.band is None:
            continue
        if figure.value is None or figure.value >= threshold:
            continue
        severity, strength, reasons = judge(
            figure, rule, ctx.thresholds, threshold=threshold, gap=threshold - figure.value
        )
        drafts.append(
            Draft(
                evidence=(evidence_of(figure),),
                params={**figure_params(figure, threshold), "scale": scale.name.lower()},
                threshold=threshold,
                severity=severity,
                strength=strength,
                reasons=reasons,
                recommendations=rule.recommendations(),
                subject=scale.code,
            )
        )
    return drafts


def _scales(ctx: Context) -> Iterator[tuple[str, str, ScaleResult]]:
    """(subject prefix, source label, scale) of every measured scale, L1 then L3 by rater."""
    for scale in ctx.result.l1.scales:
        yield "l1", _("survei reaksi (L1)"), scale
    for rater in ctx.result.l3.raters:
        for scale in rater.scales:
            yield (
                f"l3.{rater.rater}",
                _("evaluasi perilaku L3, %(rater)s") % {"rater": rater.label.lower()},
                scale,
            )


def unreliable_instrument(ctx: Context, rule: RuleSpec) -> list[Draft]:
    threshold = ctx.thresholds[str(rule.threshold)]
    min_n = int(ctx.thresholds[str(rule.min_n or "min_n")])
    drafts = []
    for prefix, source, scale in _scales(ctx):
        if scale.code == OVERALL or scale.alpha is None or scale.alpha >= threshold:
            continue
        evidence = Evidence(
            f"{scale.mean.key}.alpha",
            _("Alpha Cronbach %(scale)s") % {"scale": scale.name},
            scale.alpha,
            "alpha",
            scale.alpha_ci,
            scale.alpha_n,
            scale.mean.design,
            scale.mean.source,
        )
        # Reliability is a property of the instrument, so the design does not cap it.
        strength, reasons = assess_strength(
            value=scale.alpha,
            ci=scale.alpha_ci,
            n=scale.alpha_n,
            design=Design.RECORDS,
            threshold=threshold,
            min_n=min_n,
        )
        alpha_text, limit_text = fmt.compared(scale.alpha, threshold)
        drafts.append(
            Draft(
                evidence=(evidence,),
                params={
                    "scale": scale.name.lower(),
                    "source": source,
                    "value": alpha_text,
                    "threshold": limit_text,
                    "ci": fmt.interval(scale.alpha_ci),
                    "n": str(scale.alpha_n),
                },
                threshold=threshold,
                severity=escalate(rule.severity, threshold - scale.alpha, rule.severe_gap),
                strength=strength,
                reasons=reasons,
                recommendations=rule.recommendations(),
                subject=f"{prefix}.{scale.code}",
            )
        )
    return drafts


def _rates(ctx: Context) -> Iterator[tuple[str, str, Figure]]:
    if ctx.result.l1.campaigns:
        yield "l1", _("survei reaksi (L1)"), ctx.result.l1.response_rate
    for rater in ctx.result.l3.raters:
        label = _("evaluasi perilaku L3, %(rater)s") % {"rater": rater.label.lower()}
        yield f"l3.{rater.rater}", label, rater.response_rate


def response_rate_low(ctx: Context, rule: RuleSpec) -> list[Draft]:
    """Response rates whose worst-case 95 % margin of error exceeds the limit (in points)."""
    limit = ctx.thresholds[str(rule.threshold)]
    drafts = []
    for subject, source, figure in _rates(ctx):
        if figure.value is None:
            continue
        population = figure.n
        answered = round(figure.value * population / 100)
        moe = response_margin(answered, population)
        if moe is None or moe * 100 <= limit:
            continue
        moe_text, limit_text = fmt.compared(moe * 100, limit, places=0)
        drafts.append(
            Draft(
                evidence=(evidence_of(figure),),
                params={
                    **figure_params(figure, limit, unit="%"),
                    "value": fmt.number(figure.value, "%"),
                    "threshold": limit_text + " " + _("poin"),
                    "source": source,
                    "answered": str(answered),
                    "population": str(population),
                    "moe": moe_text + " " + _("poin"),
                },
                threshold=limit,
                severity=escalate(rule.severity, moe * 100 - limit, limit),
                strength=Strength.STRONG,  # a count of who answered, not an estimate
                recommendations=rule.recommendations(),
                subject=subject,
            )
        )
    return drafts
