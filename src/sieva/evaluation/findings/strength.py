"""How firm a finding is (strength) and how urgent its recommendations are (priority).

Strength: WEAK when the value is suppressed, its 95 % interval reaches the threshold, or it
rests on fewer people (or units) than the minimum; otherwise a post-only design, estimated
benefits or a caveat that undermines the comparison caps it at MODERATE; else STRONG.
Priority = impact × confidence mapped to 1 (act first) … 5 (decision 0013).
"""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from sieva.evaluation.engine.figures import Caveat, CaveatKind, Design
from sieva.evaluation.findings import fmt
from sieva.evaluation.findings.types import Severity, Strength

# Caveats that leave the number standing but weaken what it says about the program.
CAPPING_CAVEATS = {
    CaveatKind.LOW_RESPONSE,
    CaveatKind.UNRELIABLE_SCALE,
    CaveatKind.NO_COMPARISON,
    CaveatKind.FEW_CLUSTERS,
    CaveatKind.TREATMENT_TIMING,
    CaveatKind.PRE_TREND,
    CaveatKind.ATTRITION,
    CaveatKind.ESTIMATED_BENEFITS,
}
CONFIDENCE = {Strength.WEAK: 1, Strength.MODERATE: 2, Strength.STRONG: 3}
# (minimum score, priority): impact is severity + 1 (1…4), so the score runs 1…12.
PRIORITY_STEPS = ((12, 1), (8, 2), (6, 3), (3, 4))


def crosses(ci: tuple[float, float] | None, threshold: float | None) -> bool:
    """True when the interval includes the threshold (the data cannot tell which side)."""
    if ci is None or threshold is None:
        return False
    return ci[0] <= threshold <= ci[1]


def assess_strength(
    *,
    value: float | None,
    ci: tuple[float, float] | None,
    n: int,
    design: Design,
    threshold: float | None,
    min_n: int,
    caveats: Iterable[Caveat] = (),
    unit: str = "",
) -> tuple[Strength, tuple[str, ...]]:
    """The strength of a finding on one figure and the reasons it is not STRONG."""
    weak: list[str] = []
    if value is None:
        weak.append(_("angka disembunyikan karena terlalu sedikit orang"))
    if crosses(ci, threshold):
        weak.append(
            _("interval kepercayaan 95 %% (%(ci)s) mencakup ambang %(threshold)s")
            % {"ci": fmt.interval(ci, unit), "threshold": fmt.number(threshold, unit)}
        )
    if n < min_n:
        weak.append(_("hanya n = %(n)d (minimum %(min)d)") % {"n": n, "min": min_n})
    if weak:
        return Strength.WEAK, tuple(weak)
    capped: list[str] = []
    if design is Design.POST_ONLY:
        capped.append(_("desain hanya sesudah (tanpa pengukuran awal)"))
    capped.extend(c.message for c in caveats if c.kind in CAPPING_CAVEATS)
    if capped:
        return Strength.MODERATE, tuple(capped)
    return Strength.STRONG, ()


def priority(severity: Severity, strength: Strength) -> int:
    """1 (highest) … 5 from impact (severity) × confidence (strength)."""
    score = (int(severity) + 1) * CONFIDENCE[strength]
    for minimum, rank in PRIORITY_STEPS:
        if score >= minimum:
            return rank
    return 5


def escalate(severity: Severity, gap: float | None, severe_gap: float | None) -> Severity:
    """One step more severe when the value lies `severe_gap` or more past the threshold."""
    if gap is None or severe_gap is None or abs(gap) < severe_gap:
        return severity
    return Severity(min(int(severity) + 1, int(Severity.HIGH)))
