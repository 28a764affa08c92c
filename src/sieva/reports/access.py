"""The only way views reach a stored report: through the user's subtree (else 404)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from sieva.org.access import Access
from sieva.org.models import Role
from sieva.reports.models import ReportSnapshot


def get_snapshot_for_user(access: Access, pk: int) -> ReportSnapshot:
    """The snapshot `pk` if its scope node lies in the user's subtree; a report without a
    node (made over the whole tree) is for national users only."""
    snapshot = get_object_or_404(ReportSnapshot.objects.select_related("owner"), pk=pk)
    if snapshot.owner is None:
        if access.scope_path != "/":
            raise Http404
    elif not access.covers(snapshot.owner):
        raise Http404
    return snapshot


WRITERS = {Role.EVALUATOR, Role.ORGANISER, Role.AGENCY_ADMIN, Role.NATIONAL_ADMIN}
# The head of the office signs: the instansi's admins (on the head's behalf) or its leaders.
APPROVERS = {Role.AGENCY_ADMIN, Role.NATIONAL_ADMIN, Role.LEADER}


def can_write(access: Access) -> bool:
    """May write a draft's narrative and identity, and check another person's draft."""
    return access.role in WRITERS


def can_approve(access: Access) -> bool:
    return access.role in APPROVERS
