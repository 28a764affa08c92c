"""The organisation tree of the user's scope and the pages of one unit: create, edit, move,
deactivate and reactivate. Plain forms and redirects: every page works without JavaScript."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sieva.core.exports import ExportTitle
from sieva.core.views import apply_errors, export, messages_of, query_without
from sieva.org import selectors, services
from sieva.org.access import (
    Capability,
    access_of,
    capability_required,
    get_org_unit_for_user,
    may_change_unit,
)
from sieva.org.models import OrgKind, OrgUnit
from sieva.org.services.unit_rules import PARENT_CAPABLE
from sieva.org.services.units import deactivation_problems
from sieva.org.unit_forms import UnitCreateForm, UnitForm, UnitMoveForm


@capability_required(Capability.VIEW_PEOPLE)
def unit_list(request: HttpRequest) -> HttpResponse:
    """Counts only, no names: VIEW_PEOPLE is enough. ``?unit=<pk>`` narrows to a subtree,
    ``?nonaktif=1`` shows inactive units too."""
    access = access_of(request)
    root = None
    if (unit_id := request.GET.get("unit", "")).isdigit():
        root = get_org_unit_for_user(access, int(unit_id))
    include_inactive = request.GET.get("nonaktif") == "1"
    rows = selectors.unit_tree(access, root, include_inactive=include_inactive)
    if "format" in request.GET:
        return export(
            request,
            filename=f"unit-kerja-{slugify(root.code)}" if root else "unit-kerja",
            title=ExportTitle(
                _("Unit kerja"), access.scope_label, _unit_filter(root, include_inactive)
            ),
            headers=selectors.unit_export_headers(),
            rows=selectors.unit_export_rows(rows),
        )
    context = {
        "rows": rows,
        "root": root,
        "include_inactive": include_inactive,
        "filter_query": query_without(request, "format"),
        "can_edit": access.can(Capability.EDIT_ORGANISATION),
    }
    return render(request, "org/unit_list.html", context)


def _unit_filter(root: OrgUnit | None, include_inactive: bool) -> tuple[tuple[str, str], ...]:
    shown = [(_("Di bawah unit"), root.name)] if root else []
    if include_inactive:
        shown.append((_("Status"), _("Termasuk unit nonaktif")))
    return tuple(shown)


@capability_required(Capability.VIEW_PEOPLE)
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    unit = get_org_unit_for_user(access, pk)
    can_change = may_change_unit(access, unit)
    context = {
        "unit": unit,
        "detail": selectors.unit_detail(access, unit),
        "can_change": can_change,
        "can_add_child": access.can(Capability.EDIT_ORGANISATION)
        and unit.active
        and unit.kind in PARENT_CAPABLE,
        "can_list_people": access.can(Capability.VIEW_PERSONAL_DATA),
        "can_see_skm": access.can(Capability.VIEW_REPORTS),
        "is_service_unit": unit.kind == OrgKind.SERVICE_UNIT,
    }
    return render(request, "org/unit_detail.html", context)


@capability_required(Capability.EDIT_ORGANISATION)
def unit_create(request: HttpRequest) -> HttpResponse:
    """``?induk=<pk>`` starts the form under that unit, with only the kinds that fit it."""
    access = access_of(request)
    parent = None
    if (parent_id := request.GET.get("induk", "")).isdigit():
        parent = get_org_unit_for_user(access, int(parent_id))
    form = UnitCreateForm(request.POST or None, access=access, parent=parent)
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.unit_create(actor=request.user, access=access, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Unit %(name)s dibuat.") % {"name": unit.name})
            return redirect("org:unit_detail", pk=unit.pk)
    return render(request, "org/unit_form.html", {"form": form, "unit": None, "parent": parent})


@capability_required(Capability.EDIT_ORGANISATION)
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    unit = get_org_unit_for_user(access, pk, write=True)
    form = UnitForm(request.POST or None, unit=unit)
    if request.method == "POST" and form.is_valid():
        values = {"service_population": None, **form.cleaned_data}
        try:
            services.unit_update(actor=request.user, access=access, unit=unit, **values)
        except ValidationError as exc:
            apply_errors(form, exc)
            unit.refresh_from_db()
        else:
            messages.success(request, _("Perubahan %(name)s disimpan.") % {"name": unit.name})
            return redirect("org:unit_detail", pk=unit.pk)
    return render(request, "org/unit_form.html", {"form": form, "unit": unit, "parent": None})


@capability_required(Capability.EDIT_ORGANISATION)
def unit_move(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    unit = get_org_unit_for_user(access, pk, write=True)
    form = UnitMoveForm(request.POST or None, access=access, unit=unit)
    if request.method == "POST" and form.is_valid():
        parent = form.cleaned_data["parent"]
        try:
            services.unit_move(actor=request.user, access=access, unit=unit, parent=parent)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(name)s dipindahkan ke bawah %(parent)s.")
                % {"name": unit.name, "parent": parent.name},
            )
            return redirect("org:unit_detail", pk=unit.pk)
    return render(request, "org/unit_move.html", {"form": form, "unit": unit})


@capability_required(Capability.EDIT_ORGANISATION)
def unit_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation (or says what stands in the way); POST deactivates."""
    access = access_of(request)
    unit = get_org_unit_for_user(access, pk, write=True)
    if request.method == "POST":
        try:
            services.unit_deactivate(actor=request.user, access=access, unit=unit)
        except ValidationError as exc:
            for message in messages_of(exc):
                messages.error(request, message)
        else:
            messages.success(request, _("%(name)s dinonaktifkan.") % {"name": unit.name})
        return redirect("org:unit_detail", pk=unit.pk)
    context = {
        "unit": unit,
        "blockers": deactivation_problems(unit),
        "is_service_unit": unit.kind == OrgKind.SERVICE_UNIT,
        "can_list_people": access.can(Capability.VIEW_PERSONAL_DATA),
    }
    return render(request, "org/unit_deactivate.html", context)


@require_POST
@capability_required(Capability.EDIT_ORGANISATION)
def unit_reactivate(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    unit = get_org_unit_for_user(access, pk, write=True)
    try:
        services.unit_reactivate(actor=request.user, access=access, unit=unit)
    except ValidationError as exc:
        for message in messages_of(exc):
            messages.error(request, message)
    else:
        messages.success(request, _("%(name)s diaktifkan kembali.") % {"name": unit.name})
    return redirect("org:unit_detail", pk=unit.pk)
