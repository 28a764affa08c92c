"""Recommendation list and detail with status changes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sieva.org.access import (
    Access,
    Capability,
    access_of,
    capability_required,
)
from sieva.recommendations import selectors, services
from sieva.recommendations.forms import (
    AssignForm,
    RecommendationFilterForm,
)

LIST_LIMIT = 500


def _can_edit(access: Access) -> bool:
    return access.can(Capability.EDIT_PROGRAMS) or access.is_admin


@capability_required(Capability.VIEW_REPORTS)
def recommendation_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    form = RecommendationFilterForm(request.GET)
    records = selectors.recommendations_in_scope(access)
    if form.is_valid():
        data = form.cleaned_data
        if data["status"]:
            records = records.filter(status=data["status"])
        if data["period"]:
            records = records.filter(period=data["period"])
        if data["priority"]:
            records = records.filter(priority=int(data["priority"]))
        if data["further_study"]:
            records = records.filter(further_study=data["further_study"] == "1")
    context = {"form": form, "records": records[:LIST_LIMIT], "can_edit": _can_edit(access)}
    return render(request, "recommendations/list.html", context)


@capability_required(Capability.VIEW_REPORTS)
def recommendation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    record = selectors.get_recommendation_for_user(access, pk)
    assign = AssignForm(
        access=access,
        initial={
            "owner_unit": record.owner_unit_id,
            "owner_user": record.owner_user_id,
            "due_date": record.due_date,
        },
    )
    context = {"record": record, "assign_form": assign, "can_edit": _can_edit(access)}
    return render(request, "recommendations/detail.html", context)


@require_POST
@capability_required(Capability.VIEW_REPORTS)
def recommendation_advance(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    record = selectors.get_recommendation_for_user(access, pk)
    try:
        services.recommendation_advance(
            actor=request.user, access=access, record=record, to_status=request.POST.get("to", "")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Status rekomendasi diperbarui."))
    return redirect("recommendations:detail", pk=record.pk)


@require_POST
@capability_required(Capability.VIEW_REPORTS)
def recommendation_assign(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    record = selectors.get_recommendation_for_user(access, pk)
    form = AssignForm(request.POST, access=access)
    if form.is_valid():
        services.recommendation_assign(
            actor=request.user,
            access=access,
            record=record,
            owner_unit=form.cleaned_data["owner_unit"],
            owner_user=form.cleaned_data["owner_user"],
            due_date=form.cleaned_data["due_date"],
        )
        messages.success(request, _("Penanggung jawab disimpan."))
    else:
        messages.error(request, _("Pilihan penanggung jawab tidak valid."))
    return redirect("recommendations:detail", pk=record.pk)
