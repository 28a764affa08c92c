"""Evaluation reports: generate one for the evaluation page's scope, read it on the web,
download it as PDF, DOCX or XLSX, list the stored reports, and set an instansi's kop."""

import base64
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sieva.evaluation.forms import EvaluationFilterForm
from sieva.org.access import (
    Capability,
    access_of,
    capability_required,
    get_org_unit_for_user,
    scope_queryset,
)
from sieva.reports.access import can_approve, can_write, get_snapshot_for_user
from sieva.reports.docx import DOCX_TYPE, render_docx
from sieva.reports.forms import ApproveForm, LetterheadForm, ReportEditForm
from sieva.reports.models import Letterhead, ReportSnapshot
from sieva.reports.pdf import render_pdf
from sieva.reports.selectors import approver_initial
from sieva.reports.services import (
    letterhead_set,
    snapshot_approve,
    snapshot_create,
    snapshot_edit,
    snapshot_return,
    snapshot_review,
)
from sieva.reports.signing import signed_document
from sieva.reports.xlsx import XLSX_TYPE, render_xlsx_annex

FILTER_FIELDS = ("year", "program", "cohort", "kind", "node")
RENDERERS = {
    "pdf": (render_pdf, "application/pdf"),
    "docx": (render_docx, DOCX_TYPE),
    "xlsx": (render_xlsx_annex, XLSX_TYPE),
}


def _query(data: dict[str, Any]) -> dict[str, Any]:
    """The filter as plain values (ids), stored with the snapshot to make it again."""
    out: dict[str, Any] = {}
    for name in FILTER_FIELDS:
        value = data.get(name)
        out[name] = getattr(value, "pk", value) if value not in (None, "") else ""
    return out


@require_http_methods(["GET", "POST"])
@capability_required(Capability.VIEW_REPORTS)
def report_create(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    form = EvaluationFilterForm(
        request.POST if request.method == "POST" else request.GET, access=access
    )
    if not form.is_valid():
        # A program, cohort or node outside the user's subtree is not offered by the form:
        # answer as for any object out of scope.
        raise Http404
    query = _query(form.cleaned_data)
    if request.method == "POST":
        snapshot = snapshot_create(
            actor=request.user, access=access, scope=form.scope(), query=query
        )
        messages.success(request, _("Laporan dibuat dan disimpan."))
        return redirect("reports:detail", pk=snapshot.pk)
    key = "&".join(f"{k}={query[k]}" for k in sorted(query) if query[k] not in (None, ""))
    earlier = scope_queryset(ReportSnapshot.objects.filter(scope_key=key), access, "owner")[:10]
    context = {"form": form, "query": query, "earlier": earlier, "access": access}
    return render(request, "reports/create.html", context)


@capability_required(Capability.VIEW_REPORTS)
def report_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    snapshots = scope_queryset(ReportSnapshot.objects.select_related("created_by"), access, "owner")
    if request.GET.get("scope"):
        snapshots = snapshots.filter(scope_key=request.GET["scope"])
    return render(request, "reports/list.html", {"snapshots": snapshots[:200]})


@capability_required(Capability.VIEW_REPORTS)
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    snapshot = get_snapshot_for_user(access, pk)
    context = {
        "snapshot": snapshot,
        "document": signed_document(snapshot),
        "can_write": can_write(access),
        "can_approve": can_approve(access),
    }
    return render(request, "reports/detail.html", context)


def _sections(snapshot: ReportSnapshot) -> list[tuple[str, str]]:
    summary = snapshot.document.get("summary")
    sections = [(s["key"], s["title"]) for s in snapshot.document.get("sections", [])]
    return ([(summary["key"], summary["title"])] if summary else []) + sections


@require_http_methods(["GET", "POST"])
@capability_required(Capability.VIEW_REPORTS)
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The evaluators write their narrative per section and the report's identity (drafts)."""
    access = access_of(request)
    snapshot = get_snapshot_for_user(access, pk)
    if not can_write(access):
        raise PermissionDenied
    if not snapshot.is_draft:
        messages.error(request, _("Laporan ini tidak lagi berupa draf."))
        return redirect("reports:detail", pk=snapshot.pk)
    sections = _sections(snapshot)
    people = snapshot.evaluators or [approver_initial(request.user, access)]
    initial = {
        "number": snapshot.number,
        "evaluators": "\n".join(f"{p['name']}; {p['nip']}" for p in people if p["name"]),
        **{f"narrative_{k}": v for k, v in (snapshot.narratives or {}).items()},
    }
    form = ReportEditForm(request.POST or None, initial=initial, sections=sections)
    if request.method == "POST" and form.is_valid():
        snapshot_edit(
            actor=request.user,
            access=access,
            snapshot=snapshot,
            number=form.cleaned_data["number"],
            evaluators=form.cleaned_data["evaluators"],
            narratives=form.narratives(),
        )
        messages.success(request, _("Draf laporan disimpan."))
        return redirect("reports:detail", pk=snapshot.pk)
    context = {"snapshot": snapshot, "form": form}
    return render(request, "reports/edit.html", context)


@require_POST
@capability_required(Capability.VIEW_REPORTS)
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    snapshot = get_snapshot_for_user(access, pk)
    action = snapshot_return if request.POST.get("action") == "return" else snapshot_review
    try:
        action(actor=request.user, access=access, snapshot=snapshot)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Status laporan diperbarui."))
    return redirect("reports:detail", pk=snapshot.pk)


@require_http_methods(["GET", "POST"])
@capability_required(Capability.VIEW_REPORTS)
def report_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """The approver signs: name, NIP and position go on the signature page."""
    access = access_of(request)
    snapshot = get_snapshot_for_user(access, pk)
    if not can_approve(access):
        raise PermissionDenied
    form = ApproveForm(request.POST or None, initial=approver_initial(request.user, access))
    if request.method == "POST" and form.is_valid():
        try:
            snapshot_approve(
                actor=request.user, access=access, snapshot=snapshot, approver=form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Laporan disetujui; rekomendasinya kini dipantau."))
            return redirect("reports:detail", pk=snapshot.pk)
    return render(request, "reports/approve.html", {"snapshot": snapshot, "form": form})


@capability_required(Capability.VIEW_REPORTS)
def report_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    snapshot = get_snapshot_for_user(access_of(request), pk)
    if fmt not in RENDERERS:
        raise Http404
    render_file, content_type = RENDERERS[fmt]
    if fmt == "pdf" and snapshot.is_approved and snapshot.pdf:
        content = bytes(snapshot.pdf)  # the signed file, byte for byte
    else:
        content = render_file(signed_document(snapshot))
    response = HttpResponse(content, content_type=content_type)
    stem = slugify(snapshot.title)[:80] or "laporan"
    response["Content-Disposition"] = f'attachment; filename="{stem}-{snapshot.pk}.{fmt}"'
    return response


@require_http_methods(["GET", "POST"])
@capability_required(Capability.EDIT_PEOPLE)  # the instansi's admins keep its official kop
def letterhead_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_org_unit_for_user(access_of(request), pk)
    current = Letterhead.objects.filter(unit=unit).first()
    if request.method == "POST":
        form = LetterheadForm(request.POST, request.FILES)
        if form.is_valid():
            logo = form.cleaned_data["logo"]
            letterhead_set(
                actor=request.user,
                unit=unit,
                lines=form.cleaned_data["lines"],
                logo=logo[0] if logo else None,
                logo_type=logo[1] if logo else "",
            )
            messages.success(request, _("Kop laporan disimpan."))
            return redirect("reports:letterhead", pk=unit.pk)
    else:
        form = LetterheadForm(initial={"lines": current.lines if current else unit.name})
    logo = base64.b64encode(bytes(current.logo)).decode() if current and current.logo else ""
    context = {"form": form, "unit": unit, "current": current, "logo_b64": logo}
    return render(request, "reports/letterhead.html", context)
