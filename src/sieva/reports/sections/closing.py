"""Tantangan, Rekomendasi and Kesimpulan: what limits the evidence and what to do next."""

from typing import Any

from django.utils.translation import gettext as _

from sieva.core import numbers
from sieva.evaluation.engine.figures import CaveatKind, Design
from sieva.evaluation.findings.types import Finding, Severity, Strength
from sieva.reports import blocks as b
from sieva.reports.inputs import ReportInput, figures_in
from sieva.reports.narrative import Sentence
from sieva.reports.sections import qualitative


def _strength(strength: Strength) -> str:
    return {
        Strength.STRONG: _("kuat"),
        Strength.MODERATE: _("sedang"),
        Strength.WEAK: _("lemah"),
    }[strength]


def evidence_value(value: float | None, unit: str, ci: object = None) -> str:
    """An evidence number as the figure itself prints: "59,5 %", "Rp 1.250.000", "0,68",
    "3 angkatan" (a count of records in words)."""
    if value is None or unit in ("%", "Rp", ""):
        return numbers.number(value, unit)
    if ci is None and float(value).is_integer():
        return f"{numbers.integer(int(value))} {unit}"
    return f"{numbers.decimal(value)} {unit}"


def _evidence(finding: Finding) -> str:
    return "; ".join(
        f"{e.label}: {evidence_value(e.value, e.unit, e.ci)} (n = {e.n}; {e.design.label})"
        for e in finding.evidence
    )


def _further_study(text: str) -> str:
    """A weak-evidence recommendation reads as a question to study, whoever wrote the text."""
    if "kajian lebih lanjut" in text.lower() or "further study" in text.lower():
        return text
    return _("Perlu kajian lebih lanjut: %(text)s") % {"text": text}


def challenges(inp: ReportInput) -> dict[str, Any]:
    result = inp.result
    seen: dict[str, str] = {}
    for figure in figures_in(result):
        for caveat in figure.caveats:
            if caveat.kind is CaveatKind.NO_DATA:
                continue
            seen.setdefault(f"{figure.label}: {caveat.message}", caveat.kind)
    weak = [f for f in inp.findings if f.strength is Strength.WEAK]
    blocks: list[Any] = [b.heading(_("Keterbatasan bukti"))]
    blocks.append(
        b.items(seen)
        if seen
        else b.text(_("Tidak ada catatan keterbatasan pada angka laporan ini."))
    )
    if weak:
        blocks.append(
            b.heading(
                _("Temuan dengan bukti lemah (%(label)s)")
                % {"label": _("perlu kajian lebih lanjut")}
            )
        )
        blocks.append(b.items(f.statement for f in weak))
    reasons = [r for r in result.l0.reasons if r.count]
    if reasons:
        blocks.append(b.heading(_("Alasan tidak mengikuti program")))
        blocks.append(b.items(f"{r.label}: {r.count}" for r in reasons))
    barriers: dict[str, tuple[str, int]] = {}
    for rater in result.l3.raters:
        for m in rater.barriers:
            if m.count:
                label, count = barriers.get(m.code, (m.label, 0))
                barriers[m.code] = (label, count + m.count)
    if barriers:
        blocks.append(b.heading(_("Hambatan penerapan yang disebut (L3)")))
        ranked = sorted(barriers.values(), key=lambda lc: (-lc[1], lc[0]))
        blocks.append(b.items(f"{label}: {count}" for label, count in ranked))
    blocks += qualitative.challenge_blocks(inp)
    return b.section("tantangan", _("Tantangan"), blocks)


def recommendations(inp: ReportInput) -> dict[str, Any]:
    rows = []
    ordered = sorted(
        inp.findings,
        key=lambda f: (
            min((r.priority for r in f.recommendations), default=9),
            -f.severity,
            f.rule,
        ),
    )
    for number, finding in enumerate(ordered, 1):
        texts = [
            _further_study(r.text) if r.further_study else r.text
            for r in sorted(finding.recommendations, key=lambda r: r.priority)
        ]
        rows.append(
            (
                number,
                finding.level,
                f"{finding.statement} [{_evidence(finding)}]",
                " ".join(texts) or "—",
                min((r.priority for r in finding.recommendations), default="—"),
                _strength(finding.strength),
            )
        )
    if not rows:
        body = [
            b.text(
                _(
                    "Evaluasi ini tidak menghasilkan temuan yang memerlukan tindakan; belum ada rekomendasi."
                )
            )
        ]
    else:
        body = [
            b.text(
                _(
                    "Prioritas 1 paling mendesak (dampak × keyakinan). Bukti lemah ditulis sebagai "
                    "“perlu kajian lebih lanjut”, bukan sebagai kesimpulan pasti."
                )
            ),
            b.table(
                _("Temuan dan rekomendasi"),
                [
                    "No",
                    _("Tingkat"),
                    _("Temuan dan bukti"),
                    _("Rekomendasi"),
                    _("Prioritas"),
                    _("Kekuatan bukti"),
                ],
                rows,
            ),
        ]
    return b.section("rekomendasi", _("Rekomendasi"), body)


def conclusion(inp: ReportInput) -> dict[str, Any]:
    """The verdict in words: what the program achieved, how firm that is and what to decide."""
    result, verdict = inp.result, inp.verdict
    measured = [f for f in figures_in(result) if f.value is not None]
    strongest = max((f.design for f in measured), default=Design.RECORDS)
    high = sum(1 for f in inp.findings if f.severity >= Severity.HIGH)
    weak = sum(1 for f in inp.findings if f.strength is Strength.WEAK)
    sentences = [
        Sentence(
            _("Program dinilai %(verdict)s (bukti: %(grade)s). %(reason)s")
            % {
                "verdict": verdict.verdict.label.lower(),
                "grade": verdict.grade.label,
                "reason": verdict.reason,
            }
        ),
        Sentence(
            _("Desain bukti terkuat dalam laporan ini: %(design)s.") % {"design": strongest.label}
        ),
        Sentence(
            _(
                "Evaluasi ini menghasilkan %(n)d temuan: %(high)d berdampak tinggi dan %(weak)d "
                "masih perlu kajian lebih lanjut karena buktinya lemah."
            )
            % {"n": len(inp.findings), "high": high, "weak": weak}
        ),
        Sentence(_("Keputusan yang diminta: %(decision)s") % {"decision": verdict.decision}),
    ]
    return b.section("kesimpulan", _("Kesimpulan"), [b.paragraph(sentences)])
