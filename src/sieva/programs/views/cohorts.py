"""Cohort pages: create, detail (funnel, participants, sessions, budget), edit, sessions,
budget and the participant export."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from sieva.core.exports import JP_FORMAT, MONEY_FORMAT, ExportTitle
from sieva.core.views import after_delete, apply_errors, confirm_delete, export, messages_of
from sieva.org.access import Access, Capability, access_of, capability_required
from sieva.programs import selectors, services
from sieva.programs.access import (
    get_budget_line_for_user,
    get_cohort_for_user,
    get_program_for_user,
    get_session_for_user,
)
from sieva.programs.forms import BudgetLineForm, CohortForm, SessionForm
from sieva.programs.models import Cohort


def _detail_url(cohort_id: int, anchor: str = "") -> str:
    url = reverse("programs:cohort_detail", kwargs={"pk": cohort_id})
    return f"{url}#{anchor}" if anchor else url


@capability_required(Capability.EDIT_PROGRAMS)
def cohort_create(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_program_for_user(access_of(request), pk, write=True)
    form = CohortForm(request.POST or None, statuses=services.allowed_statuses(None))
    if request.method == "POST" and form.is_valid():
        try:
            cohort = services.cohort_create(
                actor=request.user, program=program, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Angkatan “%(name)s” dibuat.") % {"name": cohort.name})
            return redirect(_detail_url(cohort.pk))
    context = {"form": form, "program": program, "cohort": None}
    return render(request, "programs/cohort_form.html", context)


@capability_required(Capability.VIEW_PROGRAMS)
def cohort_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    cohort = get_cohort_for_user(access, pk)
    context = {
        "cohort": cohort,
        "page": selectors.cohort_page(cohort, personal=access.can(Capability.VIEW_PERSONAL_DATA)),
        "can_edit": access.can(Capability.EDIT_PROGRAMS),
    }
    return render(request, "programs/cohort_detail.html", context)


@capability_required(Capability.EDIT_PROGRAMS)
def cohort_edit(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_user(access_of(request), pk, write=True)
    form = CohortForm(
        request.POST or None,
        statuses=services.allowed_statuses(cohort.status),
        initial=CohortForm.initial_for(cohort),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.cohort_update(actor=request.user, cohort=cohort, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Perubahan angkatan disimpan."))
            return redirect(_detail_url(cohort.pk))
    context = {"form": form, "program": cohort.program, "cohort": cohort}
    return render(request, "programs/cohort_form.html", context)


@capability_required(Capability.VIEW_PROGRAMS)
def cohort_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Participants (roles with personal data) or counts per status (everyone else)."""
    access = access_of(request)
    cohort = get_cohort_for_user(access, pk)
    personal = access.can(Capability.VIEW_PERSONAL_DATA)
    headers, rows = selectors.participant_export(cohort, personal=personal)
    stem = "peserta" if personal else "rekap-peserta"
    what = _("Peserta") if personal else _("Rekap peserta")
    return export(
        request,
        filename=file_stem(cohort, stem),
        title=export_title(access, cohort, what),
        headers=headers,
        rows=rows,
        number_formats={len(headers) - 1: JP_FORMAT} if personal else None,
    )


def file_stem(cohort: Cohort, what: str) -> str:
    """A download's name says what it covers: what, program code, cohort name, start date."""
    parts = (
        what,
        slugify(cohort.program.code),
        slugify(cohort.name),
        f"{cohort.start_date:%Y%m%d}",
    )
    return "-".join(parts)[:120]


def export_title(access: Access, cohort: Cohort, what: str) -> ExportTitle:
    """The title block of a cohort's download: what, of which cohort of which program."""
    title = _("%(what)s %(cohort)s, %(program)s (%(code)s)") % {
        "what": what,
        "cohort": cohort.name,
        "program": cohort.program.name,
        "code": cohort.program.code,
    }
    return ExportTitle(title, access.scope_label)


def _session_form_page(
    request: HttpRequest, form: SessionForm, cohort: Cohort, session: object
) -> HttpResponse:
    context = {"form": form, "cohort": cohort, "session": session}
    return render(request, "programs/session_form.html", context)


@capability_required(Capability.EDIT_PROGRAMS)
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_user(access_of(request), pk, write=True)
    form = SessionForm(
        request.POST or None,
        program=cohort.program,
        scope_path=access_of(request).scope_path,
        initial={"date": cohort.start_date},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.session_create(actor=request.user, cohort=cohort, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Sesi ditambahkan."))
            return redirect(_detail_url(cohort.pk, "sesi"))
    return _session_form_page(request, form, cohort, None)


@capability_required(Capability.EDIT_PROGRAMS)
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for_user(access_of(request), pk, write=True)
    cohort = session.cohort
    form = SessionForm(
        request.POST or None,
        program=cohort.program,
        scope_path=access_of(request).scope_path,
        initial=SessionForm.initial_for(session),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.session_update(actor=request.user, session=session, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Sesi diperbarui."))
            return redirect(_detail_url(cohort.pk, "sesi"))
    return _session_form_page(request, form, cohort, session)


@capability_required(Capability.EDIT_PROGRAMS)
@require_http_methods(["GET", "POST"])
def session_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation (the non-JS path); POST deletes."""
    session = get_session_for_user(access_of(request), pk, write=True)
    if request.method == "GET":
        question = _("Yakin hapus sesi “%(title)s” (%(date)s)?") % {
            "title": session.title,
            "date": session.date.strftime("%d-%m-%Y"),
        }
        return confirm_delete(
            request, question=question, cancel_url=_detail_url(session.cohort_id, "sesi")
        )
    try:
        services.session_delete(actor=request.user, session=session)
    except ValidationError as exc:
        for message in messages_of(exc):
            messages.error(request, message)
    else:
        messages.success(request, _("Sesi dihapus."))
    return after_delete(request, _detail_url(session.cohort_id, "sesi"))


@capability_required(Capability.VIEW_PROGRAMS)
def budget(request: HttpRequest, pk: int) -> HttpResponse:
    """Planned vs realised per category; organisers set one line per category here.
    ?format=csv|xlsx exports the lines."""
    access = access_of(request)
    can_edit = access.can(Capability.EDIT_PROGRAMS)
    cohort = get_cohort_for_user(access, pk, write=request.method == "POST")
    if "format" in request.GET:
        summary = selectors.budget_summary(
            cohort, selectors.cohort_funnel(cohort), selectors.cohort_sessions(cohort)
        )
        headers, rows = selectors.budget_export(summary)
        formats = {1: MONEY_FORMAT, 2: MONEY_FORMAT, 3: JP_FORMAT}
        return export(
            request,
            filename=file_stem(cohort, "anggaran"),
            title=export_title(access, cohort, _("Anggaran")),
            headers=headers,
            rows=rows,
            number_formats=formats,
        )
    form = None
    if can_edit:
        form = BudgetLineForm(request.POST or None, initial=_budget_initial(request, cohort))
        if request.method == "POST" and form.is_valid():
            try:
                line = services.budget_line_set(
                    actor=request.user, cohort=cohort, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Anggaran disimpan."))
                warning = selectors.overspend_warning(
                    line.get_category_display(), line.planned, line.realised
                )
                if warning:
                    messages.warning(request, warning)
                return redirect("programs:budget", pk=cohort.pk)
    funnel = selectors.cohort_funnel(cohort)
    context = {
        "cohort": cohort,
        "budget": selectors.budget_summary(cohort, funnel, selectors.cohort_sessions(cohort)),
        "form": form,
        "can_edit": can_edit,
    }
    return render(request, "programs/budget.html", context)


def _budget_initial(request: HttpRequest, cohort: Cohort) -> dict[str, object]:
    """Prefill the form from the line of ?category= when there is one."""
    category = request.GET.get("category", "")
    line = cohort.budget_lines.filter(category=category).first() if category else None
    return BudgetLineForm.initial_for(line) if line else {"category": category}


@capability_required(Capability.EDIT_PROGRAMS)
@require_http_methods(["GET", "POST"])
def budget_line_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation (the non-JS path); POST deletes."""
    line = get_budget_line_for_user(access_of(request), pk, write=True)
    cohort_id = line.cohort_id
    if request.method == "GET":
        question = _("Yakin hapus pos anggaran “%(category)s”?") % {
            "category": line.get_category_display()
        }
        return confirm_delete(
            request, question=question, cancel_url=reverse("programs:budget", args=[cohort_id])
        )
    services.budget_line_delete(actor=request.user, line=line)
    messages.success(request, _("Pos anggaran dihapus."))
    return after_delete(request, reverse("programs:budget", args=[cohort_id]))
