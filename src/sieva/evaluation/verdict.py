"""A plain verdict per program — efektif, belum terbukti, perlu perbaikan — with the evidence
grade behind it and the one decision it asks of a leader (decision 0047).

- **perlu perbaikan** (needs improvement): a high-impact finding whose evidence is not weak
  (learning not applied at work, results worsened, ROI negative, completion far below target…).
  The decision is that finding's first recommendation.
- **efektif** (effective): learning is demonstrated (the 95 % interval of the pre/post gain lies
  above zero) *and* it reached work or results (application by the most credible rater at or
  above the target, or an outcome whose interval shows an improvement). The decision is to keep
  the program, measured the same way.
- **belum terbukti** (not yet proven): anything else — too little or too weak evidence. The
  decision is what to measure next (the weak finding's study, else an L2/L3 evaluation).

The grade is the strongest design among the figures the verdict rests on (decision 0012).
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sieva.evaluation.engine.figures import Design
from sieva.evaluation.engine.result import EvaluationResult
from sieva.evaluation.findings.types import Finding, Severity, Strength

APPLICATION_TARGET = "application_target"


class Verdict(StrEnum):
    EFFECTIVE = "efektif"
    UNPROVEN = "belum_terbukti"
    NEEDS_IMPROVEMENT = "perlu_perbaikan"

    @property
    def label(self) -> str:
        return str(VERDICT_LABELS[self])


VERDICT_LABELS = {
    Verdict.EFFECTIVE: gettext_lazy("Efektif"),
    Verdict.UNPROVEN: gettext_lazy("Belum terbukti"),
    Verdict.NEEDS_IMPROVEMENT: gettext_lazy("Perlu perbaikan"),
}


@dataclass(frozen=True)
class ProgramVerdict:
    verdict: Verdict
    grade: Design
    reason: str  # one sentence, in the reader's language
    decision: str  # the one decision asked of the leader


def _first_text(finding: Finding) -> str:
    return finding.recommendations[0].text if finding.recommendations else finding.statement


def verdict_of(
    result: EvaluationResult, findings: list[Finding], *, application_target: float = 60.0
) -> ProgramVerdict:
    """The verdict on `result` given its findings (most urgent first)."""
    serious = [
        f for f in findings if f.severity >= Severity.HIGH and f.strength is not Strength.WEAK
    ]
    if serious:
        first = serious[0]
        grade = max((e.design for e in first.evidence), default=Design.RECORDS)
        return ProgramVerdict(Verdict.NEEDS_IMPROVEMENT, grade, first.statement, _first_text(first))
    gain = result.l2.gain
    learned = gain.ci is not None and gain.ci[0] > 0
    applied = [
        r.application_rate
        for r in result.l3.raters
        if r.application_rate.value is not None and r.application_rate.value >= application_target
    ]
    improved = [
        e.effect for e in (result.l4.ikm, *result.l4.indicators) if e is not None and e.improved
    ]
    if learned and (applied or improved):
        grade = max([gain.design, *(f.design for f in (*applied, *improved))])
        reason = (
            _("Pengetahuan peserta naik dan hasilnya tampak di unit kerja.")
            if improved
            else _("Pengetahuan peserta naik dan diterapkan di tempat kerja.")
        )
        return ProgramVerdict(
            Verdict.EFFECTIVE,
            grade,
            reason,
            _("Lanjutkan program dengan pengukuran yang sama; pertimbangkan perluasan."),
        )
    measured = [
        f.design
        for f in (gain, *(r.application_rate for r in result.l3.raters))
        if f.value is not None
    ]
    grade = max(measured, default=Design.RECORDS)
    weak = next((f for f in findings if f.strength is Strength.WEAK and f.recommendations), None)
    if not learned:
        reason = _(
            "Belum ada kenaikan pengetahuan yang dapat ditunjukkan (pre-test dan post-test)."
        )
        decision = _("Jalankan pre-test dan post-test pada angkatan berikutnya.")
    else:
        reason = _("Pengetahuan naik, tetapi penerapan di tempat kerja belum terbukti.")
        decision = _("Jalankan evaluasi perilaku (L3) kepada alumni dan atasannya.")
    if weak is not None:
        decision = _first_text(weak)
    return ProgramVerdict(Verdict.UNPROVEN, grade, reason, decision)
