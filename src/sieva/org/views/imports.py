"""Employee import page: upload, the table of problems, its CSV report and the blank template."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sieva.core.exports import table_response
from sieva.core.views import export
from sieva.org.access import Capability, capability_required, personal_access_of
from sieva.org.forms import EmployeeImportForm
from sieva.org.imports import columns
from sieva.org.imports.employees import import_employees

# The page lists the first problems; the CSV report holds up to the session's share.
ERRORS_SHOWN = 200
ERRORS_KEPT = 10_000
_SESSION_KEY = "org_import_errors"


@capability_required(Capability.EDIT_PEOPLE)
def employee_import(request: HttpRequest) -> HttpResponse:
    access = personal_access_of(request)
    form = EmployeeImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = import_employees(upload, upload.name, actor=request.user, access=access)
        if result.ok:
            request.session.pop(_SESSION_KEY, None)
            messages.success(
                request,
                _("Impor selesai: %(created)s pegawai baru, %(updated)s diperbarui.")
                % {"created": result.created, "updated": result.updated},
            )
            return redirect("org:employee_list")
        # Kept for the report download: the upload itself is gone after this request.
        request.session[_SESSION_KEY] = {
            "filename": upload.name,
            "errors": [[e.row, e.column, e.message] for e in result.errors[:ERRORS_KEPT]],
        }
    context = {
        "form": form,
        "result": result,
        "errors": result.errors[:ERRORS_SHOWN] if result else [],
        "errors_kept": ERRORS_KEPT,
        "required_columns": columns.REQUIRED,
        "optional_columns": columns.OPTIONAL,
    }
    return render(request, "org/employee_import.html", context)


@capability_required(Capability.EDIT_PEOPLE)
def employee_import_errors(request: HttpRequest) -> HttpResponse:
    """The problems of this user's last failed import as CSV; 404 when there is none."""
    personal_access_of(request)
    report = request.session.get(_SESSION_KEY)
    if not report:
        raise Http404
    return table_response(
        "csv",
        filename="galat-impor-pegawai",
        title=None,  # a CSV to fix the upload from
        headers=[_("Baris"), _("Kolom"), _("Masalah")],
        rows=report["errors"],
    )


@capability_required(Capability.EDIT_PEOPLE)
def employee_import_template(request: HttpRequest) -> HttpResponse:
    """An empty file with the import's header row, as ?format=csv or xlsx."""
    return export(
        request,
        filename="templat-impor-pegawai",
        title=None,  # filled in and uploaded again: the header row must stay row 1
        headers=columns.ALL,
        rows=[],
    )
