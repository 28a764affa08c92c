"""Upload of SKM responses (CSV/XLSX exports): choose the unit, confirm the columns in a
preview, then import all or nothing, with every problem listed and downloadable."""

import datetime as dt
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sieva.core import jobs
from sieva.core.exports import table_response
from sieva.org.access import Capability, access_of, capability_required
from sieva.satisfaction.elements import ELEMENTS, PROFILE
from sieva.satisfaction.forms import SkmImportForm, SkmMappingForm, SkmRetryForm
from sieva.satisfaction.models import SkmImportJob, SkmUpload
from sieva.satisfaction.selectors import service_units
from sieva.satisfaction.services import import_jobs
from sieva.satisfaction.services.imports import SkmImportResult, import_skm
from sieva.satisfaction.services.imports.errors import RowError, error_rows
from sieva.satisfaction.services.imports.preview import skm_preview
from sieva.satisfaction.services.imports.uploads import get_upload_for_user, skm_upload_create
from sieva.satisfaction.services.imports.wording import problem_text, reason_text

ERRORS_SHOWN = 200
_SESSION_KEY = "skm_import_errors"


@capability_required(Capability.EDIT_PROGRAMS)
def skm_import(request: HttpRequest) -> HttpResponse:
    """Step 1: the file and its unit; the columns are confirmed on the preview."""
    access = access_of(request)
    form = SkmImportForm(request.POST or None, request.FILES or None, units=service_units(access))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        pending = skm_upload_create(
            actor=request.user,
            access=access,
            file_obj=upload,
            filename=upload.name,
            unit=form.cleaned_data["unit"],
        )
        return redirect("satisfaction:import_preview", pk=pending.pk)
    return render(request, "satisfaction/import.html", {"form": form})


@capability_required(Capability.EDIT_PROGRAMS)
def skm_import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """Step 2: the mapping proposed (saved, recognised) with the first rows translated; the
    user edits it, checks it again or imports. Bare U8/U9 must be chosen before importing."""
    access = access_of(request)
    pending = get_upload_for_user(access, request.user, pk)
    first = skm_preview(
        io.BytesIO(bytes(pending.content)), pending.filename, access=access, unit=pending.unit
    )
    if first.mapping is None:  # unreadable: back to the upload with the reason
        return _render_result(request, _failed_result(first.errors, first.read_as), status=400)
    form = SkmMappingForm(request.POST or None, mapping=first.mapping)
    preview, result = first, None
    if request.method == "POST" and form.is_valid():
        columns = form.columns(first.header)
        preview = skm_preview(
            io.BytesIO(bytes(pending.content)),
            pending.filename,
            access=access,
            unit=pending.unit,
            columns=columns,
        )
        if preview.mapping is None:  # the stored file was readable a moment ago
            return _render_result(request, _failed_result(preview.errors, ""), status=400)
        # Problems in the first rows do not stop the import: it lists them all, with a report.
        if "import" in request.POST and preview.mapping.ok:
            return _import(request, pending, columns)
        form = SkmMappingForm(request.POST, mapping=preview.mapping)
        form.is_valid()
    mapping = preview.mapping
    context = {
        "pending": pending,
        "form": form,
        "preview": preview,
        "result": result,
        "columns": [(form[f"col_{c.index}"], c, reason_text(c.reason)) for c in mapping.columns],
        "problems": [problem_text(p) for p in mapping.problems],
        "unconfirmed": [c.header for c in mapping.unconfirmed],
        "element_codes": ELEMENTS,
        "profile_codes": [p.code for p in PROFILE],
        "errors": preview.errors[:ERRORS_SHOWN],
    }
    status = 400 if request.method == "POST" and (mapping.problems or preview.errors) else 200
    return render(request, "satisfaction/import_preview.html", context, status=status)


def _import(request: HttpRequest, pending: SkmUpload, columns: dict[str, str]) -> HttpResponse:
    access = access_of(request)
    content = io.BytesIO(bytes(pending.content))
    total = import_jobs.count_rows(content, pending.filename)
    if total > import_jobs.background_rows():
        job = import_jobs.skm_import_start(
            actor=request.user,
            access=access,
            file_obj=content,
            filename=pending.filename,
            total_rows=total,
            options={"unit": pending.unit_id, "columns": columns},
        )
        pending.delete()
        return redirect("satisfaction:import_status", pk=job.pk)
    result = import_skm(
        content,
        pending.filename,
        actor=request.user,
        access=access,
        unit=pending.unit,
        columns=columns,
    )
    if not result.ok:
        # Kept for the report download: the upload itself is gone after this request.
        request.session[_SESSION_KEY] = error_rows(result.errors)
        pending.delete()
        return _render_result(request, result, status=400)
    request.session.pop(_SESSION_KEY, None)
    pending.delete()
    if result.already:
        messages.info(request, already_text(result.already, result.file_rows, result.already_on))
    messages.success(
        request,
        _("Impor selesai: %(rows)s respons untuk %(months)s unit-bulan.")
        % {"rows": result.rows, "months": result.unit_months},
    )
    if pending.unit_id:
        return redirect("satisfaction:unit_dashboard", pk=pending.unit_id)
    return redirect("satisfaction:overview")


def already_text(already: int, total: int, when: dt.datetime | None) -> str:
    """ "57 of 60 rows already imported on …", the re-import report."""
    day = formats.date_format(timezone.localtime(when), "DATE_FORMAT") if when else "—"
    return _(
        "%(already)s dari %(total)s baris sudah diimpor pada %(when)s; baris itu tidak "
        "dihitung dua kali."
    ) % {"already": already, "total": total, "when": day}


def _failed_result(errors: list[RowError], read_as: str) -> SkmImportResult:
    return SkmImportResult(errors=errors, error_count=len(errors), read_as=read_as)


def _render_result(request: HttpRequest, result: SkmImportResult, status: int) -> HttpResponse:
    form = SkmImportForm(units=service_units(access_of(request)))
    context = {"form": form, "result": result, "errors": result.errors[:ERRORS_SHOWN]}
    return render(request, "satisfaction/import.html", context, status=status)


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
    return _status_page(request, job, SkmRetryForm())


def _status_page(
    request: HttpRequest, job: SkmImportJob, retry_form: SkmRetryForm, status: int = 200
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
    form = SkmRetryForm(request.POST, request.FILES)
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
