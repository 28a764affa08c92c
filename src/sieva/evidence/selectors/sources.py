"""Reads about sources that are not in the study's own tables: open questions to bring in."""

from django.db.models import Count, Q, QuerySet

from sieva.evidence.models import Study
from sieva.instruments.models import Item, ItemKind


def open_text_items(study: Study) -> QuerySet[Item]:
    """Text questions answered in campaigns owned in the study's subtree (and of its program,
    when it has one), with `n` non-empty answers each; most answered first."""
    answered = Q(answers__response__campaign__owner__path__startswith=study.owner.path) & ~Q(
        answers__value_text=""
    )
    if study.program_id is not None:
        answered &= Q(answers__response__campaign__cohort__program_id=study.program_id)
    return (
        Item.objects.filter(kind__in=(ItemKind.SHORT_TEXT, ItemKind.LONG_TEXT))
        .annotate(n=Count("answers", filter=answered))
        .filter(n__gt=0)
        .select_related("version__instrument")
        .order_by("-n", "pk")
    )
