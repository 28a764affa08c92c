"""Instrument detail with the respondent-view preview, version history, export and settings."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from sieva.core.exports import XLSX_TYPE
from sieva.instruments import selectors, services
from sieva.instruments.access import get_instrument_for_user, get_version_for_user
from sieva.instruments.exchange import export_json, export_xlsx
from sieva.instruments.forms import InstrumentUpdateForm
from sieva.org.access import Capability, access_of, capability_required

EXPORTS = {"json": (export_json, "application/json"), "xlsx": (export_xlsx, XLSX_TYPE)}


def _preview_context(request: HttpRequest, instrument, version) -> dict:  # type: ignore[no-untyped-def]
    access = access_of(request)
    loaded, sections = selectors.version_preview(version) if version else (None, [])
    return {
        "instrument": instrument,
        "version": loaded,
        "sections": sections,
        "reversed": selectors.reverse_scored_codes(loaded) if loaded else frozenset(),
        "draft": selectors.draft_version(instrument),
        "can_edit": access.can(Capability.EDIT_PROGRAMS) and not instrument.is_standard,
        "can_clone": access.can(Capability.EDIT_PROGRAMS),
    }


@capability_required(Capability.VIEW_PROGRAMS)
def instrument_detail(request: HttpRequest, pk: int) -> HttpResponse:
    instrument = get_instrument_for_user(access_of(request), pk)
    version = selectors.current_version(instrument)
    context = _preview_context(request, instrument, version)
    return render(request, "instruments/instrument_detail.html", context)


@capability_required(Capability.VIEW_PROGRAMS)
def version_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    version = get_version_for_user(access_of(request), pk, number)
    context = _preview_context(request, version.instrument, version)
    return render(request, "instruments/instrument_detail.html", context)


@capability_required(Capability.VIEW_PROGRAMS)
def instrument_versions(request: HttpRequest, pk: int) -> HttpResponse:
    instrument = get_instrument_for_user(access_of(request), pk)
    context = {"instrument": instrument, "versions": selectors.version_history(instrument)}
    return render(request, "instruments/version_list.html", context)


@capability_required(Capability.VIEW_PROGRAMS)
def instrument_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The current version (or ``?versi=n``) as a JSON or XLSX file."""
    if fmt not in EXPORTS:
        raise Http404
    instrument = get_instrument_for_user(access_of(request), pk)
    number = request.GET.get("versi", "")
    if number.isdigit():
        version = get_object_or_404(instrument.versions, number=int(number))
    else:
        version = selectors.current_version(instrument)
        if version is None:
            raise Http404
    render_file, content_type = EXPORTS[fmt]
    response = HttpResponse(render_file(version), content_type=content_type)
    filename = f"{instrument.code}-v{version.number}.{fmt}"  # the code is typed by users
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@capability_required(Capability.EDIT_PROGRAMS)
def instrument_update(request: HttpRequest, pk: int) -> HttpResponse:
    instrument = get_instrument_for_user(access_of(request), pk, write=True)
    initial = {
        "title": instrument.title,
        "rater_kind": instrument.rater_kind,
        "description": instrument.description,
    }
    form = InstrumentUpdateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.instrument_update(actor=request.user, instrument=instrument, **form.cleaned_data)
        messages.success(request, _("Keterangan instrumen disimpan."))
        return redirect("instruments:instrument_detail", pk=instrument.pk)
    title = _("Ubah keterangan “%(title)s”") % {"title": instrument.title}
    return render(request, "instruments/form_page.html", {"form": form, "title": title})
