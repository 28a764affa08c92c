"""Indicator definitions and each unit's baseline, target and trend."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sieva.core.exports import ExportTitle
from sieva.core.views import export
from sieva.indicators import services
from sieva.indicators.access import (
    READ,
    WRITE,
    get_definition_for_user,
    get_unit_indicator_for_user,
)
from sieva.indicators.forms import DefinitionForm, UnitIndicatorForm
from sieva.indicators.models import IndicatorDefinition
from sieva.indicators.selectors import pages
from sieva.indicators.svg import bar_chart
from sieva.org.access import access_of, capability_required
from sieva.programs.access import programs_for_user


@capability_required(READ)
def definition_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    if "format" in request.GET:
        return export(
            request,
            filename="realisasi-indikator",
            title=ExportTitle(_("Realisasi indikator kinerja unit"), access.scope_label),
            headers=pages.export_headers(),
            rows=pages.export_rows(access),
        )
    context = {
        "definitions": pages.definition_rows(access),
        "programs": programs_for_user(access).order_by("name"),
        "can_edit": access.can(WRITE),
    }
    return render(request, "indicators/definition_list.html", context)


def _save_definition(request: HttpRequest, definition=None) -> HttpResponse:  # type: ignore[no-untyped-def]
    access = access_of(request)
    # The form writes its data into its instance, so it gets a copy: the service compares
    # the stored row with the new values (audit, locked kind).
    copy = IndicatorDefinition.objects.get(pk=definition.pk) if definition else None
    form = DefinitionForm(request.POST or None, instance=copy, access=access)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.definition_save(
                actor=request.user,
                owner=form.cleaned_data["owner"],
                data=form.cleaned_data,
                definition=definition,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Definisi indikator disimpan."))
            return redirect("indicators:definition_detail", pk=saved.pk)
    return render(
        request, "indicators/definition_form.html", {"form": form, "definition": definition}
    )


@capability_required(WRITE)
def definition_create(request: HttpRequest) -> HttpResponse:
    return _save_definition(request)


@capability_required(WRITE)
def definition_edit(request: HttpRequest, pk: int) -> HttpResponse:
    definition = get_definition_for_user(access_of(request), pk, write=True)
    return _save_definition(request, definition)


@capability_required(READ)
def definition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    definition = get_definition_for_user(access, pk)
    context = {
        "definition": definition,
        "items": pages.adopted_units(access, definition),
        "can_edit": access.can(WRITE),
    }
    return render(request, "indicators/definition_detail.html", context)


def _save_unit_indicator(request: HttpRequest, definition, item=None) -> HttpResponse:  # type: ignore[no-untyped-def]
    access = access_of(request)
    form = UnitIndicatorForm(request.POST or None, access=access, definition=definition, item=item)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.unit_indicator_save(
                actor=request.user, definition=definition, unit=data["unit"], data=data, item=item
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Indikator unit disimpan."))
            return redirect("indicators:unit_indicator_detail", pk=saved.pk)
    return render(
        request,
        "indicators/unit_indicator_form.html",
        {"form": form, "definition": definition, "item": item},
    )


@capability_required(WRITE)
def unit_indicator_create(request: HttpRequest, pk: int) -> HttpResponse:
    definition = get_definition_for_user(access_of(request), pk, write=True)
    return _save_unit_indicator(request, definition)


@capability_required(WRITE)
def unit_indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_unit_indicator_for_user(access_of(request), pk, write=True)
    return _save_unit_indicator(request, item.definition, item)


@capability_required(READ)
def unit_indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    item = get_unit_indicator_for_user(access, pk)
    trend = pages.unit_trend(item)
    chart = bar_chart(
        [p.value for p in trend], target=item.target_value, label=item.definition.name
    )
    context = {
        "item": item,
        "definition": item.definition,
        "trend": trend,
        "chart": chart,
        "can_edit": access.can(WRITE),
    }
    return render(request, "indicators/unit_indicator_detail.html", context)
