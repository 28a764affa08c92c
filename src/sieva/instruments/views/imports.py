"""Importing a campaign's responses from a survey tool's export: upload → map columns →
preview → import (now, or in the background with a progress page) → result or problems."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sieva.core import jobs
from sieva.core.exports import table_response
from sieva.core.views import apply_errors
from sieva.instruments.campaigns.access import get_campaign_for_user
from sieva.instruments.imports import headers, services
from sieva.instruments.imports.access import get_import_for_user
from sieva.instruments.imports.forms import MappingForm, RetryForm, UploadForm
from sieva.instruments.imports.preview import preview
from sieva.instruments.imports.rows import file_rows
from sieva.instruments.imports.values import blank, text_of
from sieva.instruments.models.imports import ImportStatus, ResponseImport
from sieva.instruments.selectors import spec_for_version
from sieva.org.access import Capability, access_of, capability_required

ERRORS_SHOWN = 200
SAMPLES = 3


@capability_required(Capability.EDIT_PROGRAMS)
def response_import(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_campaign_for_user(access_of(request), pk, write=True)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = services.import_start(
                actor=request.user,
                campaign=campaign,
                filename=upload.name,
                content=upload.read(),
                source=form.cleaned_data["source"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return redirect("instruments:response_import_mapping", pk=job.pk)
    recent = campaign.imports.order_by("-created_at")[:5]
    context = {"campaign": campaign, "form": form, "recent": recent}
    return render(
        request, "instruments/imports/upload.html", context, status=400 if form.errors else 200
    )


def _open(request: HttpRequest, pk: int) -> ResponseImport:
    job = get_import_for_user(access_of(request), pk)
    if job.status != ImportStatus.MAPPING:
        raise Http404  # the file is gone once a job has run; its result page remains
    return job


def _samples(rows: list[list[Any]], width: int) -> list[str]:
    out = []
    for index in range(width):
        seen = [text_of(r[index]) for r in rows if index < len(r) and not blank(r[index])]
        out.append(_("Contoh: %(values)s") % {"values": " · ".join(seen[:SAMPLES])} if seen else "")
    return out


@capability_required(Capability.EDIT_PROGRAMS)
def response_import_mapping(request: HttpRequest, pk: int) -> HttpResponse:
    job = _open(request, pk)
    spec = spec_for_version(job.campaign.version)
    read = file_rows(bytes(job.content), job.filename)  # read when the job was made
    form = MappingForm(
        request.POST or None,
        header=job.header,
        choices=headers.targets_of(spec, with_subject=bool(job.campaign.rater_kind)),
        initial_targets=job.targets,
        samples=_samples([cells for _number, cells in read.rows], len(job.header)),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.mapping_save(actor=request.user, job=job, targets=form.targets())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return redirect("instruments:response_import_preview", pk=job.pk)
    mapped = {t.split("[", 1)[0] for t in job.targets if t}
    unmapped = [item for item in spec.items if item.required and item.code not in mapped]
    context = {
        "job": job,
        "campaign": job.campaign,
        "form": form,
        "unmapped": unmapped,
        "read_as": read.read_as,
    }
    return render(request, "instruments/imports/mapping.html", context)


@capability_required(Capability.EDIT_PROGRAMS)
def response_import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """GET shows the first rows as they will be stored; POST imports the whole file."""
    job = _open(request, pk)
    if request.method == "POST":
        job = services.import_submit(job=job)
        return redirect("instruments:response_import_status", pk=job.pk)
    context = {
        "job": job,
        "campaign": job.campaign,
        "preview": preview(job),
        "background": job.total_rows > services.background_rows(),
    }
    return render(request, "instruments/imports/preview.html", context)


@capability_required(Capability.EDIT_PROGRAMS)
def response_import_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress while the job runs (htmx polls the `progress` partial every 2 s), then the
    counts or the table of problems."""
    job = get_import_for_user(access_of(request), pk)
    if not job.finished:
        jobs.reap()  # a worker that died is noticed by whoever looks, not only the scheduler
        job.refresh_from_db()
    return _status_page(request, job, RetryForm())


def _status_page(
    request: HttpRequest, job: ResponseImport, retry_form: RetryForm, status: int = 200
) -> HttpResponse:
    context = {
        "job": job,
        "campaign": job.campaign,
        "errors": job.errors[:ERRORS_SHOWN],
        "lost": services.job_lost(job),
        "retry_form": retry_form,
    }
    template = "instruments/imports/status.html"
    if request.htmx:  # type: ignore[attr-defined]
        template += "#progress"
    return render(request, template, context, status=status)


@require_POST
@capability_required(Capability.EDIT_PROGRAMS)
def response_import_retry(request: HttpRequest, pk: int) -> HttpResponse:
    """Run a job whose worker died again, on the same file chosen again."""
    job = get_import_for_user(access_of(request), pk)
    get_campaign_for_user(access_of(request), job.campaign_id, write=True)
    if not services.job_lost(job):
        raise PermissionDenied
    form = RetryForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.import_retry(
                actor=request.user, job=job, content=form.cleaned_data["file"].read()
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return redirect("instruments:response_import_status", pk=job.pk)
    return _status_page(request, job, form, status=400)


@capability_required(Capability.EDIT_PROGRAMS)
def response_import_errors(request: HttpRequest, pk: int) -> HttpResponse:
    """The job's problems as CSV (row, column, reason)."""
    job = get_import_for_user(access_of(request), pk)
    if not job.errors:
        raise Http404
    return table_response(
        "csv",
        filename=f"galat-impor-tanggapan-{job.pk}",
        title=None,  # a CSV to fix the upload from
        headers=[_("Baris"), _("Kolom"), _("Masalah")],
        rows=[[row or "", column, reason] for row, column, reason in job.errors],
    )
