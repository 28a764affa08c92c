"""The good-practice library: search across regions, write from evidence, review before
publication, and "useful / we adopted it" feedback."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sieva.core.views import apply_errors
from sieva.evidence import services
from sieva.evidence.access import can_write_practice, get_practice_for_user
from sieva.evidence.forms import PracticeForm, ReviewForm
from sieva.evidence.models import FeedbackKind, Practice, PracticeKind, PracticeStatus
from sieva.evidence.selectors.practices import library_figures, practice_figures, practice_rows
from sieva.evidence.selectors.themes import exemplar_quotes
from sieva.evidence.views.common import run_and_report
from sieva.org.access import Capability, access_of, capability_required
from sieva.org.models import OrgUnit

READ = Capability.VIEW_REPORTS


@capability_required(READ)
def practice_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    query = request.GET.get("q", "").strip()
    kind = request.GET.get("jenis", "")
    kind = kind if kind in PracticeKind.values else ""
    context = {
        "practices": practice_rows(access, query=query, kind=kind)[:100],
        "query": query,
        "kind": kind,
        "kinds": PracticeKind.choices,
        "figures": library_figures(access),
        "can_write": can_write_practice(access),
    }
    return render(request, "evidence/practice_list.html", context)


def _save(request: HttpRequest, practice: Practice | None = None) -> HttpResponse:
    access = access_of(request)
    form = PracticeForm(request.POST or None, instance=practice, access=access)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.practice_save(
                actor=request.user,
                owner=form.cleaned_data["owner"],
                data=form.cleaned_data,
                practice=practice,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Praktik disimpan sebagai draf."))
            return redirect("evidence:practice_detail", pk=saved.pk)
    return render(request, "evidence/practice_form.html", {"form": form, "practice": practice})


@capability_required(READ)
def practice_create(request: HttpRequest) -> HttpResponse:
    if not can_write_practice(access_of(request)):
        raise PermissionDenied
    return _save(request)


@capability_required(READ)
def practice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_practice_for_user(access_of(request), pk, write=True)
    return _save(request, Practice.objects.get(pk=practice.pk))


@capability_required(READ)
def practice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    practice = get_practice_for_user(access, pk)
    quote_ids = list(practice.quotes.values_list("pk", flat=True))
    in_scope = access.covers(practice.owner)
    context = {
        "practice": practice,
        "figures": practice_figures(practice),
        "quotes": exemplar_quotes([practice.study], per_code=10, codings=quote_ids)
        if practice.study and quote_ids
        else [],
        "can_edit": in_scope
        and practice.status in (PracticeStatus.DRAFT, PracticeStatus.RETURNED)
        and (access.is_admin or practice.author_id == access.user_id),
        "can_review": in_scope
        and access.is_admin
        and practice.author_id != access.user_id
        and practice.status == PracticeStatus.IN_REVIEW,
        "review_form": ReviewForm(),
        "feedback_kinds": FeedbackKind.choices,
        "mine": set(practice.feedback.filter(user=request.user).values_list("kind", flat=True)),
    }
    return render(request, "evidence/practice_detail.html", context)


@capability_required(READ)
@require_POST
def practice_submit(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_practice_for_user(access_of(request), pk, write=True)
    run_and_report(
        request,
        lambda: services.practice_submit(actor=request.user, practice=practice),
        _("Praktik diajukan untuk ditinjau."),
    )
    return redirect("evidence:practice_detail", pk=practice.pk)


@capability_required(READ)
@require_POST
def practice_review(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_practice_for_user(access_of(request), pk, review=True)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Pilih terbitkan atau kembalikan."))
    run_and_report(
        request,
        lambda: services.practice_review(
            actor=request.user,
            practice=practice,
            publish=form.cleaned_data["publish"],
            note=form.cleaned_data["note"],
        ),
        _("Keputusan tinjauan disimpan."),
    )
    return redirect("evidence:practice_detail", pk=practice.pk)


@capability_required(READ)
@require_POST
def practice_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    practice = get_practice_for_user(access, pk)
    kind = request.POST.get("kind", "")
    if kind not in FeedbackKind.values or access.scope_id is None:
        return HttpResponseBadRequest(_("Umpan balik tidak dikenal."))
    run_and_report(
        request,
        lambda: services.practice_feedback(
            actor=request.user,
            practice=practice,
            unit=OrgUnit.objects.get(pk=access.scope_id),
            kind=kind,
            note=request.POST.get("note", ""),
        ),
        _("Terima kasih; umpan balik Anda tercatat."),
    )
    return redirect("evidence:practice_detail", pk=practice.pk)
