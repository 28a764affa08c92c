"""Reads of the good-practice library: search, and the feedback turned into figures."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from sieva.evidence.access import practices_for_user
from sieva.evidence.models import FeedbackKind, Practice, PracticeStatus
from sieva.org.access import Access


def practice_rows(access: Access, *, query: str = "", kind: str = "") -> QuerySet[Practice]:
    """Practices the user may read, matching every word of `query` in title, summary, body
    or keywords, with their useful and adopted counts."""
    rows = practices_for_user(access)
    for word in query.split():
        rows = rows.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(body__icontains=word)
            | Q(tags__icontains=word)
            | Q(owner__name__icontains=word)
        )
    if kind:
        rows = rows.filter(kind=kind)
    return rows.annotate(
        n_useful=Count("feedback", filter=Q(feedback__kind=FeedbackKind.USEFUL)),
        n_adopted=Count("feedback", filter=Q(feedback__kind=FeedbackKind.ADOPTED)),
    )


@dataclass(frozen=True)
class PracticeFigures:
    useful: int
    adopted: int
    adopted_elsewhere: list[str]  # other instansi (outside the owner's subtree) that adopted it


def practice_figures(practice: Practice) -> PracticeFigures:
    rows = list(practice.feedback.select_related("unit"))
    elsewhere = sorted(
        {
            f.unit.name
            for f in rows
            if f.kind == FeedbackKind.ADOPTED and not f.unit.is_within(practice.owner)
        }
    )
    return PracticeFigures(
        useful=sum(1 for f in rows if f.kind == FeedbackKind.USEFUL),
        adopted=sum(1 for f in rows if f.kind == FeedbackKind.ADOPTED),
        adopted_elsewhere=elsewhere,
    )


@dataclass(frozen=True)
class LibraryFigures:
    published: int
    adopted_elsewhere: int  # published practices adopted by at least one other region


def library_figures(access: Access) -> LibraryFigures:
    published = practices_for_user(access).filter(status=PracticeStatus.PUBLISHED)
    adopted = 0
    for practice in published.prefetch_related("feedback__unit"):
        if any(
            f.kind == FeedbackKind.ADOPTED and not f.unit.is_within(practice.owner)
            for f in practice.feedback.all()
        ):
            adopted += 1
    return LibraryFigures(published.count(), adopted)
