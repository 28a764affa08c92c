"""Program pages: list (filter, export), create, detail, edit and the curriculum."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sieva.core.exports import JP_FORMAT, ExportTitle
from sieva.core.views import apply_errors, export, form_filters
from sieva.org.access import Access, Capability, access_of, capability_required
from sieva.programs import selectors, services
from sieva.programs.access import get_program_for_user, get_subject_for_user
from sieva.programs.forms import ProgramFilterForm, ProgramForm, SubjectForm

PAGE_SIZE = 50


@capability_required(Capability.VIEW_PROGRAMS)
def program_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    form = ProgramFilterForm(request.GET, access=access)
    filters = selectors.ProgramFilter()
    if form.is_valid():
        filters = selectors.ProgramFilter(
            q=form.cleaned_data["q"],
            kind=form.cleaned_data["kind"],
            mode=form.cleaned_data["mode"],
            year=form.cleaned_data["year"],
            status=form.cleaned_data["status"],
            owner=form.cleaned_data["owner"],
        )
    programs = selectors.program_list(access, filters)
    if "format" in request.GET:
        return export(
            request,
            filename=program_list_stem(access, filters),
            title=ExportTitle(_("Program pengembangan"), access.scope_label, form_filters(form)),
            headers=selectors.program_export_headers(),
            rows=selectors.program_export_rows(programs),
            number_formats={6: JP_FORMAT},
        )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": Paginator(programs, PAGE_SIZE).get_page(request.GET.get("page")),
        "filter_query": query.urlencode(),
        "can_edit": access.can(Capability.EDIT_PROGRAMS),
    }
    template = "programs/program_list.html"
    if request.htmx:  # type: ignore[attr-defined]
        template += "#results"
    return render(request, template, context)


@capability_required(Capability.EDIT_PROGRAMS)
def program_create(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    form = ProgramForm(request.POST or None, access=access)
    if request.method == "POST" and form.is_valid():
        try:
            program = services.program_create(
                actor=request.user, access=access, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Program %(name)s disimpan.") % {"name": program.name})
            return redirect("programs:program_detail", pk=program.pk)
    return render(request, "programs/program_form.html", {"form": form, "program": None})


@capability_required(Capability.VIEW_PROGRAMS)
def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    program = get_program_for_user(access, pk)
    context = {
        "detail": selectors.program_detail(program),
        "can_edit": access.can(Capability.EDIT_PROGRAMS),
    }
    return render(request, "programs/program_detail.html", context)


@capability_required(Capability.EDIT_PROGRAMS)
def program_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    program = get_program_for_user(access, pk, write=True)
    form = ProgramForm(
        request.POST or None, access=access, initial=ProgramForm.initial_for(program)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.program_update(
                actor=request.user, access=access, program=program, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Perubahan program disimpan."))
            return redirect("programs:program_detail", pk=program.pk)
    context = {
        "form": form,
        "program": program,
        "detail": selectors.program_detail(program),
        "subject_form": SubjectForm(),
    }
    return render(request, "programs/program_form.html", context)


@capability_required(Capability.EDIT_PROGRAMS)
@require_POST
def subject_create(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    program = get_program_for_user(access, pk, write=True)
    form = SubjectForm(request.POST)
    if form.is_valid():
        try:
            services.subject_create(actor=request.user, program=program, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Mata pelatihan ditambahkan."))
            return redirect(f"{_edit_url(program.pk)}#kurikulum")
    context = {
        "form": ProgramForm(access=access, initial=ProgramForm.initial_for(program)),
        "program": program,
        "detail": selectors.program_detail(program),
        "subject_form": form,
    }
    return render(request, "programs/program_form.html", context)


@capability_required(Capability.EDIT_PROGRAMS)
def subject_edit(request: HttpRequest, pk: int) -> HttpResponse:
    subject = get_subject_for_user(access_of(request), pk, write=True)
    initial = {"name": subject.name, "jp": subject.jp, "order": subject.order}
    form = SubjectForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.subject_update(actor=request.user, subject=subject, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Mata pelatihan diperbarui."))
            return redirect(f"{_edit_url(subject.program_id)}#kurikulum")
    return render(request, "programs/subject_form.html", {"form": form, "subject": subject})


@capability_required(Capability.EDIT_PROGRAMS)
@require_POST
def subject_delete(request: HttpRequest, pk: int) -> HttpResponse:
    subject = get_subject_for_user(access_of(request), pk, write=True)
    program_id = subject.program_id
    services.subject_delete(actor=request.user, subject=subject)
    messages.success(request, _("Mata pelatihan dihapus."))
    return redirect(f"{_edit_url(program_id)}#kurikulum")


def program_list_stem(access: Access, filters: selectors.ProgramFilter) -> str:
    """The program list's file name: the scope (or the chosen owner) and every filter set."""
    owner = filters.owner.code if filters.owner is not None else access.scope_name or "semua"
    parts = ["program", owner, filters.year, filters.kind, filters.mode, filters.status, filters.q]
    return "-".join(slugify(str(p)) for p in parts if p)[:120] or "program"


def _edit_url(program_id: int) -> str:
    return reverse("programs:program_edit", kwargs={"pk": program_id})
