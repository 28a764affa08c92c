"""What a check returns before texts are filled in: the evidence, the numbers for the
templates, severity and strength. `judge` applies the strength rules to one figure."""

from dataclasses import dataclass, field

from sieva.evaluation.engine.figures import Figure
from sieva.evaluation.engine.result import EvaluationResult
from sieva.evaluation.findings import fmt
from sieva.evaluation.findings.facts import Facts
from sieva.evaluation.findings.ruleset import RuleSpec
from sieva.evaluation.findings.strength import assess_strength, escalate
from sieva.evaluation.findings.types import Evidence, Severity, Strength


@dataclass(frozen=True)
class Context:
    """What every check reads: the result, the thresholds in force and the extra facts."""

    result: EvaluationResult
    thresholds: dict[str, float]
    facts: Facts


@dataclass(frozen=True)
class Draft:
    evidence: tuple[Evidence, ...]
    params: dict[str, str]  # placeholder -> formatted text
    threshold: float | None
    severity: Severity
    strength: Strength
    reasons: tuple[str, ...] = ()
    variant: str = ""  # which text of the rule ("improved", "low"…); "" for the plain one
    recommendations: tuple[str, ...] = ()  # template codes, most specific first
    extra: dict[str, dict[str, str]] = field(default_factory=dict)  # per-template params
    subject: str = ""


def evidence_of(figure: Figure) -> Evidence:
    return Evidence(
        figure.key,
        str(figure.label),
        figure.value,
        figure.unit,
        figure.ci,
        figure.n,
        figure.design,
        figure.source,
    )


def figure_params(figure: Figure, threshold: float | None = None, unit: str | None = None) -> dict:
    """The usual placeholders of a finding on one figure: value, ci, n, threshold, design."""
    shown = figure.unit if unit is None else unit
    value, limit = fmt.number(figure.value, shown), fmt.number(threshold, shown)
    if figure.value is not None and threshold is not None:
        # Worded from the comparison made: "59,96 % below 60,0 %", never "60,0 % below 60,0 %".
        value, limit = fmt.compared(figure.value, threshold, shown)
    return {
        "value": value,
        "ci": fmt.interval(figure.ci, shown),
        "n": str(figure.n),
        "threshold": limit,
        "design": str(figure.design.label),
    }


def judge(
    figure: Figure,
    rule: RuleSpec,
    thresholds: dict[str, float],
    *,
    threshold: float | None,
    gap: float | None = None,
    min_n: int | None = None,
) -> tuple[Severity, Strength, tuple[str, ...]]:
    """Severity (escalated by the gap past the threshold) and strength of a finding on `figure`."""
    if min_n is None:
        min_n = int(thresholds[rule.min_n]) if rule.min_n else 0
    strength, reasons = assess_strength(
        value=figure.value,
        ci=figure.ci,
        n=figure.n,
        design=figure.design,
        threshold=threshold,
        min_n=min_n,
        caveats=figure.caveats,
        unit=figure.unit,
    )
    return escalate(rule.severity, gap, rule.severe_gap), strength, reasons
