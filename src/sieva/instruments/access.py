"""The one way views reach an instrument: standard templates are readable by every role that
views programs; an agency's own instrument only inside the owner's subtree (else 404).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from sieva.instruments.models import Instrument, InstrumentVersion
from sieva.org.access import Access, Capability


def get_instrument_for_user(access: Access, pk: int, *, write: bool = False) -> Instrument:
    """The instrument `pk` if visible to `access`; writing needs EDIT_PROGRAMS and an own
    (non-standard) instrument, else PermissionDenied."""
    instrument = get_object_or_404(Instrument.objects.select_related("owner"), pk=pk)
    if instrument.owner is not None and not access.covers(instrument.owner):
        raise Http404
    if instrument.owner is None and not instrument.is_standard:
        raise Http404
    if write and (instrument.is_standard or not access.can(Capability.EDIT_PROGRAMS)):
        raise PermissionDenied
    return instrument


def get_version_for_user(access: Access, pk: int, number: int) -> InstrumentVersion:
    instrument = get_instrument_for_user(access, pk)
    return get_object_or_404(
        InstrumentVersion.objects.select_related("instrument", "instrument__owner"),
        instrument=instrument,
        number=number,
    )
