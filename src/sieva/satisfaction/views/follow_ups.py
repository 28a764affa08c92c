"""Staff pages of a unit's *rencana tindak lanjut*: the list with the element figures of the
period (weakest first), and adding, changing or removing an action. Reading needs
VIEW_REPORTS in the unit's subtree; writing an admin of it (audited in the service)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from sieva.org.access import Access, Capability, access_of, capability_required
from sieva.org.models import OrgUnit
from sieva.satisfaction import publication
from sieva.satisfaction.forms_follow_up import FollowUpForm
from sieva.satisfaction.models import SkmFollowUp
from sieva.satisfaction.periods import parse_period
from sieva.satisfaction.selectors import get_service_unit_for_user
from sieva.satisfaction.services.follow_ups import (
    follow_up_create,
    follow_up_delete,
    follow_up_update,
)


def _writable(access: Access, pk: int) -> OrgUnit:
    unit = get_service_unit_for_user(access, pk)
    if not access.is_admin:
        raise PermissionDenied
    return unit


def _back(unit: OrgUnit, period_key: str) -> HttpResponse:
    url = reverse("satisfaction:follow_ups", args=[unit.pk])
    return redirect(f"{url}?{urlencode({'period': period_key})}")


@capability_required(Capability.VIEW_REPORTS)
def follow_ups(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    unit = get_service_unit_for_user(access, pk)
    try:
        period = parse_period(request.GET["period"]) if request.GET.get("period") else None
    except ValueError:
        period = None
    period = period or publication.default_period(unit)
    results = publication.unit_results(unit, period) if period else None
    form = None
    if access.is_admin:
        initial = {"period": period.key if period else ""}
        if results and results.weakest:
            initial["element"] = results.weakest[0].code
        form = FollowUpForm(initial=initial)
    context = {
        "unit": unit,
        "period": period,
        "results": results,
        "actions": SkmFollowUp.objects.filter(unit=unit).order_by("-period", "deadline", "pk"),
        "form": form,
        "may_edit": access.is_admin,
    }
    return render(request, "satisfaction/follow_ups.html", context)


@capability_required(Capability.VIEW_REPORTS)
@require_POST
def follow_up_add(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _writable(access_of(request), pk)
    form = FollowUpForm(request.POST)
    if not form.is_valid():
        context = {"unit": unit, "form": form, "follow_up": None}
        return render(request, "satisfaction/follow_up_edit.html", context, status=400)
    follow_up_create(unit=unit, actor=request.user, **form.values())
    return _back(unit, form.cleaned_data["period"])


@capability_required(Capability.VIEW_REPORTS)
def follow_up_edit(request: HttpRequest, pk: int, follow_up_pk: int) -> HttpResponse:
    unit = _writable(access_of(request), pk)
    follow_up = get_object_or_404(SkmFollowUp, pk=follow_up_pk, unit=unit)
    form = FollowUpForm(request.POST or None, instance=follow_up)
    if request.method == "POST":
        if "delete" in request.POST:
            follow_up_delete(follow_up=follow_up, actor=request.user)
            return _back(unit, follow_up.period)
        if form.is_valid():
            values = form.values()
            follow_up.refresh_from_db()  # the form changed the instance; audit from the stored row
            follow_up_update(follow_up=follow_up, actor=request.user, **values)
            return _back(unit, follow_up.period)
    context = {"unit": unit, "form": form, "follow_up": follow_up}
    status = 400 if request.method == "POST" else 200
    return render(request, "satisfaction/follow_up_edit.html", context, status=status)
