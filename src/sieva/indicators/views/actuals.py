"""Entering actuals in a unit × period grid, and importing them from a file."""

import datetime as dt
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from sieva.core.tables import more_problems
from sieva.indicators import services
from sieva.indicators.access import READ, WRITE, get_definition_for_user
from sieva.indicators.forms import ImportForm
from sieva.indicators.imports import import_actuals
from sieva.indicators.models import IndicatorKind
from sieva.indicators.periods import period_label, year_periods
from sieva.indicators.selectors import pages
from sieva.indicators.values import ValueProblem, parse_value
from sieva.org.access import access_of, capability_required

ERRORS_SHOWN = 200  # the page lists the first problems and counts the rest


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("tahun") or request.POST.get("tahun") or ""
    if not raw:
        return timezone.localdate().year
    if not raw.isdigit() or not 2000 <= int(raw) <= 2100:
        raise Http404
    return int(raw)


def _plain(value: Decimal | None) -> str | None:
    """A stored value as typed into the grid: a dot, no trailing zeros, no locale grouping."""
    return None if value is None else format(value.normalize(), "f")


@capability_required(READ)
def actuals_entry(request: HttpRequest, pk: int) -> HttpResponse:
    """The grid of one indicator for one year: a row per adopted unit, a column per period.

    Reading needs VIEW_REPORTS; saving needs EDIT_PEOPLE. A cell left empty removes the
    period's value; one bad cell keeps the whole grid unsaved and shows the reason by it.
    """
    access = access_of(request)
    write = request.method == "POST"
    definition = get_definition_for_user(access, pk, write=write)
    year = _year(request)
    periods = year_periods(year, definition.frequency)
    items = pages.adopted_units(access, definition)
    unit_ids = [i.unit_id for i in items]
    stored = pages.grid_values(definition, unit_ids, periods)
    editable = definition.kind != IndicatorKind.IKM
    errors: dict[tuple[int, dt.date], str] = {}
    typed: dict[tuple[int, dt.date], str] = {}
    if write and editable:
        values: dict[tuple[int, dt.date], Decimal | None] = {}
        for unit_id in unit_ids:
            for period in periods:
                key = (unit_id, period)
                raw = request.POST.get(f"v-{unit_id}-{period:%Y-%m}", "").strip()
                typed[key] = raw
                if not raw:
                    if key in stored:
                        values[key] = None
                    continue
                try:
                    values[key] = parse_value(raw, definition)
                except ValueProblem as exc:
                    errors[key] = str(exc)
        if not errors:
            try:
                counts = services.actuals_save(
                    actor=request.user, definition=definition, values=values
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(
                    request,
                    _("Tersimpan: %(created)d baru, %(updated)d diubah, %(deleted)d dihapus.")
                    % counts,
                )
                url = request.path + f"?tahun={year}"
                return redirect(url)
        else:
            messages.error(request, _("Tidak ada yang disimpan: perbaiki sel yang ditandai."))
    rows = []
    for item in items:
        cells = []
        for period in periods:
            key = (item.unit_id, period)
            shown = typed[key] if key in typed else _plain(stored.get(key))
            cells.append(
                {
                    "name": f"v-{item.unit_id}-{period:%Y-%m}",
                    "value": shown,
                    "error": errors.get(key),
                    "label": period_label(period, definition.frequency),
                }
            )
        rows.append({"item": item, "cells": cells})
    context = {
        "definition": definition,
        "year": year,
        "rows": rows,
        "editable": editable,
        "headers": [period_label(p, definition.frequency) for p in periods],
        "can_edit": access.can(WRITE) and editable,
    }
    return render(request, "indicators/actuals_entry.html", context, status=400 if errors else 200)


@capability_required(WRITE)
def actuals_import(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    outcome = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        outcome = import_actuals(
            actor=request.user, access=access, file_obj=upload, filename=upload.name
        )
        if outcome.ok:
            messages.success(
                request, _("Impor berhasil: %(created)d baru, %(updated)d diubah.") % outcome.counts
            )
            return redirect("indicators:definition_list")
    status = 400 if outcome is not None and not outcome.ok else 200
    context = {
        "form": form,
        "outcome": outcome,
        "errors": outcome.errors[:ERRORS_SHOWN] if outcome else [],
        "more_problems": more_problems(len(outcome.errors), ERRORS_SHOWN) if outcome else "",
    }
    return render(request, "indicators/import.html", context, status=status)
