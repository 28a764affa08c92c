"""Upload of SKM responses (CSV/XLSX): all or nothing, with every problem listed and downloadable."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sieva.org.access import Capability, capability_required
from sieva.reports.tables import table_response
from sieva.satisfaction.forms import SkmImportForm
from sieva.satisfaction.services.imports import columns, import_skm
from sieva.satisfaction.services.imports.errors import error_rows

ERRORS_SHOWN = 200
_SESSION_KEY = "skm_import_errors"


@capability_required(Capability.EDIT_PROGRAMS)
def skm_import(request: HttpRequest) -> HttpResponse:
    form = SkmImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = import_skm(upload, upload.name, actor=request.user, access=request.access)  # type: ignore[attr-defined]
        if result.ok:
            request.session.pop(_SESSION_KEY, None)
            messages.success(
                request,
                _("Impor selesai: %(rows)s respons untuk %(months)s unit-bulan.")
                % {"rows": result.rows, "months": result.unit_months},
            )
            return redirect("satisfaction:overview")
        # Kept for the report download: the upload itself is gone after this request.
        request.session[_SESSION_KEY] = error_rows(result.errors)
    context = {
        "form": form,
        "result": result,
        "errors": result.errors[:ERRORS_SHOWN] if result else [],
        "required_columns": columns.REQUIRED,
        "optional_columns": columns.OPTIONAL,
    }
    return render(request, "satisfaction/import.html", context, status=400 if result else 200)


@capability_required(Capability.EDIT_PROGRAMS)
def skm_import_errors(request: HttpRequest) -> HttpResponse:
    """The problems of this user's last failed import as CSV; 404 when there is none."""
    rows = request.session.get(_SESSION_KEY)
    if not rows:
        raise Http404
    return table_response(
        "csv", filename="galat-impor-skm", headers=[_("Baris"), _("Kolom"), _("Masalah")], rows=rows
    )
