"""Upload of SKM responses (CSV/XLSX): all or nothing, with every problem listed and downloadable."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sieva.core import jobs
from sieva.core.exports import table_response
from sieva.org.access import Capability, access_of, capability_required
from sieva.satisfaction.forms import SkmImportForm
from sieva.satisfaction.models import SkmImportJob
from sieva.satisfaction.services import import_jobs
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
        total = import_jobs.count_rows(upload, upload.name)
        if total > import_jobs.background_rows():
            job = import_jobs.skm_import_start(
                actor=request.user,
                access=access_of(request),
                file_obj=upload,
                filename=upload.name,
                total_rows=total,
            )
            return redirect("satisfaction:import_status", pk=job.pk)
        result = import_skm(upload, upload.name, actor=request.user, access=access_of(request))
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
        "csv",
        filename="galat-impor-skm",
        title=None,  # a CSV to fix the upload from
        headers=[_("Baris"), _("Kolom"), _("Masalah")],
        rows=rows,
    )


@capability_required(Capability.EDIT_PROGRAMS)
def skm_import_status(request: HttpRequest, pk: int) -> HttpResponse:
    """A background import: htmx polls the `progress` partial every 2 s until it ends, then
    the counts or the problems."""
    job = import_jobs.get_job_for_user(access_of(request), pk)
    if not job.finished:
        jobs.reap()  # a worker that died is noticed by whoever looks, not only the scheduler
        job.refresh_from_db()
    return _status_page(request, job, SkmImportForm())


def _status_page(
    request: HttpRequest, job: SkmImportJob, retry_form: SkmImportForm, status: int = 200
) -> HttpResponse:
    template = "satisfaction/import_status.html"
    if request.htmx:  # type: ignore[attr-defined]
        template += "#progress"
    context = {
        "job": job,
        "errors": job.errors[:ERRORS_SHOWN],
        "lost": import_jobs.job_lost(job),
        "retry_form": retry_form,
    }
    return render(request, template, context, status=status)


@require_POST
@capability_required(Capability.EDIT_PROGRAMS)
def skm_import_retry(request: HttpRequest, pk: int) -> HttpResponse:
    """Run a job whose worker died again, on the file chosen again."""
    access = access_of(request)
    job = import_jobs.get_job_for_user(access, pk)
    if not import_jobs.job_lost(job):
        raise PermissionDenied
    form = SkmImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _status_page(request, job, form, status=400)
    upload = form.cleaned_data["file"]
    import_jobs.skm_import_retry(
        actor=request.user, access=access, job=job, file_obj=upload, filename=upload.name
    )
    return redirect("satisfaction:import_status", pk=job.pk)


@capability_required(Capability.EDIT_PROGRAMS)
def skm_import_job_errors(request: HttpRequest, pk: int) -> HttpResponse:
    """A background import's problems as CSV (row, column, reason); 404 when there are none."""
    job = import_jobs.get_job_for_user(access_of(request), pk)
    if not job.errors:
        raise Http404
    return table_response(
        "csv",
        filename=f"galat-impor-skm-{job.pk}",
        title=None,  # a CSV to fix the upload from
        headers=[_("Baris"), _("Kolom"), _("Masalah")],
        rows=job.errors,
    )
