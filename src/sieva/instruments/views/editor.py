"""The draft editor: start a draft, add/change/delete sections and items, publish.

Only drafts are edited; `services.instrument_edit_version` makes one (copying the latest
version when that one is published or answered), so the editor never touches answered items.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sieva.core.views import apply_errors
from sieva.instruments import selectors, services
from sieva.instruments.access import get_instrument_for_user
from sieva.instruments.forms import ItemForm, SectionForm
from sieva.instruments.models import Instrument, InstrumentVersion, Item, Section
from sieva.instruments.services import editing
from sieva.org.access import Capability, access_of, capability_required


def draft_for_edit(request: HttpRequest, pk: int) -> tuple[Instrument, InstrumentVersion]:
    instrument = get_instrument_for_user(access_of(request), pk, write=True)
    draft = selectors.draft_version(instrument)
    if draft is None:
        raise Http404
    return instrument, draft


@capability_required(Capability.EDIT_PROGRAMS)
def instrument_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the draft's editor (or an offer to start one); POST: start the draft."""
    instrument = get_instrument_for_user(access_of(request), pk, write=True)
    if request.method == "POST":
        services.instrument_edit_version(actor=request.user, instrument=instrument)
        return redirect("instruments:instrument_edit", pk=instrument.pk)
    draft = selectors.draft_version(instrument)
    version, sections = selectors.version_preview(draft) if draft else (None, [])
    context = {
        "instrument": instrument,
        "draft": version,
        "sections": sections,
        "reversed": selectors.reverse_scored_codes(version) if version else frozenset(),
    }
    return render(request, "instruments/editor.html", context)


@require_POST
@capability_required(Capability.EDIT_PROGRAMS)
def version_publish(request: HttpRequest, pk: int) -> HttpResponse:
    instrument, draft = draft_for_edit(request, pk)
    try:
        services.version_publish(actor=request.user, version=draft)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("instruments:instrument_edit", pk=instrument.pk)
    messages.success(request, _("Versi %(n)s diterbitkan.") % {"n": draft.number})
    return redirect("instruments:instrument_detail", pk=instrument.pk)


def _form_page(
    request: HttpRequest, form: object, title: str, instrument: Instrument
) -> HttpResponse:
    context = {"form": form, "title": title, "back": instrument}
    return render(request, "instruments/form_page.html", context)


@capability_required(Capability.EDIT_PROGRAMS)
def section_edit(request: HttpRequest, pk: int, section_id: int | None = None) -> HttpResponse:
    instrument, draft = draft_for_edit(request, pk)
    section = get_object_or_404(Section, pk=section_id, version=draft) if section_id else None
    initial = {}
    if section is not None:
        initial = {k: getattr(section, k) for k in ("title", "show_if_item", "show_if_value")}
    form = SectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            editing.section_save(
                actor=request.user, version=draft, section=section, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return redirect("instruments:instrument_edit", pk=instrument.pk)
    return _form_page(request, form, _("Bagian"), instrument)


@capability_required(Capability.EDIT_PROGRAMS)
def item_edit(request: HttpRequest, pk: int, item_id: int | None = None) -> HttpResponse:
    instrument, draft = draft_for_edit(request, pk)
    item = get_object_or_404(Item, pk=item_id, version=draft) if item_id else None
    initial = ItemForm.initial_for(item) if item else {"section": request.GET.get("bagian")}
    form = ItemForm(request.POST or None, version=draft, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            editing.item_save(
                actor=request.user,
                version=draft,
                item=item,
                section=form.cleaned_data["section"],
                **form.item_fields(),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return redirect("instruments:instrument_edit", pk=instrument.pk)
    return _form_page(request, form, _("Butir"), instrument)


@require_POST
@capability_required(Capability.EDIT_PROGRAMS)
def section_delete(request: HttpRequest, pk: int, section_id: int) -> HttpResponse:
    instrument, draft = draft_for_edit(request, pk)
    section = get_object_or_404(Section, pk=section_id, version=draft)
    try:
        editing.section_delete(actor=request.user, version=draft, section=section)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("instruments:instrument_edit", pk=instrument.pk)


@require_POST
@capability_required(Capability.EDIT_PROGRAMS)
def item_delete(request: HttpRequest, pk: int, item_id: int) -> HttpResponse:
    instrument, draft = draft_for_edit(request, pk)
    item = get_object_or_404(Item, pk=item_id, version=draft)
    try:
        editing.item_delete(actor=request.user, version=draft, item=item)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("instruments:instrument_edit", pk=instrument.pk)
