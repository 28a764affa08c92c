"""The one way views reach a campaign: scoped by its owner (the cohort's program owner or the
target unit). Out of scope is a 404; a role without the capability a 403, checked first."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from sieva.instruments.models import Campaign
from sieva.org.access import Access, Capability, scope_queryset

_RELATED = (
    "owner",
    "cohort__program",
    "target_unit",
    "version__instrument",
)


def campaigns_for_user(access: Access) -> QuerySet[Campaign]:
    """Every campaign whose owner lies in the user's subtree (no capability check)."""
    return scope_queryset(Campaign.objects.select_related(*_RELATED), access, "owner")


def get_campaign_for_user(access: Access, pk: int, *, write: bool = False) -> Campaign:
    """The campaign `pk`; 403 without VIEW_PROGRAMS (EDIT_PROGRAMS to write), 404 out of scope."""
    if not access.can(Capability.EDIT_PROGRAMS if write else Capability.VIEW_PROGRAMS):
        raise PermissionDenied
    campaign = get_object_or_404(Campaign.objects.select_related(*_RELATED), pk=pk)
    if not access.covers(campaign.owner):
        raise Http404
    return campaign
