"""L4 checks: citizen satisfaction (IKM) and unit indicators of the trained units — improved,
worsened, or not demonstrated — always with the comparison design and the interval."""

from sieva.evaluation.engine.levels.results import OutcomeEffect
from sieva.evaluation.findings import fmt
from sieva.evaluation.findings.draft import Context, Draft, evidence_of, figure_params, judge
from sieva.evaluation.findings.ruleset import SEVERITIES, RuleSpec
from sieva.evaluation.findings.types import Severity

VARIANT_SEVERITY = {"improved": Severity.INFO, "worsened": Severity.HIGH, "unclear": Severity.LOW}


def variant_of(improved: bool | None) -> str:
    return {True: "improved", False: "worsened", None: "unclear"}[improved]


def _outcome(ctx: Context, rule: RuleSpec, effect: OutcomeEffect, subject: str) -> Draft:
    figure = effect.effect
    variant = variant_of(effect.improved)
    severity = SEVERITIES.get(str(rule.raw.get(f"severity_{variant}")), VARIANT_SEVERITY[variant])
    _severity, strength, reasons = judge(
        figure,
        rule,
        ctx.thresholds,
        threshold=0.0,
        min_n=int(ctx.thresholds[str(rule.min_n or "min_units")]),
    )
    # "rose by" / "fell by" carry the sign in words; the plain text keeps it in the number.
    shown = abs(figure.value) if figure.value is not None and subject == "ikm" else figure.value
    params = {
        **figure_params(figure, 0.0, unit=""),
        "value": fmt.number(shown),
        "units": str(effect.trained_units),
        "comparison": str(effect.comparison_units),
        "indicator": effect.name,
        "measure": effect.measure,
    }
    return Draft(
        evidence=(evidence_of(figure), evidence_of(effect.before), evidence_of(effect.after)),
        params=params,
        threshold=0.0,
        severity=severity,
        strength=strength,
        reasons=reasons,
        variant=variant,
        recommendations=rule.recommendations(variant),
        subject=subject,
    )


def ikm_change(ctx: Context, rule: RuleSpec) -> list[Draft]:
    effect = ctx.result.l4.ikm
    return [] if effect is None else [_outcome(ctx, rule, effect, "ikm")]


def indicator_change(ctx: Context, rule: RuleSpec) -> list[Draft]:
    return [
        _outcome(ctx, rule, effect, effect.effect.key.removesuffix(".effect").split(".")[-1])
        for effect in ctx.result.l4.indicators
    ]
