"""Uploads waiting for the user's confirmation of their columns (the import preview)."""

from typing import IO, Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from sieva.org.access import Access, Capability
from sieva.org.models import OrgUnit
from sieva.satisfaction.models import SkmUpload

__all__ = ["get_upload_for_user", "skm_upload_create"]


def skm_upload_create(
    *, actor: Any, access: Access, file_obj: IO[bytes], filename: str, unit: OrgUnit | None
) -> SkmUpload:
    """Keep the file until its columns are confirmed; the user's earlier uploads go (one
    pending file per user is enough, and nothing lingers)."""
    if not access.can(Capability.EDIT_PROGRAMS):
        raise PermissionDenied
    raw = getattr(file_obj, "file", file_obj)
    raw.seek(0)
    SkmUpload.objects.filter(actor=actor).delete()
    return SkmUpload.objects.create(
        owner_id=access.scope_id,
        actor=actor,
        unit=unit,
        filename=filename[:200],
        content=raw.read(),
    )


def get_upload_for_user(access: Access, actor: Any, pk: int) -> SkmUpload:
    """The user's own pending upload `pk`; 403 without EDIT_PROGRAMS, else 404."""
    if not access.can(Capability.EDIT_PROGRAMS):
        raise PermissionDenied
    upload = SkmUpload.objects.select_related("unit").filter(pk=pk, actor=actor).first()
    if upload is None:
        raise Http404
    return upload
