"""The attendance grid: 50 participants a page, per-cell htmx saving, a row form without JS.

Names are shown, so viewing needs VIEW_PERSONAL_DATA; ticking needs EDIT_PROGRAMS as well.
"""

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sieva.core.exports import JP_FORMAT
from sieva.core.views import export, messages_of
from sieva.org.access import Capability, access_of, capability_required
from sieva.programs import selectors, services
from sieva.programs.access import get_cohort_for_user, get_enrollment_for_user, get_session_for_user
from sieva.programs.forms import AttendanceForm, EnrollmentSearchForm
from sieva.programs.models import Cohort
from sieva.programs.views.cohorts import export_title, file_stem

BAD_TICK = _("Data kehadiran tidak lengkap.")


def _attendance_context(cohort: Cohort, grid: selectors.AttendancePage) -> dict[str, Any]:
    funnel = selectors.cohort_funnel(cohort)
    return {
        "cohort": cohort,
        "grid": grid,
        "funnel": funnel,
        "participation_pct": selectors.participation_pct(funnel),
        "can_edit": True,
        "tick_url": reverse("programs:attendance_set", args=[cohort.pk]),
    }


@capability_required(Capability.VIEW_PERSONAL_DATA)
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    """Sessions x participants, 50 a page with a name/NIP search; organisers tick presence,
    others read. ?format= exports the whole cohort."""
    access = access_of(request)
    cohort = get_cohort_for_user(access, pk)
    if "format" in request.GET:
        headers, rows = selectors.attendance_export(selectors.attendance_matrix(cohort))
        return export(
            request,
            filename=file_stem(cohort, "kehadiran"),
            title=export_title(access, cohort, _("Daftar hadir")),
            headers=headers,
            rows=rows,
            number_formats={len(headers) - 1: JP_FORMAT},
        )
    search = EnrollmentSearchForm(request.GET, label=_("Cari peserta (nama atau NIP)"))
    query = search.cleaned_data["q"] if search.is_valid() else ""
    grid = selectors.attendance_page(cohort, query=query, page=request.GET.get("page"))
    context = _attendance_context(cohort, grid)
    context.update(
        can_edit=access.can(Capability.EDIT_PROGRAMS),
        search=search,
        filter_query=urlencode({"q": query}) if query else "",
    )
    return render(request, "programs/attendance.html", context)


def _ticks(request: HttpRequest) -> set[int] | None:
    """The session ids ticked in the row's form; None when one is not a number."""
    try:
        return {int(v) for v in request.POST.getlist("present")}
    except ValueError:
        return None


@capability_required(Capability.EDIT_PROGRAMS)
@require_POST
def attendance_set(request: HttpRequest, pk: int) -> HttpResponse:
    """Save attendance from one row of the grid.

    With htmx the changed checkbox adds `session`: only that cell is saved (present when its
    id is among the row's ticked `present` values), and the response is the row plus, out of
    band, the funnel with #participation-rate and the session totals. Without JavaScript the
    row's button posts every tick of the row and the row is saved as shown; then redirect."""
    access = access_of(request)
    cohort = get_cohort_for_user(access, pk, write=True)
    form = AttendanceForm(request.POST)
    ticks = _ticks(request)
    if not form.is_valid() or ticks is None:
        return HttpResponseBadRequest(str(BAD_TICK))
    enrollment = get_enrollment_for_user(access, form.cleaned_data["enrollment"], write=True)
    if enrollment.cohort_id != cohort.pk:
        return HttpResponseBadRequest(str(BAD_TICK))
    if form.cleaned_data["session"] is not None:
        session = get_session_for_user(access, form.cleaned_data["session"], write=True)
        if session.cohort_id != cohort.pk:
            return HttpResponseBadRequest(str(BAD_TICK))
        changes = [(session, session.pk in ticks)]
    else:
        changes = [
            (s, s.pk in ticks)
            for s in selectors.cohort_sessions(cohort)
            if s.pk in ticks or not services.is_future(s)
        ]
    errors = _save_ticks(request, enrollment, changes)
    if not request.htmx:  # type: ignore[attr-defined]
        for message in errors:
            messages.error(request, message)
        if not errors:
            messages.success(
                request, _("Kehadiran %(name)s disimpan.") % {"name": enrollment.employee.name}
            )
        return redirect(_grid_url(request, cohort.pk))
    context = _attendance_context(cohort, selectors.attendance_row(cohort, enrollment))
    context.update(row=context["grid"].rows[0], error=" ".join(errors))
    return render(request, "programs/_attendance_tick.html", context)


def _grid_url(request: HttpRequest, cohort_id: int) -> str:
    """Back to the grid page the row was on (its page number and search kept)."""
    keep = {k: request.POST[k] for k in ("page", "q") if request.POST.get(k)}
    url = reverse("programs:attendance", args=[cohort_id])
    return f"{url}?{urlencode(keep)}" if keep else url


def _save_ticks(request: HttpRequest, enrollment: Any, changes: list[Any]) -> list[str]:
    """Each change in its own transaction (a tick is one fact); the refusals as messages."""
    errors: list[str] = []
    for session, present in changes:
        try:
            enrollment = services.attendance_set(
                actor=request.user, session=session, enrollment=enrollment, present=present
            )
        except ValidationError as exc:
            errors.extend(messages_of(exc))
    return errors
