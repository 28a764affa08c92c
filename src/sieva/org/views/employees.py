"""Employee pages: list (search, filters, export), create and edit. The detail page shows the
learning record too, so it lives in `programs` (views/employees.py)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sieva.core.exports import ExportTitle
from sieva.core.views import apply_errors, export, form_filters, query_without
from sieva.org import selectors, services
from sieva.org.access import (
    Capability,
    capability_required,
    get_employee_for_user,
    personal_access_of,
)
from sieva.org.forms import EmployeeFilterForm, EmployeeForm

PAGE_SIZE = 50


@capability_required(Capability.VIEW_PEOPLE)
def employee_list(request: HttpRequest) -> HttpResponse:
    access = personal_access_of(request)
    form = EmployeeFilterForm(request.GET, access=access)
    employees = None
    if form.is_valid():
        employees = selectors.employee_list(access, selectors.EmployeeFilter(**form.cleaned_data))
    if "format" in request.GET:
        if employees is None:
            return HttpResponseBadRequest(_("Filter tidak valid."))
        return export(
            request,
            filename="pegawai",
            title=ExportTitle(_("Daftar pegawai"), access.scope_label, form_filters(form)),
            headers=selectors.employee_export_headers(),
            rows=selectors.employee_export_rows(employees),
        )
    context = {
        "form": form,
        "page": Paginator(employees, PAGE_SIZE).get_page(request.GET.get("page"))
        if employees is not None
        else None,
        "filter_query": query_without(request, "page", "format"),
        "can_edit": access.can(Capability.EDIT_PEOPLE),
    }
    template = "org/employee_list.html"
    if request.htmx:  # type: ignore[attr-defined]
        template += "#results"
    return render(request, template, context)


@capability_required(Capability.EDIT_PEOPLE)
def employee_create(request: HttpRequest) -> HttpResponse:
    access = personal_access_of(request)
    form = EmployeeForm(request.POST or None, access=access)
    if request.method == "POST" and form.is_valid():
        try:
            employee = services.employee_create(
                actor=request.user, access=access, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Pegawai %(name)s disimpan.") % {"name": employee.name})
            return redirect("programs:employee_detail", pk=employee.pk)
    return render(request, "org/employee_form.html", {"form": form, "employee": None})


@capability_required(Capability.EDIT_PEOPLE)
def employee_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access = personal_access_of(request)
    employee = get_employee_for_user(access, pk, write=True)
    form = EmployeeForm(
        request.POST or None, access=access, initial=EmployeeForm.initial_for(employee)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.employee_update(
                actor=request.user, access=access, employee=employee, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            # The failed save may have set fields on the instance; the page shows the stored row.
            employee.refresh_from_db()
        else:
            messages.success(request, _("Perubahan %(name)s disimpan.") % {"name": employee.name})
            return redirect("programs:employee_detail", pk=employee.pk)
    return render(request, "org/employee_form.html", {"form": form, "employee": employee})
