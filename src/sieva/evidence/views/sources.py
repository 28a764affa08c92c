"""Sources of a study: interview records with transcripts, documents with their review
checklist, and open survey answers brought in for coding. The team's ring throughout."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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


# kind → (form, service, keyword the service takes the record by, template, saved message)
_RECORDS: dict[str, tuple[Any, Callable[..., Any], str, str, str]] = {
    "interview": (
        InterviewForm,
        services.interview_save,
        "interview",
        "evidence/interview_form.html",
        gettext_lazy("Wawancara %(label)s disimpan."),
    ),
    "document": (
        DocumentForm,
        services.document_save,
        "document",
        "evidence/document_form.html",
        gettext_lazy("Dokumen %(label)s disimpan."),
    ),
}


def _save_record(request: HttpRequest, kind: str, study: Study, record: Any = None) -> HttpResponse:
    """The create/edit page of an interview or a document: its form, the upload extracted by
    the service, then the source's page."""
    form_class, save, keyword, template, saved_message = _RECORDS[kind]
    form = form_class(request.POST or None, request.FILES or None, instance=record, study=study)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if kind == "document" and record is not None and not data.get("text"):
            data.pop("text")  # an empty box on an edit keeps the stored text
        try:
            saved = save(
                actor=request.user,
                study=study,
                data=data,
                upload=_upload(form),
                **{keyword: record},
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, str(saved_message) % {"label": saved.source.label})
            return redirect("evidence:source_detail", pk=saved.source.pk)
    return render(request, template, {"form": form, "study": study, kind: record})


@capability_required(READ)
def interview_create(request: HttpRequest, pk: int) -> HttpResponse:
    study = get_study_for_user(access_of(request), pk, ring=Ring.TEAM)
    return _save_record(request, "interview", study)


@capability_required(READ)
def interview_edit(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_source_for_user(access_of(request), pk)
    return _save_record(request, "interview", source.study, Interview.objects.get(source=source))


@capability_required(READ)
def document_create(request: HttpRequest, pk: int) -> HttpResponse:
    study = get_study_for_user(access_of(request), pk, ring=Ring.TEAM)
    return _save_record(request, "document", study)


@capability_required(READ)
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_source_for_user(access_of(request), pk)
    return _save_record(request, "document", source.study, Document.objects.get(source=source))


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
