"""One evaluation report as a document: the sections in order, the methods appendix, the data
annex and the letterhead, plus the data its hash is computed from. Renderers (HTML, PDF,
DOCX, XLSX) read the document only; nothing is recomputed after this point."""

import base64
import importlib.metadata
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sieva.core import numbers
from sieva.evaluation.engine import Scope, evaluate
from sieva.evaluation.findings import Finding, derive_findings
from sieva.evaluation.selectors import thresholds_for
from sieva.evaluation.templatetags.figures import figure_value
from sieva.evaluation.verdict import verdict_of
from sieva.evidence.selectors.themes import report_themes
from sieva.org.access import Access
from sieva.org.models import OrgUnit
from sieva.programs.models import Cohort, Program, ProgramKind
from sieva.recommendations.selectors import previous_recommendations
from sieva.recommendations.services import period_of, scope_key
from sieva.reports import blocks as b
from sieva.reports.annex import annex
from sieva.reports.inputs import CaseStudy, ReportInput
from sieva.reports.sections import closing, front, results, summary
from sieva.reports.selectors import case_study_cohort, letterhead_for, scope_facts
from sieva.reports.serialise import input_hash, to_jsonable

SECTION_BUILDERS = (
    front.introduction,
    front.objectives,
    front.method,
    results.results,
    results.case_study,
    closing.challenges,
    summary.follow_up,
    closing.recommendations,
    closing.conclusion,
)


@dataclass(frozen=True)
class BuiltReport:
    document: dict[str, Any]
    input_hash: str
    owner: OrgUnit | None
    title: str
    scope_label: str
    period_label: str


def software_version() -> str:
    try:
        return importlib.metadata.version("sieva")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"


def findings_for(result: Any, access: Access, node: OrgUnit | None) -> list[Finding]:
    """The findings engine's findings and recommendations (issue 5 item 1), most urgent first."""
    return list(derive_findings(result, access=access, node=node))


def scope_owner(access: Access, scope: Scope) -> OrgUnit | None:
    """The node a report of `scope` belongs to, which decides who may open it later."""
    if scope.cohort_id is not None:
        return Cohort.objects.select_related("program__owner").get(pk=scope.cohort_id).program.owner
    if scope.program_id is not None:
        return Program.objects.select_related("owner").get(pk=scope.program_id).owner
    if scope.node is not None:
        return scope.node
    return OrgUnit.objects.filter(pk=access.scope_id).first() if access.scope_id else None


def _labels(access: Access, scope: Scope) -> tuple[str, str, str]:
    parts = []
    if scope.program_id is not None:
        parts.append(Program.objects.get(pk=scope.program_id).name)
    if scope.cohort_id is not None:
        parts.append(Cohort.objects.get(pk=scope.cohort_id).name)
    if scope.node is not None:
        parts.append(scope.node.name)
    if scope.program_kind:
        parts.append(str(dict(ProgramKind.choices).get(scope.program_kind, scope.program_kind)))
    if not parts:
        parts.append(access.scope_name or _("seluruh cakupan"))
    period = ""
    if scope.start and scope.end and scope.start.year == scope.end.year:
        period = str(scope.start.year)
    elif scope.start or scope.end:
        period = f"{numbers.day(scope.start) if scope.start else '…'} – " + (
            numbers.day(scope.end) if scope.end else "…"
        )
    label = " · ".join(parts)
    title = _("Laporan Evaluasi %(scope)s") % {"scope": label}
    return title, label, period or _("semua periode")


def letterhead_of(node: OrgUnit | None) -> dict[str, Any] | None:
    head = letterhead_for(node)
    if head is None:
        return None
    logo = ""
    if head.logo:
        logo = f"data:{head.logo_type};base64," + base64.b64encode(bytes(head.logo)).decode()
    return {"lines": head.line_list, "logo": logo}


def key_figures(result: Any) -> list[dict[str, str]]:
    """The headline numbers, formatted as on the page, to compare one period with the next."""
    figures = [
        result.l0.participation,
        result.l0.completion,
        result.l1.overall.mean if result.l1.overall else None,
        result.l2.gain,
        *(r.application_rate for r in result.l3.raters[:1]),
        result.l4.ikm.effect if result.l4.ikm else None,
        result.l5.realisation,
        result.l5.per_participant,
    ]
    return [
        {"key": f.key, "label": f.label, "value": figure_value(f), "n": str(f.n)}
        for f in figures
        if f is not None and f.label
    ]


def previous_follow_up(access: Access, key: str, period: str) -> list[dict[str, Any]]:
    """Last period's tracked recommendations of the same scope, as the report prints them."""
    return [
        {
            "text": rec.text,
            "period": rec.period,
            "owner": rec.owner_user.get_full_name() or rec.owner_user.get_username()
            if rec.owner_user
            else (rec.owner_unit.name if rec.owner_unit else ""),
            "due": numbers.day(rec.due_date) if rec.due_date else "",
            "status": rec.status,
            "status_label": rec.get_status_display(),
        }
        for rec in previous_recommendations(access, key, period)
    ]


def build_report(*, access: Access, scope: Scope, author: str) -> BuiltReport:
    result = evaluate(access, scope)
    owner = scope_owner(access, scope)
    findings = findings_for(result, access, scope.node)
    target = thresholds_for(owner).get("application_target", 60.0)
    verdict = verdict_of(result, findings, application_target=target)
    tracking = {"scope_key": scope_key(scope), "period": period_of(scope)}
    facts = scope_facts(access, scope)
    case_cohort = case_study_cohort(access, scope) if scope.cohort_id is None else None
    case = (
        CaseStudy(case_cohort, evaluate(access, Scope(cohort_id=case_cohort.pk)))
        if case_cohort is not None
        else None
    )
    title, scope_label, period_label = _labels(access, scope)
    program_ids = {p.pk for p in facts.programs} | {scope.program_id} - {None}
    qualitative = report_themes(access, program_ids=program_ids, node=scope.node)
    previous = previous_follow_up(access, tracking["scope_key"], tracking["period"])
    inp = ReportInput(
        result, findings, facts, case, scope_label, author, verdict, previous, qualitative
    )
    sheets = annex(inp)
    appendix = [
        front.methods_appendix(inp),
        b.section(
            "lampiran_data",
            _("Lampiran B. Data"),
            [
                b.text(
                    _(
                        "Seluruh angka laporan ini ada di lampiran data (XLSX), satu lembar per tabel:"
                    )
                ),
                b.items(f"{s['name']} ({len(s['rows'])} {_('baris')})" for s in sheets),
            ],
        ),
    ]
    data = {
        "scope": to_jsonable(scope),
        "result": to_jsonable(result),
        "findings": to_jsonable(findings),
        "programs": [
            [p.pk, p.name, p.objectives, p.target_competencies, p.participation_target]
            for p in facts.programs
        ],
        "cohorts": [[c.pk, c.start_date, c.end_date, c.status] for c in facts.cohorts],
        "instruments": to_jsonable(facts.instruments),
        "case": to_jsonable(case.result) if case else None,
        "qualitative": to_jsonable(qualitative),
    }
    digest = input_hash(data)
    document = {
        "title": title,
        "scope_label": scope_label,
        "period_label": period_label,
        "language": get_language() or "id",
        "author": author,
        "generated_at": timezone.localtime().isoformat(timespec="seconds"),
        "software_version": software_version(),
        "input_hash": digest,
        "letterhead": letterhead_of(owner),
        "owner_name": owner.name if owner else "",
        "verdict": {"code": str(verdict.verdict), "grade": int(verdict.grade)},
        "tracking": tracking,
        "findings": to_jsonable(findings),
        "key_figures": key_figures(result),
        "summary": summary.executive_summary(inp),  # front matter, before section 1
        "sections": [build(inp) for build in SECTION_BUILDERS],
        "appendix": appendix,
        "annex": to_jsonable(sheets),
    }
    return BuiltReport(document, digest, owner, title, scope_label, period_label)
