"""The builder's arranging and scale pages: move and duplicate sections and items, create,
change and delete scales. Each is scoped like the editor (`editor._draft`: the instrument in the
user's subtree, EDIT_PROGRAMS, a draft to work on) and audited by its service."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sieva.core.views import apply_errors
from sieva.instruments.forms import ScaleForm
from sieva.instruments.models import Item, Scale, Section
from sieva.instruments.services import arranging, scales
from sieva.instruments.views.editor import draft_for_edit
from sieva.org.access import Capability, capability_required

STEPS = {"naik": arranging.UP, "turun": arranging.DOWN}


def _back(instrument_pk: int, anchor: str = "") -> HttpResponse:
    response = redirect("instruments:instrument_edit", pk=instrument_pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def _step(request: HttpRequest) -> int:
    return STEPS.get(request.POST.get("arah", ""), arranging.DOWN)


def _refused(request: HttpRequest, exc: ValidationError) -> None:
    for text in exc.messages:
        messages.error(request, text)


@require_POST
@capability_required(Capability.EDIT_PROGRAMS)
def section_move(request: HttpRequest, pk: int, section_id: int) -> HttpResponse:
    instrument, draft = draft_for_edit(request, pk)
    section = get_object_or_404(Section, pk=section_id, version=draft)
    try:
        arranging.section_move(
            actor=request.user, version=draft, section=section, step=_step(request)
        )
    except ValidationError as exc:
        _refused(request, exc)
    return _back(instrument.pk, f"bagian-{section.pk}")


@require_POST
@capability_required(Capability.EDIT_PROGRAMS)
def item_move(request: HttpRequest, pk: int, item_id: int) -> HttpResponse:
    instrument, draft = draft_for_edit(request, pk)
    item = get_object_or_404(Item, pk=item_id, version=draft)
    try:
        arranging.item_move(actor=request.user, version=draft, item=item, step=_step(request))
    except ValidationError as exc:
        _refused(request, exc)
    return _back(instrument.pk, f"butir-{item.pk}")


@require_POST
@capability_required(Capability.EDIT_PROGRAMS)
def item_duplicate(request: HttpRequest, pk: int, item_id: int) -> HttpResponse:
    instrument, draft = draft_for_edit(request, pk)
    item = get_object_or_404(Item, pk=item_id, version=draft)
    try:
        copy = arranging.item_duplicate(actor=request.user, version=draft, item=item)
    except ValidationError as exc:
        _refused(request, exc)
        return _back(instrument.pk)
    messages.success(request, _("Butir disalin sebagai %(code)s.") % {"code": copy.code})
    return _back(instrument.pk, f"butir-{copy.pk}")


@require_POST
@capability_required(Capability.EDIT_PROGRAMS)
def section_duplicate(request: HttpRequest, pk: int, section_id: int) -> HttpResponse:
    instrument, draft = draft_for_edit(request, pk)
    section = get_object_or_404(Section, pk=section_id, version=draft)
    try:
        copy = arranging.section_duplicate(actor=request.user, version=draft, section=section)
    except ValidationError as exc:
        _refused(request, exc)
        return _back(instrument.pk)
    messages.success(request, _("Bagian disalin: %(title)s.") % {"title": copy.title})
    return _back(instrument.pk, f"bagian-{copy.pk}")


@capability_required(Capability.EDIT_PROGRAMS)
def scale_edit(request: HttpRequest, pk: int, scale_id: int | None = None) -> HttpResponse:
    """GET: the scale form (new, or the scale's members and reverse marks); POST: save it."""
    instrument, draft = draft_for_edit(request, pk)
    scale = get_object_or_404(Scale, pk=scale_id, version=draft) if scale_id else None
    initial = {}
    if scale is not None:
        members = list(scale.members.select_related("item"))
        initial = {
            "code": scale.code,
            "name": scale.name,
            "items": [m.item.code for m in members],
            "reverse": [m.item.code for m in members if m.reverse],
        }
    form = ScaleForm(request.POST or None, version=draft, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            scales.scale_save(
                actor=request.user,
                version=draft,
                scale=scale,
                code=form.cleaned_data["code"],
                name=form.cleaned_data["name"],
                members=form.members(),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return _back(instrument.pk, "skala")
    context = {"form": form, "title": _("Skala"), "back": instrument}
    return render(request, "instruments/form_page.html", context)


@require_POST
@capability_required(Capability.EDIT_PROGRAMS)
def scale_delete(request: HttpRequest, pk: int, scale_id: int) -> HttpResponse:
    instrument, draft = draft_for_edit(request, pk)
    scale = get_object_or_404(Scale, pk=scale_id, version=draft)
    try:
        scales.scale_delete(actor=request.user, version=draft, scale=scale)
    except ValidationError as exc:
        _refused(request, exc)
    return _back(instrument.pk, "skala")
