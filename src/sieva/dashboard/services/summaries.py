"""Per-program period summaries: the engine's key figures stored as numbers.

Every summary is computed as the program's owning instansi sees it (an evaluation over the
owner's subtree), so the stored numbers do not depend on who pressed "hitung ulang" or on
the schedule: L4 comparison units come from the same subtree every time (decision 0017).
"""

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation

from sieva.audit.services import audit_record
from sieva.dashboard.models import JpComplianceSummary, ProgramSummary
from sieva.dashboard.periods import period_bounds
from sieva.evaluation.engine import Scope, evaluate
from sieva.evaluation.engine.figures import Figure
from sieva.evaluation.engine.result import EvaluationResult
from sieva.evaluation.engine.scope import evaluated_in_scope
from sieva.evaluation.findings import derive_findings
from sieva.evaluation.selectors import thresholds_for
from sieva.evaluation.stored import stored_refresh, subtree_access
from sieva.evaluation.verdict import verdict_of
from sieva.instruments.models import RaterKind
from sieva.org.access import Access, scope_queryset
from sieva.org.models import OrgKind, OrgUnit, Role
from sieva.programs.models import Cohort, Enrollment, Program
from sieva.programs.selectors.jp import employees_in_scope, pns_meeting_minimum
from sieva.programs.selectors.participation import funnel_by
from sieva.reports.serialise import input_hash

LANGUAGES = ("id", "en")


def owner_access(program: Program) -> Access:
    """Read-everything access over the subtree of the program's owner (no person behind it)."""
    return subtree_access(program.owner)


def program_scope(program: Program, period: str) -> Scope:
    start, end = period_bounds(period)
    return Scope(program_id=program.pk, start=start, end=end)


def _figure(prefix: str, figure: Figure | None, *, n_field: str = "n") -> dict[str, Any]:
    """Value, interval and n of `figure` under the field names `prefix`, `prefix_low`…"""
    if figure is None:
        return {
            prefix: None,
            f"{prefix}_low": None,
            f"{prefix}_high": None,
            f"{prefix}_{n_field}": 0,
        }
    low, high = figure.ci if figure.ci else (None, None)
    return {
        prefix: figure.value,
        f"{prefix}_low": low,
        f"{prefix}_high": high,
        f"{prefix}_{n_field}": figure.n,
    }


def summary_values(result: EvaluationResult) -> dict[str, Any]:
    """The summary's fields from one evaluation result (numbers only, plus caveat kinds)."""
    overall = result.l1.overall
    supervisor = next((r for r in result.l3.raters if r.rater == RaterKind.SUPERVISOR), None)
    ikm = result.l4.ikm
    l5 = result.l5
    figures: dict[str, Figure | None] = {
        "participation": result.l0.participation,
        "completion": result.l0.completion,
        "reaction": overall.mean if overall else None,
        "gain": result.l2.gain,
        "application": supervisor.application_rate if supervisor else None,
        "ikm_effect": ikm.effect if ikm else None,
        "cost_per_participant": l5.per_participant,
        "realisation": l5.realisation,
        "roi": l5.roi,
    }
    values: dict[str, Any] = {
        **_figure("participation", figures["participation"]),
        **_figure("completion", figures["completion"]),
        **_figure("reaction", figures["reaction"]),
        **_figure("gain", figures["gain"], n_field="pairs"),
        **_figure("application", figures["application"]),
        **_figure("ikm_effect", figures["ikm_effect"]),
        **_figure("roi", figures["roi"]),
        "gain_pairs": result.l2.pairs,
        "normalised_gain": result.l2.n_gain.class_gain if result.l2.n_gain else None,
        "ikm_design": int(ikm.effect.design) if ikm else None,
        "cost_per_participant": l5.per_participant.value,
        "realisation": l5.realisation.value,
        "cohorts": result.cohort_count,
        "invited": result.l0.funnel.invited,
        "attended": result.l0.funnel.attended,
        "completed": result.l0.funnel.completed,
        "budget_planned": float(l5.planned or 0),
        "budget_realised": float(l5.realised or 0),
        # Unit costs divide by those who attended cohorts with a budget (decision 0005).
        "budget_attended": l5.per_participant.n if l5.realised else 0,
    }
    values["caveats"] = {
        key: sorted({str(c.kind) for c in figure.caveats})
        for key, figure in figures.items()
        if figure is not None and figure.caveats
    }
    return values


def verdict_values(result: EvaluationResult, access: Access, program: Program) -> dict[str, Any]:
    """The verdict, its grade, reason and decision — words in both interface languages."""
    target = thresholds_for(program.owner).get("application_target", 60.0)
    verdicts = {}
    for language in LANGUAGES:
        with translation.override(language):
            findings = derive_findings(result, access=access, node=program.owner)
            verdicts[language] = verdict_of(result, findings, application_target=target)
    first = verdicts[LANGUAGES[0]]
    return {
        "verdict": str(first.verdict),
        "verdict_grade": int(first.grade),
        "verdict_reason": {language: v.reason for language, v in verdicts.items()},
        "decision": {language: v.decision for language, v in verdicts.items()},
    }


def _quarters(cohorts: QuerySet[Cohort]) -> dict[str, list[int]]:
    """[invited, attended] per quarter of cohort start, one query."""
    enrollments = Enrollment.objects.filter(cohort__in=cohorts.values("pk"))
    out: dict[str, list[int]] = {}
    for key, funnel in funnel_by(enrollments, "cohort__start_date"):
        day = key["cohort__start_date"]
        cell = out.setdefault(f"{day.year}-Q{(day.month - 1) // 3 + 1}", [0, 0])
        cell[0] += funnel.invited
        cell[1] += funnel.attended
    return out


def program_summary_refresh(
    *, actor: Any, program: Program, period: str, now: dt.datetime | None = None
) -> ProgramSummary:
    """Evaluate `program` over `period` and store (or replace) its summary; audited."""
    start, end = period_bounds(period)
    access = owner_access(program)
    scope = Scope(program_id=program.pk, start=start, end=end)
    # The evaluation pages read the same result, stored in each language (decision 0049).
    results = stored_refresh(access, scope) if period.isdigit() else {}
    result = results.get("id") or evaluate(access, scope)
    values = summary_values(result)
    values.update(verdict_values(result, access, program))
    values["quarters"] = _quarters(evaluated_in_scope(access, result.scope))
    with transaction.atomic():
        summary, created = ProgramSummary.objects.update_or_create(
            program=program,
            period=period,
            defaults={
                **values,
                "period_start": start,
                "period_end": end,
                "computed_at": now or timezone.now(),
                "input_hash": input_hash(result),
            },
        )
        audit_record(
            actor=actor,
            action="evaluation.summary_refresh",
            obj=summary,
            org_path=program.owner.path,
            changes={"period": period, "input_hash": summary.input_hash, "created": created},
        )
    return summary


def jp_compliance_refresh(*, unit: OrgUnit, year: int) -> JpComplianceSummary:
    """Count the PNS of `unit`'s subtree and those with the minimum JP in `year`; stored."""
    everyone = Access(0, Role.NATIONAL_ADMIN, unit.path, unit.pk, None, unit.name)
    pns, meeting = pns_meeting_minimum(employees_in_scope(everyone, unit), year)
    summary, _created = JpComplianceSummary.objects.update_or_create(
        unit=unit,
        year=year,
        defaults={"pns": pns, "meeting": meeting, "computed_at": timezone.now()},
    )
    return summary


def year_refresh(*, actor: Any, year: int, access: Access | None = None) -> int:
    """Every program summary of `year` and the JP compliance of every instansi, in the
    user's subtree (or everywhere); the number of programs summarised."""
    programs = Program.objects.select_related("owner")
    agencies = OrgUnit.objects.filter(kind=OrgKind.AGENCY)
    if access is not None:
        programs = scope_queryset(programs, access, "owner")
        agencies = agencies.filter(path__startswith=access.scope_path)
    count = 0
    for program in programs.order_by("pk"):
        program_summary_refresh(actor=actor, program=program, period=str(year))
        count += 1
    for agency in agencies:
        jp_compliance_refresh(unit=agency, year=year)
    nodes_refresh(year=year, access=access)
    return count


def nodes_refresh(*, year: int, access: Access | None = None) -> int:
    """Store the year's evaluation of every instansi, province and the whole country in
    the user's subtree (what the evaluation and region pages show without a program)."""
    kinds = (OrgKind.NATIONAL, OrgKind.PROVINCE, OrgKind.AGENCY)
    nodes = OrgUnit.objects.filter(kind__in=kinds)
    if access is not None:
        nodes = nodes.filter(path__startswith=access.scope_path)
    start, end = period_bounds(str(year))
    for node in nodes:
        stored_refresh(subtree_access(node), Scope(node=node, start=start, end=end))
    return nodes.count()
