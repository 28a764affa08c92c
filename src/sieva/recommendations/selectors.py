"""Reads: recommendations in the user's subtree (each fetched through one scoped getter)."""

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from sieva.org.access import Access, scope_queryset
from sieva.recommendations.models import TrackedRecommendation


def recommendations_in_scope(access: Access) -> QuerySet[TrackedRecommendation]:
    return scope_queryset(
        TrackedRecommendation.objects.select_related("scope", "owner_unit", "owner_user"),
        access,
        "scope",
    )


def get_recommendation_for_user(access: Access, pk: int) -> TrackedRecommendation:
    """The recommendation `pk` when it lies in the user's subtree; otherwise 404."""
    record = get_object_or_404(recommendations_in_scope(access), pk=pk)
    if not access.covers(record.scope):
        raise Http404
    return record


def recommendations_for(access: Access, scope_key: str, period: str) -> list[TrackedRecommendation]:
    return list(recommendations_in_scope(access).filter(scope_key=scope_key, period=period))


def previous_recommendations(
    access: Access, scope_key: str, period: str
) -> list[TrackedRecommendation]:
    """The recommendations of the latest period before `period` for the same scope, with
    their status, so a new evaluation can say whether they were carried out."""
    earlier = recommendations_in_scope(access).filter(scope_key=scope_key, period__lt=period)
    last = earlier.order_by("-period").values_list("period", flat=True).first()
    return [] if last is None else list(earlier.filter(period=last))
