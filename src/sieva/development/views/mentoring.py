"""Mentoring pages: the mentor's and organiser's start page, a cohort's scheme (mentors,
pairing with suggestions), its outcomes, and one pair (goals, sessions, health)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sieva.core.views import apply_errors, messages_of
from sieva.development.access import (
    get_goal_for_user,
    get_pair_for_user,
    get_personal_cohort_for_user,
    get_scheme_for_user,
    mentoring_cohorts_for_user,
)
from sieva.development.forms.mentoring import (
    GoalForm,
    GoalScoreForm,
    MentorAddForm,
    PairCloseForm,
    PairForm,
    SchemeForm,
    SessionLogForm,
)
from sieva.development.models import MentoringPair, MentoringScheme, PairStatus, SchemeMentor
from sieva.development.selectors.mentoring import (
    mentor_loads,
    pair_detail,
    pair_rows,
    suggested_matches,
    unpaired_mentees,
)
from sieva.development.selectors.mentoring_outcomes import scheme_outcomes
from sieva.development.services import mentoring as services
from sieva.development.views._common import signed_in
from sieva.org.access import Capability, access_of
from sieva.org.models import Employee


@signed_in
def mentoring_home(request: HttpRequest) -> HttpResponse:
    """Mentors see their pairs; organisers the mentoring cohorts they run."""
    access = access_of(request)
    today = timezone.localdate()
    mine = []
    if access.employee_id is not None:
        mine = pair_rows(
            MentoringPair.objects.filter(mentor_id=access.employee_id).order_by(
                "status", "mentee__name"
            ),
            today,
        )
    cohorts = None
    if access.can(Capability.VIEW_PROGRAMS) and access.can(Capability.VIEW_PERSONAL_DATA):
        cohorts = mentoring_cohorts_for_user(access).order_by("-start_date", "name")
    if not mine and cohorts is None and access.employee_id is None:
        raise PermissionDenied
    context = {"mine": mine, "cohorts": cohorts}
    return render(request, "development/mentoring/home.html", context)


def _scheme_context(
    request: HttpRequest, scheme: MentoringScheme | None, **forms: Any
) -> dict[str, Any]:
    if scheme is None:
        return forms
    access = access_of(request)
    loads = mentor_loads(scheme)
    mentees = list(unpaired_mentees(scheme))
    suggestions = suggested_matches(scheme, mentees, loads) if mentees else {}
    owner = scheme.cohort.program.owner
    context = {
        "scheme": scheme,
        "loads": loads,
        "pairs": pair_rows(scheme.pairs.all(), timezone.localdate()),
        "unpaired": [(m, suggestions.get(m.pk, [])) for m in mentees],
        "can_edit": access.can(Capability.EDIT_PROGRAMS),
        "mentor_form": forms.get("mentor_form") or MentorAddForm(root_path=owner.path),
        "pair_form": forms.get("pair_form")
        or PairForm(
            mentors=Employee.objects.filter(pk__in=[ld.mentor.employee_id for ld in loads]),
            mentees=unpaired_mentees(scheme),
        ),
    }
    return {**forms, **context}


@require_http_methods(["GET", "POST"])
@signed_in
def scheme_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A mentoring cohort's scheme; POST creates or changes its settings."""
    access = access_of(request)
    write = request.method == "POST"
    cohort = get_personal_cohort_for_user(access, pk, write=write)
    scheme = MentoringScheme.objects.filter(cohort=cohort).first()
    initial = (
        {
            "mentor_capacity": scheme.mentor_capacity,
            "meeting_interval_weeks": scheme.meeting_interval_weeks,
            "max_gap_weeks": scheme.max_gap_weeks,
        }
        if scheme
        else {"mentor_capacity": 3, "meeting_interval_weeks": 2, "max_gap_weeks": 4}
    )
    form = SchemeForm(request.POST if write else None, initial=initial)
    if write and form.is_valid():
        try:
            services.scheme_set(actor=request.user, cohort=cohort, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Skema mentoring disimpan."))
            return redirect("development:scheme", pk=cohort.pk)
    context = _scheme_context(request, scheme, scheme_form=form)
    context["cohort"] = cohort
    return render(request, "development/mentoring/scheme.html", context)


@require_POST
@signed_in
def mentor_add(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    scheme = get_scheme_for_user(access, pk, write=True)
    form = MentorAddForm(request.POST, root_path=scheme.cohort.program.owner.path)
    if form.is_valid():
        try:
            services.scheme_mentor_add(
                actor=request.user,
                scheme=scheme,
                employee=form.cleaned_data["nip"],
                field=form.cleaned_data["field"],
                capacity=form.cleaned_data["capacity"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Mentor ditambahkan."))
            return redirect("development:scheme", pk=scheme.cohort_id)
    context = _scheme_context(request, scheme, mentor_form=form, scheme_form=SchemeForm())
    context["cohort"] = scheme.cohort
    return render(request, "development/mentoring/scheme.html", context, status=400)


@require_POST
@signed_in
def mentor_remove(request: HttpRequest, pk: int) -> HttpResponse:
    mentor = get_object_or_404(SchemeMentor.objects.select_related("scheme", "employee"), pk=pk)
    scheme = get_scheme_for_user(access_of(request), mentor.scheme.cohort_id, write=True)
    try:
        services.scheme_mentor_remove(actor=request.user, mentor=mentor)
    except ValidationError as exc:
        for text in messages_of(exc):
            messages.error(request, text)
    else:
        messages.success(request, _("Mentor dihapus dari skema."))
    return redirect("development:scheme", pk=scheme.cohort_id)


@require_POST
@signed_in
def pair_create(request: HttpRequest, pk: int) -> HttpResponse:
    scheme = get_scheme_for_user(access_of(request), pk, write=True)
    form = PairForm(
        request.POST,
        mentors=Employee.objects.filter(pk__in=scheme.mentors.values("employee_id")),
        mentees=unpaired_mentees(scheme),
    )
    if form.is_valid():
        try:
            services.pair_create(actor=request.user, scheme=scheme, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Pasangan mentoring dibuat."))
            return redirect("development:scheme", pk=scheme.cohort_id)
    context = _scheme_context(request, scheme, pair_form=form, scheme_form=SchemeForm())
    context["cohort"] = scheme.cohort
    return render(request, "development/mentoring/scheme.html", context, status=400)


@signed_in
def outcomes_page(request: HttpRequest, pk: int) -> HttpResponse:
    scheme = get_scheme_for_user(access_of(request), pk)
    context = {"scheme": scheme, "cohort": scheme.cohort, "outcomes": scheme_outcomes(scheme)}
    return render(request, "development/mentoring/outcomes.html", context)


def _pair_page(
    request: HttpRequest, pair: MentoringPair, status: int = 200, **forms: Any
) -> HttpResponse:
    access = access_of(request)
    is_mentor = access.employee_id == pair.mentor_id
    is_mentee = access.employee_id == pair.mentee_id
    office_writes = not (is_mentor or is_mentee) and access.can(Capability.EDIT_PROGRAMS)
    context = {
        "pair": pair,
        "detail": pair_detail(pair, timezone.localdate()),
        "is_mentor": is_mentor,
        "is_mentee": is_mentee,
        "can_log": pair.status == PairStatus.ACTIVE and (is_mentor or is_mentee or office_writes),
        "can_score": is_mentor or office_writes,
        "can_close": office_writes or is_mentor,
        "session_form": forms.get("session_form") or SessionLogForm(),
        "goal_form": forms.get("goal_form") or GoalForm(),
        "score_form": GoalScoreForm(),
        "close_form": forms.get("close_form")
        or PairCloseForm(
            prefix="close", initial={"ended_on": timezone.localdate(), "status": "selesai"}
        ),
        "score_error": forms.get("score_error", ""),
    }
    return render(request, "development/mentoring/pair.html", context, status=status)


@signed_in
def pair_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _pair_page(request, get_pair_for_user(access_of(request), pk))


@require_POST
@signed_in
def session_log(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    pair = get_pair_for_user(access, pk, write=True)
    form = SessionLogForm(request.POST)
    if form.is_valid():
        try:
            services.session_log(
                actor=request.user,
                pair=pair,
                by_mentor=access.employee_id != pair.mentee_id,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Sesi mentoring dicatat."))
            return redirect("development:pair", pk=pair.pk)
    return _pair_page(request, pair, status=400, session_form=form)


@require_POST
@signed_in
def goal_add(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    pair = get_pair_for_user(access, pk, write=True)
    form = GoalForm(request.POST)
    if form.is_valid():
        try:
            services.goal_add(actor=request.user, pair=pair, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Sasaran ditambahkan."))
            return redirect("development:pair", pk=pair.pk)
    return _pair_page(request, pair, status=400, goal_form=form)


@require_POST
@signed_in
def goal_score(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_goal_for_user(access_of(request), pk)
    form = GoalScoreForm(request.POST)
    if form.is_valid():
        services.goal_score(actor=request.user, goal=goal, level=form.cleaned_data["level"])
        messages.success(
            request, _("Capaian sasaran “%(title)s” disimpan.") % {"title": goal.title}
        )
        return redirect("development:pair", pk=goal.pair_id)
    error = " ".join(str(e) for errors in form.errors.values() for e in errors)
    return _pair_page(request, goal.pair, status=400, score_error=error)


@require_POST
@signed_in
def pair_close(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    pair = get_pair_for_user(access, pk, write=True)
    if access.employee_id == pair.mentee_id:
        raise PermissionDenied
    form = PairCloseForm(request.POST, prefix="close")
    if form.is_valid():
        try:
            services.pair_close(actor=request.user, pair=pair, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Pasangan mentoring diakhiri."))
            return redirect("development:pair", pk=pair.pk)
    return _pair_page(request, pair, status=400, close_form=form)
