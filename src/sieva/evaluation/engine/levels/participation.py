"""L0 — participation: the funnel, its rates and the reasons people gave for not taking part."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sieva.analysis.suppression import suppress_counts
from sieva.analysis.types import Notice
from sieva.evaluation.engine import adapters
from sieva.evaluation.engine.figures import Figure
from sieva.evaluation.engine.levels.common import min_cell, rate_figure
from sieva.programs.models import AbsenceReason, Cohort
from sieva.programs.selectors.participation import Funnel


@dataclass(frozen=True)
class Reason:
    code: str
    label: str
    count: int | None  # None when suppressed (fewer than the minimum cell size)


@dataclass(frozen=True)
class ParticipationLevel:
    funnel: Funnel
    participation: Figure
    completion: Figure
    reasons: tuple[Reason, ...]
    reasons_note: Notice | None  # which small cells were hidden, if any


def participation_level(cohorts: QuerySet[Cohort]) -> ParticipationLevel:
    records = adapters.participation_records(cohorts)
    funnel, reason_counts = records.funnel, records.reasons
    shown = suppress_counts(reason_counts, min_count=min_cell()) if reason_counts else None
    labels = dict(AbsenceReason.choices)
    reasons = tuple(
        sorted(
            (
                Reason(code, str(labels.get(code, code)), shown.values[code])
                for code in reason_counts
            ),
            key=lambda r: -(r.count or 0),
        )
        if shown
        else ()
    )
    return ParticipationLevel(
        funnel=funnel,
        participation=rate_figure(
            "l0.participation_rate",
            _("Tingkat partisipasi (hadir / diundang)"),
            funnel.attended,
            funnel.invited,
            source="/partisipasi/",
        ),
        completion=rate_figure(
            "l0.completion_rate",
            _("Tingkat kelulusan (lulus / hadir)"),
            funnel.completed,
            funnel.attended,
            source="/partisipasi/",
        ),
        reasons=reasons,
        reasons_note=shown.note if shown else None,
    )
