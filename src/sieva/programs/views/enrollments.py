"""Participants of a cohort: enrol by search or NIP list, change status, remove (the grid is
in `views.attendance`).

Every page here names people, so each needs VIEW_PERSONAL_DATA (a leader gets a 403); changes
need EDIT_PROGRAMS as well, checked by the scoped getters.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from sieva.core.exports import JP_FORMAT
from sieva.core.views import after_delete, apply_errors, confirm_delete, export, messages_of
from sieva.org.access import Capability, access_of, capability_required, get_employee_for_user
from sieva.programs import selectors, services
from sieva.programs.access import (
    get_cohort_for_user,
    get_enrollment_for_user,
)
from sieva.programs.forms import (
    BulkEnrollmentForm,
    EnrollmentAddForm,
    EnrollmentSearchForm,
    EnrollmentStatusForm,
)
from sieva.programs.models import Cohort
from sieva.programs.views.cohorts import export_title, file_stem

BAD_TICK = _("Data kehadiran tidak lengkap.")
BULK_SEE_ABOVE = _("Perbaiki NIP yang disebut di atas.")


def _list_url(cohort_id: int) -> str:
    return reverse("programs:enrollment_list", kwargs={"pk": cohort_id})


def _list_page(
    request: HttpRequest, cohort: Cohort, *, bulk_form: BulkEnrollmentForm | None = None
) -> HttpResponse:
    access = access_of(request)
    can_edit = access.can(Capability.EDIT_PROGRAMS)
    search = EnrollmentSearchForm(request.GET)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    context: dict[str, Any] = {
        "cohort": cohort,
        "can_edit": can_edit,
        "search": search,
        "query": query,
        "min_length": selectors.SEARCH_MIN_LENGTH,
        "candidates": selectors.enrollment_candidates(access, cohort, query) if can_edit else [],
    }
    template = "programs/enrollment_list.html"
    if request.htmx and request.method == "GET":  # type: ignore[attr-defined]
        return render(request, f"{template}#candidates", context)
    context.update(
        enrollments=selectors.cohort_enrollments(cohort),
        statuses=selectors.status_counts(cohort),
        bulk_form=bulk_form
        or (BulkEnrollmentForm(units=selectors.bulk_units(access, cohort)) if can_edit else None),
    )
    return render(request, template, context)


@capability_required(Capability.VIEW_PERSONAL_DATA)
def enrollment_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The participant list with its search (htmx part `#candidates`) and bulk forms."""
    access = access_of(request)
    cohort = get_cohort_for_user(access, pk)
    if "format" in request.GET:
        headers, rows = selectors.participant_export(cohort, personal=True)
        return export(
            request,
            filename=file_stem(cohort, "peserta"),
            title=export_title(access, cohort, _("Peserta")),
            headers=headers,
            rows=rows,
            number_formats={len(headers) - 1: JP_FORMAT},
        )
    return _list_page(request, cohort)


@capability_required(Capability.EDIT_PROGRAMS)
@require_POST
def enrollment_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Invite one employee picked from the search results."""
    access = access_of(request)
    cohort = get_cohort_for_user(access, pk, write=True)
    form = EnrollmentAddForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(str(BAD_TICK))
    employee = get_employee_for_user(access, form.cleaned_data["employee"])
    try:
        services.enrollment_add(actor=request.user, access=access, cohort=cohort, employee=employee)
    except ValidationError as exc:
        for message in messages_of(exc):
            messages.error(request, message)
    else:
        messages.success(request, _("%(name)s diundang.") % {"name": employee.name})
    return redirect(_list_url(cohort.pk))


@capability_required(Capability.EDIT_PROGRAMS)
@require_POST
def enrollment_bulk(request: HttpRequest, pk: int) -> HttpResponse:
    """Enrol a whole unit or a pasted NIP list, all or nothing."""
    access = access_of(request)
    cohort = get_cohort_for_user(access, pk, write=True)
    form = BulkEnrollmentForm(request.POST, units=selectors.bulk_units(access, cohort))
    if form.is_valid():
        try:
            result = services.enrollments_add_bulk(
                actor=request.user, access=access, cohort=cohort, **form.cleaned_data
            )
        except services.BulkEnrollmentError as exc:
            # One problem per line above the form; the field itself only points there.
            form.add_error(None, exc)
            form.add_error("nips", BULK_SEE_ABOVE)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            _report_bulk(request, result)
            return redirect(_list_url(cohort.pk))
    return _list_page(request, cohort, bulk_form=form)


def _report_bulk(request: HttpRequest, result: services.BulkResult) -> None:
    added = len(result.added)
    messages.success(
        request,
        ngettext("%(count)s pegawai ditambahkan.", "%(count)s pegawai ditambahkan.", added)
        % {"count": added},
    )
    if result.already:
        names = ", ".join(e.name for e in result.already)
        messages.info(request, _("Sudah menjadi peserta: %(names)s") % {"names": names})


@capability_required(Capability.EDIT_PROGRAMS)
def enrollment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change one participant's status and the reason they did not take part."""
    enrollment = get_enrollment_for_user(access_of(request), pk, write=True)
    initial = {
        "status": enrollment.status,
        "absence_reason": enrollment.absence_reason,
        "absence_note": enrollment.absence_note,
    }
    form = EnrollmentStatusForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.enrollment_set_status(
                actor=request.user, enrollment=enrollment, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("Status %(name)s disimpan.") % {"name": enrollment.employee.name}
            )
            return redirect(_list_url(enrollment.cohort_id))
    context = {"form": form, "enrollment": enrollment, "cohort": enrollment.cohort}
    return render(request, "programs/enrollment_form.html", context)


@capability_required(Capability.EDIT_PROGRAMS)
@require_http_methods(["GET", "POST"])
def enrollment_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation (the non-JS path); POST removes."""
    enrollment = get_enrollment_for_user(access_of(request), pk, write=True)
    if request.method == "GET":
        question = _("Yakin hapus %(name)s dari angkatan %(cohort)s?") % {
            "name": enrollment.employee.name,
            "cohort": enrollment.cohort.name,
        }
        return confirm_delete(
            request, question=question, cancel_url=_list_url(enrollment.cohort_id)
        )
    try:
        services.enrollment_remove(actor=request.user, enrollment=enrollment)
    except ValidationError as exc:
        for message in messages_of(exc):
            messages.error(request, message)
    else:
        messages.success(
            request, _("%(name)s dihapus dari angkatan.") % {"name": enrollment.employee.name}
        )
    return after_delete(request, _list_url(enrollment.cohort_id))
