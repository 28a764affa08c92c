"""Studies: the list, a study's overview, its settings and its interview plan (guide and
sample)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from sieva.core.views import apply_errors, confirm_delete
from sieva.evidence import services
from sieva.evidence.access import Ring, can_start_study, get_study_for_user, ring_of
from sieva.evidence.forms import GuideQuestionForm, StratumForm, StudyForm
from sieva.evidence.models import GuideQuestion, SampleStratum, SourceKind, Study
from sieva.evidence.selectors.studies import sample_progress, sources_of, study_rows
from sieva.org.access import Capability, access_of, capability_required

READ = Capability.VIEW_REPORTS


@capability_required(READ)
def study_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    context = {"studies": study_rows(access), "can_start": can_start_study(access)}
    return render(request, "evidence/study_list.html", context)


def _save_study(request: HttpRequest, study: Study | None = None) -> HttpResponse:
    access = access_of(request)
    form = StudyForm(request.POST or None, instance=study, access=access)
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "team": list(form.cleaned_data["team"])}
        try:
            saved = services.study_save(
                actor=request.user, data=data, study=study, lead=request.user
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Kajian disimpan."))
            return redirect("evidence:study_detail", pk=saved.pk)
    return render(request, "evidence/study_form.html", {"form": form, "study": study})


@capability_required(READ)
def study_create(request: HttpRequest) -> HttpResponse:
    if not can_start_study(access_of(request)):
        raise PermissionDenied
    return _save_study(request)


@capability_required(READ)
def study_edit(request: HttpRequest, pk: int) -> HttpResponse:
    study = get_study_for_user(access_of(request), pk, ring=Ring.LEAD)
    return _save_study(request, Study.objects.get(pk=study.pk))


@capability_required(READ)
def study_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    study = get_study_for_user(access, pk)
    ring = ring_of(access, study)
    context = {
        "study": study,
        "ring": ring,
        "is_team": ring >= Ring.TEAM,
        "is_lead": ring >= Ring.LEAD,
        "plan": sample_progress(study),
    }
    if ring >= Ring.TEAM:
        context |= {
            "interviews": sources_of(study, SourceKind.INTERVIEW),
            "documents": sources_of(study, SourceKind.DOCUMENT),
            "answers": sources_of(study, SourceKind.OPEN_ANSWER)[:200],
            "n_answers": study.sources.filter(kind=SourceKind.OPEN_ANSWER).count(),
            "team": study.team.order_by("username"),
        }
    return render(request, "evidence/study_detail.html", context)


@capability_required(READ)
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    """The interview plan: guide questions and the sample of officials, with progress. The
    lead adds rows here (two forms, told apart by the submit button's `action`)."""
    access = access_of(request)
    study = get_study_for_user(access, pk, ring=Ring.TEAM)
    is_lead = ring_of(access, study) >= Ring.LEAD
    action = request.POST.get("action") if request.method == "POST" else None
    if action and not is_lead:
        raise PermissionDenied
    question_form = GuideQuestionForm(request.POST if action == "question" else None)
    stratum_form = StratumForm(request.POST if action == "stratum" else None, study=study)
    form = {"question": question_form, "stratum": stratum_form}.get(action or "")
    if form is not None and form.is_valid():
        try:
            if action == "question":
                services.guide_question_save(
                    actor=request.user, study=study, data=form.cleaned_data
                )
            else:
                services.stratum_save(actor=request.user, study=study, data=form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Rencana wawancara diperbarui."))
            return redirect("evidence:plan", pk=study.pk)
    context = {
        "study": study,
        "is_lead": is_lead,
        "guide": study.guide.all(),
        "plan": sample_progress(study),
        "question_form": question_form,
        "stratum_form": stratum_form,
    }
    return render(request, "evidence/plan.html", context)


@capability_required(READ)
def guide_question_delete(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(GuideQuestion.objects.select_related("study"), pk=pk)
    study = get_study_for_user(access_of(request), question.study_id, ring=Ring.LEAD)
    if request.method != "POST":
        return confirm_delete(
            request,
            question=_("Hapus pertanyaan panduan “%(text)s”?") % {"text": question},
            cancel_url=reverse("evidence:plan", args=[study.pk]),
        )
    services.guide_question_delete(actor=request.user, question=question)
    messages.success(request, _("Pertanyaan panduan dihapus."))
    return redirect("evidence:plan", pk=study.pk)


@capability_required(READ)
def stratum_delete(request: HttpRequest, pk: int) -> HttpResponse:
    stratum = get_object_or_404(SampleStratum.objects.select_related("study", "unit"), pk=pk)
    study = get_study_for_user(access_of(request), stratum.study_id, ring=Ring.LEAD)
    if request.method != "POST":
        return confirm_delete(
            request,
            question=_("Hapus baris sampel %(row)s?") % {"row": stratum},
            cancel_url=reverse("evidence:plan", args=[study.pk]),
            consequence=_("Wawancara yang sudah tercatat tetap ada, tanpa strata sampel."),
        )
    services.stratum_delete(actor=request.user, stratum=stratum)
    messages.success(request, _("Baris sampel dihapus."))
    return redirect("evidence:plan", pk=study.pk)
