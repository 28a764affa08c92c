"""Coding a source in the browser (select text, pick codes), the coder's own codings and
suggestions, and the codebook."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sieva.core.views import apply_errors, confirm_delete
from sieva.evidence import services
from sieva.evidence.access import (
    Ring,
    get_code_for_user,
    get_coding_for_user,
    get_source_for_user,
    get_study_for_user,
    ring_of,
)
from sieva.evidence.forms import CodeForm, CodingForm
from sieva.evidence.models import Code
from sieva.evidence.selectors.coding import codebook_tree, coding_page
from sieva.evidence.views.common import run_and_report
from sieva.org.access import Capability, access_of, capability_required

READ = Capability.VIEW_REPORTS


@capability_required(READ)
def coding(request: HttpRequest, pk: int) -> HttpResponse:
    """The coding page. A POST applies the picked codes to the selected characters; with
    htmx the answer is the refreshed panel, without it a redirect back to the page."""
    access = access_of(request)
    source = get_source_for_user(access, pk)
    form = CodingForm(request.POST or None, study=source.study)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.coding_add(
                actor=request.user,
                source=source,
                codes=list(data["code"]),
                start=data["start"],
                end=data["end"],
                memo=data["memo"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if not request.htmx:  # type: ignore[attr-defined]
                messages.success(request, _("Pengodean disimpan."))
                return redirect("evidence:coding", pk=source.pk)
            form = CodingForm(study=source.study)
    context = {
        "page": coding_page(source, request.user),
        "source": source,
        "study": source.study,
        "form": form,
        "is_lead": ring_of(access, source.study) >= Ring.LEAD,
    }
    template = "evidence/coding.html"
    if request.htmx:  # type: ignore[attr-defined]
        template += "#panel"
    return render(request, template, context)


def _back_to_coding(request: HttpRequest, source_id: int) -> HttpResponse:
    if request.htmx:  # type: ignore[attr-defined]
        return coding_panel(request, source_id)
    return redirect("evidence:coding", pk=source_id)


def coding_panel(request: HttpRequest, source_id: int) -> HttpResponse:
    access = access_of(request)
    source = get_source_for_user(access, source_id)
    context = {
        "page": coding_page(source, request.user),
        "source": source,
        "study": source.study,
        "form": CodingForm(study=source.study),
        "is_lead": ring_of(access, source.study) >= Ring.LEAD,
    }
    return render(request, "evidence/coding.html#panel", context)


@capability_required(READ)
def coding_delete(request: HttpRequest, pk: int) -> HttpResponse:
    coding = get_coding_for_user(access_of(request), pk)
    source_id = coding.source_id
    if request.method != "POST":
        return confirm_delete(
            request,
            question=_("Hapus kode “%(code)s” dari teks “%(quote)s”?")
            % {"code": coding.code.name, "quote": coding.quote[:120]},
            cancel_url=reverse("evidence:coding", args=[source_id]),
        )
    services.coding_remove(actor=request.user, coding=coding)
    return _back_to_coding(request, source_id)


@capability_required(READ)
@require_POST
def coding_exemplar(request: HttpRequest, pk: int) -> HttpResponse:
    coding = get_coding_for_user(access_of(request), pk)
    services.coding_mark_exemplar(
        actor=request.user, coding=coding, exemplar=request.POST.get("exemplar") == "1"
    )
    return _back_to_coding(request, coding.source_id)


@capability_required(READ)
@require_POST
def suggestion_decide(request: HttpRequest, pk: int) -> HttpResponse:
    coding = get_coding_for_user(access_of(request), pk)
    accept = request.POST.get("accept") == "1"
    decide = services.suggestion_accept if accept else services.suggestion_reject
    run_and_report(
        request,
        lambda: decide(actor=request.user, coding=coding),
        _("Saran diterima.") if accept else _("Saran ditolak."),
    )
    return _back_to_coding(request, coding.source_id)


@capability_required(READ)
@require_POST
def source_finish(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_source_for_user(access_of(request), pk)
    done = request.POST.get("done", "1") == "1"
    services.source_finish(actor=request.user, source=source, done=done)
    if done:
        messages.success(
            request, _("%(label)s ditandai selesai dikodekan.") % {"label": source.label}
        )
    return redirect("evidence:coding", pk=source.pk)


@capability_required(READ)
@require_POST
def suggest(request: HttpRequest, pk: int) -> HttpResponse:
    study = get_study_for_user(access_of(request), pk, ring=Ring.LEAD)
    made = services.suggestions_make(actor=request.user, study=study)
    messages.success(
        request,
        _("%(n)d saran kode dibuat dari kata kunci; saran baru berlaku setelah diterima pengode.")
        % {"n": made},
    )
    return redirect("evidence:study_detail", pk=study.pk)


@capability_required(READ)
def codebook(request: HttpRequest, pk: int) -> HttpResponse:
    """The codebook as a tree; the lead adds codes here."""
    access = access_of(request)
    study = get_study_for_user(access, pk, ring=Ring.TEAM)
    is_lead = ring_of(access, study) >= Ring.LEAD
    form = CodeForm(request.POST or None, study=study) if is_lead else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            services.code_save(actor=request.user, study=study, data=form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Kode ditambahkan ke buku kode."))
            return redirect("evidence:codebook", pk=study.pk)
    context = {"study": study, "tree": codebook_tree(study), "form": form, "is_lead": is_lead}
    return render(request, "evidence/codebook.html", context)


@capability_required(READ)
def code_edit(request: HttpRequest, pk: int) -> HttpResponse:
    code = get_code_for_user(access_of(request), pk)
    study = code.study
    form = CodeForm(request.POST or None, instance=Code.objects.get(pk=code.pk), study=study)
    if request.method == "POST" and form.is_valid():
        try:
            services.code_save(actor=request.user, study=study, data=form.cleaned_data, code=code)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Kode %(name)s diperbarui.") % {"name": code.name})
            return redirect("evidence:codebook", pk=study.pk)
    return render(request, "evidence/code_form.html", {"form": form, "code": code, "study": study})


@capability_required(READ)
def code_delete(request: HttpRequest, pk: int) -> HttpResponse:
    code = get_code_for_user(access_of(request), pk)
    study = code.study
    if request.method != "POST":
        return confirm_delete(
            request,
            question=_("Hapus kode “%(name)s” dari buku kode?") % {"name": code.name},
            cancel_url=reverse("evidence:codebook", args=[study.pk]),
        )
    run_and_report(
        request,
        lambda: services.code_delete(actor=request.user, code=code),
        _("Kode dihapus."),
    )
    return redirect("evidence:codebook", pk=study.pk)
