"""Reads for the study pages: the list, the interview plan with its progress, the sources."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from sieva.evidence.access import studies_for_user
from sieva.evidence.models import SampleStratum, Source, SourceKind, Study
from sieva.org.access import Access


def study_rows(access: Access) -> QuerySet[Study]:
    """The studies in the user's subtree with how many sources of each kind they hold."""
    return studies_for_user(access).annotate(
        n_interviews=Count("sources", filter=Q(sources__kind=SourceKind.INTERVIEW)),
        n_documents=Count("sources", filter=Q(sources__kind=SourceKind.DOCUMENT)),
        n_answers=Count("sources", filter=Q(sources__kind=SourceKind.OPEN_ANSWER)),
    )


@dataclass(frozen=True)
class PlanRow:
    stratum: SampleStratum
    done: int

    @property
    def complete(self) -> bool:
        return self.done >= self.stratum.planned


def sample_progress(study: Study) -> list[PlanRow]:
    """Each sample row with the interviews held for it."""
    strata = study.sample.select_related("unit").annotate(n=Count("interviews"))
    return [PlanRow(s, s.n) for s in strata]


def sources_of(study: Study, kind: str) -> QuerySet[Source]:
    """The study's sources of one kind with their unit, who codes them and how much."""
    return (
        study.sources.filter(kind=kind)
        .select_related("unit", "primary_coder", "interview", "document")
        .annotate(
            n_codings=Count("codings", filter=Q(codings__suggested=False)),
            n_coders=Count("assignments", distinct=True),
        )
        .order_by("label")
    )
