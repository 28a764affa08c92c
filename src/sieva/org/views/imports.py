"""Import pages of employees and of the organisation structure: upload, the table of
problems, its CSV report and the blank template."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from sieva.core.exports import table_response
from sieva.core.tables import more_problems
from sieva.core.views import export
from sieva.org.access import Capability, access_of, capability_required, personal_access_of
from sieva.org.forms import EmployeeImportForm
from sieva.org.imports import RowError, columns, unit_columns
from sieva.org.imports.employees import import_employees
from sieva.org.imports.units import import_units
from sieva.org.unit_forms import UnitImportForm

# The page lists the first problems; the CSV report holds up to the session's share.
ERRORS_SHOWN = 200
ERRORS_KEPT = 10_000  # as many as an import keeps (SIEVA_IMPORT_PROBLEMS_KEPT)
_EMPLOYEE_ERRORS = "org_import_errors"
_UNIT_ERRORS = "org_unit_import_errors"


def _keep_errors(request: HttpRequest, key: str, filename: str, errors: list[RowError]) -> None:
    """Kept for the report download: the upload itself is gone after this request."""
    request.session[key] = {
        "filename": filename,
        "errors": [[e.row, e.column, e.message] for e in errors[:ERRORS_KEPT]],
    }


def _error_report(request: HttpRequest, key: str, filename: str) -> HttpResponse:
    """The problems of this user's last failed import as CSV; 404 when there is none."""
    report = request.session.get(key)
    if not report:
        raise Http404
    return table_response(
        "csv",
        filename=filename,
        title=None,  # a CSV to fix the upload from
        headers=[_("Baris"), _("Kolom"), _("Masalah")],
        rows=report["errors"],
    )


def _count(result: Any) -> int:
    return int(getattr(result, "error_count", 0) or len(result.errors))


def _page(form: Any, result: Any, name: str, columns: Any) -> dict[str, Any]:
    """The context of `org/_import_page.html` for the import whose URLs are `org:<name>…`."""
    return {
        "form": form,
        "result": result,
        "errors": result.errors[:ERRORS_SHOWN] if result else [],
        "error_total": _count(result) if result else 0,
        "more_problems": more_problems(_count(result), min(ERRORS_SHOWN, len(result.errors)))
        if result
        else "",
        "errors_kept": ERRORS_KEPT,
        "upload_url": reverse(f"org:{name}"),
        "report_url": reverse(f"org:{name}_errors"),
        "template_url": reverse(f"org:{name}_template"),
        "required_columns": columns.REQUIRED,
        "optional_columns": columns.OPTIONAL,
    }


@capability_required(Capability.EDIT_PEOPLE)
def employee_import(request: HttpRequest) -> HttpResponse:
    access = personal_access_of(request)
    form = EmployeeImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = import_employees(upload, upload.name, actor=request.user, access=access)
        if result.ok:
            request.session.pop(_EMPLOYEE_ERRORS, None)
            messages.success(
                request,
                _("Impor selesai: %(created)s pegawai baru, %(updated)s diperbarui.")
                % {"created": result.created, "updated": result.updated},
            )
            return redirect("org:employee_list")
        _keep_errors(request, _EMPLOYEE_ERRORS, upload.name, result.errors)
    context = _page(form, result, "employee_import", columns)
    return render(request, "org/employee_import.html", context)


@capability_required(Capability.EDIT_PEOPLE)
def employee_import_errors(request: HttpRequest) -> HttpResponse:
    personal_access_of(request)
    return _error_report(request, _EMPLOYEE_ERRORS, "galat-impor-pegawai")


def _template(request: HttpRequest, filename: str, headers: tuple[str, ...]) -> HttpResponse:
    """An empty file with an import's header row, as ?format=csv or xlsx."""
    return export(
        request,
        filename=filename,
        title=None,  # filled in and uploaded again: the header row must stay row 1
        headers=headers,
        rows=[],
    )


@capability_required(Capability.EDIT_PEOPLE)
def employee_import_template(request: HttpRequest) -> HttpResponse:
    return _template(request, "templat-impor-pegawai", columns.ALL)


@capability_required(Capability.EDIT_ORGANISATION)
def unit_import(request: HttpRequest) -> HttpResponse:
    form = UnitImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = import_units(upload, upload.name, actor=request.user, access=access_of(request))
        if result.ok:
            request.session.pop(_UNIT_ERRORS, None)
            messages.success(
                request,
                _(
                    "Impor selesai: %(created)s unit baru, %(updated)s diperbarui, "
                    "%(unchanged)s tidak berubah."
                )
                % {
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                },
            )
            return redirect("org:unit_list")
        _keep_errors(request, _UNIT_ERRORS, upload.name, result.errors)
    context = _page(form, result, "unit_import", unit_columns)
    return render(request, "org/unit_import.html", context)


@capability_required(Capability.EDIT_ORGANISATION)
def unit_import_errors(request: HttpRequest) -> HttpResponse:
    return _error_report(request, _UNIT_ERRORS, "galat-impor-unit")


@capability_required(Capability.EDIT_ORGANISATION)
def unit_import_template(request: HttpRequest) -> HttpResponse:
    return _template(request, "templat-impor-unit", unit_columns.ALL)
