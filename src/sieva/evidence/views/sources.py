"""Sources of a study: interview records with transcripts, documents with their review
checklist, and open survey answers brought in for coding. The team's ring throughout."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sieva.core.views import apply_errors
from sieva.evidence import services
from sieva.evidence.access import Ring, get_source_for_user, get_study_for_user, ring_of
from sieva.evidence.forms import ChecklistForm, DocumentForm, InterviewForm, OpenAnswersForm
from sieva.evidence.models import Document, Interview, Source, Study
from sieva.evidence.selectors.sources import open_text_items
from sieva.org.access import Capability, access_of, capability_required

READ = Capability.VIEW_REPORTS


def _upload(form: Any) -> tuple[str, bytes] | None:
    file = form.cleaned_data.get("upload")
    return (file.name, file.read()) if file else None


def _save_interview(
    request: HttpRequest, study: Study, interview: Interview | None = None
) -> HttpResponse:
    form = InterviewForm(
        request.POST or None, request.FILES or None, instance=interview, study=study
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.interview_save(
                actor=request.user,
                study=study,
                data=form.cleaned_data,
                interview=interview,
                upload=_upload(form),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("Wawancara %(label)s disimpan.") % {"label": saved.source.label}
            )
            return redirect("evidence:source_detail", pk=saved.source.pk)
    context = {"form": form, "study": study, "interview": interview}
    return render(request, "evidence/interview_form.html", context)


@capability_required(READ)
def interview_create(request: HttpRequest, pk: int) -> HttpResponse:
    study = get_study_for_user(access_of(request), pk, ring=Ring.TEAM)
    return _save_interview(request, study)


@capability_required(READ)
def interview_edit(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_source_for_user(access_of(request), pk)
    interview = Interview.objects.get(source=source)
    return _save_interview(request, source.study, interview)


def _save_document(
    request: HttpRequest, study: Study, document: Document | None = None
) -> HttpResponse:
    form = DocumentForm(request.POST or None, request.FILES or None, instance=document, study=study)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if not data.get("text") and document is not None:
            data.pop("text")  # an empty box on an edit keeps the stored text
        try:
            saved = services.document_save(
                actor=request.user,
                study=study,
                data=data,
                document=document,
                upload=_upload(form),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("Dokumen %(label)s disimpan.") % {"label": saved.source.label}
            )
            return redirect("evidence:source_detail", pk=saved.source.pk)
    context = {"form": form, "study": study, "document": document}
    return render(request, "evidence/document_form.html", context)


@capability_required(READ)
def document_create(request: HttpRequest, pk: int) -> HttpResponse:
    study = get_study_for_user(access_of(request), pk, ring=Ring.TEAM)
    return _save_document(request, study)


@capability_required(READ)
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_source_for_user(access_of(request), pk)
    return _save_document(request, source.study, Document.objects.get(source=source))


@capability_required(READ)
def document_review(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_source_for_user(access_of(request), pk)
    document = Document.objects.get(source=source)
    form = ChecklistForm(request.POST or None, document=document)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_review(actor=request.user, document=document, answers=form.answers())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Hasil pemeriksaan dokumen disimpan."))
            return redirect("evidence:source_detail", pk=source.pk)
    context = {"form": form, "source": source, "document": document, "study": source.study}
    return render(request, "evidence/document_review.html", context)


@capability_required(READ)
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    source: Source = get_source_for_user(access, pk)
    context = {
        "source": source,
        "study": source.study,
        "is_lead": ring_of(access, source.study) >= Ring.LEAD,
        "interview": getattr(source, "interview", None),
        "document": getattr(source, "document", None),
        "paragraphs": [p for p in source.text.split("\n") if p.strip()],
    }
    return render(request, "evidence/source_detail.html", context)


@capability_required(READ)
def open_answers(request: HttpRequest, pk: int) -> HttpResponse:
    """Bring the answers to one text question of the study's campaigns in for coding."""
    study = get_study_for_user(access_of(request), pk, ring=Ring.LEAD)
    items = open_text_items(study)
    choices = [
        (item.pk, f"{item.version.instrument.title} · {item.label} ({item.n} jawaban)")
        for item in items
    ]
    form = OpenAnswersForm(request.POST or None, items=choices)
    if request.method == "POST" and form.is_valid():
        item = next(i for i in items if str(i.pk) == form.cleaned_data["item"])
        try:
            added = services.open_answers_import(actor=request.user, study=study, item=item)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("%(n)d jawaban terbuka ditambahkan sebagai sumber.") % {"n": added}
            )
            return redirect("evidence:study_detail", pk=study.pk)
    return render(request, "evidence/open_answers.html", {"form": form, "study": study})
