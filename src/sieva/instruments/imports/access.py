"""The one way views reach an import job: through its campaign's scope (404 outside it)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from sieva.instruments.models.imports import ResponseImport
from sieva.org.access import Access, Capability


def get_import_for_user(access: Access, pk: int) -> ResponseImport:
    """The job `pk`; 403 without EDIT_PROGRAMS (imports write), 404 out of scope."""
    if not access.can(Capability.EDIT_PROGRAMS):
        raise PermissionDenied
    job = get_object_or_404(
        ResponseImport.objects.select_related("campaign__owner", "campaign__version__instrument"),
        pk=pk,
    )
    if not access.covers(job.campaign.owner):
        raise Http404
    return job
