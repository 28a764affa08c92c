"""L0 checks: participation and completion below target (with the reasons people gave) and
programs planned without asking the participants (no training-needs survey)."""

from django.utils.translation import gettext as _

from sieva.evaluation.engine.figures import Design
from sieva.evaluation.findings import fmt
from sieva.evaluation.findings.draft import Context, Draft, evidence_of, figure_params, judge
from sieva.evaluation.findings.ruleset import RuleSpec
from sieva.evaluation.findings.types import Evidence, Strength
from sieva.programs.models import CohortStatus

NEEDS_SOURCE = "/instrumen/kampanye/?purpose=kebutuhan"


def participation_below_target(ctx: Context, rule: RuleSpec) -> list[Draft]:
    figure = ctx.result.l0.participation
    own_target = ctx.facts.participation_target()
    threshold = own_target if own_target is not None else ctx.thresholds[str(rule.threshold)]
    if figure.value is None or figure.value >= threshold:
        return []
    severity, strength, reasons = judge(
        figure, rule, ctx.thresholds, threshold=threshold, gap=threshold - figure.value
    )
    top = [r for r in ctx.result.l0.reasons if r.count][:2]
    by_reason = rule.raw.get("by_reason", {})
    extra: dict[str, dict[str, str]] = {}
    for reason in top:
        if reason.code in by_reason:
            extra.setdefault(
                by_reason[reason.code],
                {"reason": str(reason.label).lower(), "reason_count": str(reason.count)},
            )
    listed = ", ".join(f"{r.label} ({r.count})" for r in top) or _("tidak tercatat")
    return [
        Draft(
            evidence=(evidence_of(figure),),
            params={**figure_params(figure, threshold), "reasons": listed},
            threshold=threshold,
            severity=severity,
            strength=strength,
            reasons=reasons,
            recommendations=(*extra, *rule.recommendations()),
            extra=extra,
        )
    ]


def completion_below_target(ctx: Context, rule: RuleSpec) -> list[Draft]:
    figure = ctx.result.l0.completion
    threshold = ctx.thresholds[str(rule.threshold)]
    if figure.value is None or figure.value >= threshold:
        return []
    severity, strength, reasons = judge(
        figure, rule, ctx.thresholds, threshold=threshold, gap=threshold - figure.value
    )
    return [
        Draft(
            evidence=(evidence_of(figure),),
            params=figure_params(figure, threshold),
            threshold=threshold,
            severity=severity,
            strength=strength,
            reasons=reasons,
            recommendations=rule.recommendations(),
        )
    ]


def planning_without_participants(ctx: Context, rule: RuleSpec) -> list[Draft]:
    listing = ctx.facts.programs_without_needs_survey()
    if not listing.count:
        return []
    evidence = Evidence(
        "l0.programs_without_needs_survey",
        _("Program tanpa survei analisis kebutuhan sebelum angkatan pertama"),
        float(listing.count),
        _("program"),
        None,
        listing.total,
        Design.RECORDS,
        NEEDS_SOURCE,
    )
    return [
        Draft(
            evidence=(evidence,),
            params={
                "count": str(listing.count),
                "n": str(listing.total),
                "programs": fmt.names(listing.names, listing.count),
            },
            threshold=None,
            severity=rule.severity,
            strength=Strength.STRONG,  # a complete count of records, not a sample
            recommendations=rule.recommendations(),
        )
    ]


def cohort_status_overdue(ctx: Context, rule: RuleSpec) -> list[Draft]:
    """Cohorts past their end date still marked planned, open or running: a data-quality
    finding (sieva.programs.inclusion); they stay out of the figures until closed."""
    overdue = ctx.result.overdue
    if not overdue:
        return []
    statuses = dict(CohortStatus.choices)
    listed = [
        _("%(cohort)s (selesai %(end)s, status %(status)s)")
        % {
            "cohort": f"{c.program} · {c.name}",
            "end": fmt.day(c.end_date),
            "status": str(statuses.get(c.status, c.status)).lower(),
        }
        for c in overdue
    ]
    evidence = Evidence(
        "data.overdue_cohorts",
        _("Angkatan lewat tanggal selesai yang statusnya belum diperbarui"),
        float(len(overdue)),
        _("angkatan"),
        None,
        len(ctx.result.pending),
        Design.RECORDS,
        "/program/",
    )
    return [
        Draft(
            evidence=(evidence,),
            params={
                "count": str(len(overdue)),
                "cohorts": fmt.names(tuple(listed[:5]), len(listed)),
            },
            threshold=None,
            severity=rule.severity,
            strength=Strength.STRONG,  # a complete count of records
            recommendations=rule.recommendations(),
        )
    ]
