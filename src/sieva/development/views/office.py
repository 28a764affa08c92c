"""The office's queues: learning reported from elsewhere to approve into JP, and supervisors'
nominations to accept or decline."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sieva.core.views import apply_errors, messages_of
from sieva.development.access import get_learning_for_user, get_nomination_for_user
from sieva.development.forms.workspace import DecisionForm, ReviewForm
from sieva.development.models import ExternalLearning, Nomination, NominationStatus, ReviewStatus
from sieva.development.services.learning import external_learning_review
from sieva.development.services.nominations import nomination_decide
from sieva.org.access import Capability, access_of, capability_required, scope_queryset

PAGE_SIZE = 100


@capability_required(Capability.VIEW_PERSONAL_DATA)
def learning_queue(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    records = scope_queryset(
        ExternalLearning.objects.select_related("employee__unit"), access, "employee__unit"
    )
    context = {
        "waiting": records.filter(status=ReviewStatus.SUBMITTED).order_by("submitted_at")[
            :PAGE_SIZE
        ],
        "reviewed": records.exclude(status=ReviewStatus.SUBMITTED).order_by("-reviewed_at")[:20],
        "can_review": access.can(Capability.EDIT_PROGRAMS),
    }
    return render(request, "development/office/learning_queue.html", context)


@require_http_methods(["GET", "POST"])
@capability_required(Capability.VIEW_PERSONAL_DATA)
def learning_review(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    write = request.method == "POST"
    record = get_learning_for_user(access, pk, write=write)
    form = ReviewForm(request.POST or None)
    if write and form.is_valid():
        try:
            external_learning_review(
                actor=request.user,
                record=record,
                approve=form.cleaned_data["approve"],
                approved_jp=form.cleaned_data["approved_jp"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Pengajuan %(title)s diperiksa.") % {"title": record.title})
            return redirect("development:learning_queue")
    context = {"record": record, "form": form, "can_review": access.can(Capability.EDIT_PROGRAMS)}
    return render(request, "development/office/learning_review.html", context)


@capability_required(Capability.EDIT_PROGRAMS)
def nominations(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    rows = scope_queryset(
        Nomination.objects.select_related("employee__unit", "nominated_by", "cohort__program"),
        access,
        "cohort__program__owner",
    )
    context = {
        "pending": rows.filter(status=NominationStatus.PENDING).order_by("cohort__start_date"),
        "decided": rows.exclude(status=NominationStatus.PENDING).order_by("-created_at")[:20],
        "form": DecisionForm(),
    }
    return render(request, "development/office/nominations.html", context)


@require_POST
@capability_required(Capability.EDIT_PROGRAMS)
def nomination_decide_view(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    nomination = get_nomination_for_user(access, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            nomination_decide(
                actor=request.user, access=access, nomination=nomination, **form.cleaned_data
            )
        except ValidationError as exc:
            for text in messages_of(exc):
                messages.error(request, text)
        else:
            messages.success(request, _("Usulan diputuskan."))
    return redirect("development:nominations")
