"""The home page, the leaders' dashboard, the "hitung ulang" of a program's summary, and the
schedule pages."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sieva.core import jobs
from sieva.dashboard.charts import dashboard_charts, effect_title, memoised_interval_plot
from sieva.dashboard.forms import DashboardFilterForm, ScheduleForm
from sieva.dashboard.models import EvaluationSchedule, ScheduledRun
from sieva.dashboard.periods import period_bounds
from sieva.dashboard.selectors import home_figures, reports_for_owner
from sieva.dashboard.selectors.board import (
    dashboard,
    program_recommendations,
    programs_in,
    summary_figure,
    verdict_rows,
)
from sieva.dashboard.selectors.families import families, region_lines
from sieva.dashboard.selectors.ikm import ikm_trend
from sieva.dashboard.services.schedule import schedule_set
from sieva.dashboard.services.summaries import program_summary_refresh
from sieva.dashboard.tasks import REFRESH_KIND, refresh_key, refresh_year
from sieva.evaluation.charts import region_charts
from sieva.evaluation.engine import Scope
from sieva.evaluation.engine.regions import compare_regions
from sieva.evaluation.findings.engine import active_language
from sieva.evaluation.stored import evaluation_for
from sieva.org.access import (
    Capability,
    access_of,
    capability_required,
    get_org_unit_for_user,
    user_access,
)
from sieva.programs.access import get_program_for_user
from sieva.satisfaction.selectors import min_cell_size

PORTFOLIO_COLUMNS = (
    ("participation", "%"),
    ("reaction", ""),
    ("gain", ""),
    ("application", "%"),
    ("ikm_effect", "NIK"),
    ("roi", "%"),
)


@require_http_methods(["GET", "POST"])
@capability_required(Capability.VIEW_REPORTS)
def dashboard_page(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    if request.method == "POST":
        return _refresh_year(request)
    form = DashboardFilterForm(request.GET, access=access)
    effect = "gain" if request.GET.get("effect") == "gain" else "reaction"
    board = charts = rows = verdicts = None
    refresh_lost = False
    if form.is_valid():
        year = form.cleaned_data.get("year") or timezone.localdate().year
        if access.can(Capability.EDIT_PROGRAMS):
            jobs.reap()
            refresh_lost = jobs.lost(REFRESH_KIND, refresh_key(request.user.pk, year)) is not None
        board = dashboard(access, year=year, node=form.cleaned_data.get("node"))
        charts = dashboard_charts(board, effect=effect)
        rows = [
            (s, [summary_figure(s, name, unit) for name, unit in PORTFOLIO_COLUMNS])
            for s in board.summaries
        ]
        verdicts = verdict_rows(board.summaries, active_language())
    context = {
        "form": form,
        "board": board,
        "charts": charts,
        "rows": rows,
        "verdicts": verdicts,
        "effect": effect,
        "effect_title": effect_title(effect),
        "can_refresh": access.can(Capability.EDIT_PROGRAMS),
        "refresh_lost": refresh_lost,
        "min_cell": min_cell_size(),
    }
    return render(request, "dashboard/dashboard.html", context)


SUMMARY_FIGURES = (
    ("participation", "%"),
    ("completion", "%"),
    ("reaction", ""),
    ("gain", ""),
    ("application", "%"),
    ("ikm_effect", "NIK"),
    ("roi", "%"),
)


@capability_required(Capability.VIEW_REPORTS)
def program_summary(request: HttpRequest, pk: int) -> HttpResponse:
    """One page per program between the dashboard and the statistics page: the verdict, the
    money, the decision asked and the figures behind them, from the stored summary."""
    access = access_of(request)
    program = get_program_for_user(access, pk)
    summaries = list(program.summaries.filter(period__regex=r"^\d{4}$").order_by("-period"))
    wanted = request.GET.get("year", "")
    summary = next(
        (s for s in summaries if s.period == wanted), summaries[0] if summaries else None
    )
    context = {
        "program": program,
        "summary": summary,
        "years": [s.period for s in summaries],
        "verdict": verdict_rows([summary], active_language())[0]
        if summary and summary.verdict
        else None,
        "figures": [(name, summary_figure(summary, name, unit)) for name, unit in SUMMARY_FIGURES]
        if summary
        else [],
        "recommendations": program_recommendations(access, program),
        "can_refresh": access.can(Capability.EDIT_PROGRAMS),
    }
    return render(request, "dashboard/program.html", context)


def _refresh_year(request: HttpRequest) -> HttpResponse:
    """Every program summary of a year and the JP compliance in the user's subtree, as a
    background task (run at once in tests; by the db_worker in production)."""
    if not access_of(request).can(Capability.EDIT_PROGRAMS):
        raise PermissionDenied
    try:
        year = int(request.POST.get("year", ""))
        period_bounds(str(year))
    except ValueError:
        messages.error(request, _("Tahun tidak valid."))
        return redirect("dashboard:dashboard")
    jobs.forget(REFRESH_KIND, refresh_key(request.user.pk, year))
    refresh_year.enqueue(request.user.pk, year)
    messages.success(
        request,
        _(
            "Penghitungan ulang ringkasan tahun %(year)d dijalankan; muat ulang halaman ini "
            "beberapa saat lagi."
        )
        % {"year": year},
    )
    return redirect(f"{reverse('dashboard:dashboard')}?year={year}")


@require_POST
@capability_required(Capability.EDIT_PROGRAMS)
def summary_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_program_for_user(access_of(request), pk, write=True)
    period = request.POST.get("period", "")
    try:
        period_bounds(period)
    except ValueError as error:
        messages.error(request, str(error))
    else:
        program_summary_refresh(actor=request.user, program=program, period=period)
        messages.success(
            request,
            _("Ringkasan %(program)s periode %(period)s dihitung ulang.")
            % {"program": program.name, "period": period},
        )
    back = request.POST.get("next", "")
    if not back.startswith(reverse("dashboard:dashboard")):
        back = reverse("dashboard:dashboard")
    return redirect(back)


@capability_required(Capability.EDIT_PROGRAMS)
def schedule_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    programs = programs_in(access, None).select_related("owner", "schedule").order_by("name")
    runs = ScheduledRun.objects.filter(schedule__program__in=programs.values("pk")).select_related(
        "schedule__program", "snapshot"
    )[:20]
    return render(request, "dashboard/schedule_list.html", {"programs": programs, "runs": runs})


@require_http_methods(["GET", "POST"])
@capability_required(Capability.EDIT_PROGRAMS)
def schedule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_of(request)
    program = get_program_for_user(access, pk, write=True)
    current = EvaluationSchedule.objects.filter(program=program).first()
    initial = {} if current else {"owner_unit": program.owner, "active": True}
    form = ScheduleForm(
        request.POST if request.method == "POST" else None,
        instance=current,
        initial=initial,
        access=access,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            schedule_set(
                actor=request.user,
                program=program,
                frequency=data["frequency"],
                owner_unit=data["owner_unit"],
                owner_user=data["owner_user"],
                next_due=data["next_due"],
                active=data["active"],
                today=timezone.localdate(),
            )
        except ValueError as error:
            form.add_error("owner_unit", str(error))
        else:
            messages.success(request, _("Jadwal evaluasi disimpan."))
            return redirect("dashboard:schedule_list")
    context = {"form": form, "program": program, "schedule": current}
    return render(request, "dashboard/schedule_edit.html", context)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Every signed-in user lands here; figures only exist for an account with a role."""
    access = user_access(request.user)
    context = {
        "figures": home_figures(access) if access else None,
        "scheduled_reports": reports_for_owner(access) if access else [],
    }
    return render(request, "dashboard/home.html", context)


FAMILY_COLUMNS = ("participation", "completion", "reaction", "gain", "application", "ikm_effect")


def _year_node(form: DashboardFilterForm) -> tuple[int, Any]:
    return form.cleaned_data.get("year") or timezone.localdate().year, form.cleaned_data.get("node")


@capability_required(Capability.VIEW_REPORTS)
def regions(request: HttpRequest) -> HttpResponse:
    """Regions side by side: each instansi's evaluation (stored), its 20 JP and IKM, and every
    program family run by several instansi compared level by level against what is expected
    of the family — never a ranking."""
    access = access_of(request)
    form = DashboardFilterForm(request.GET, access=access)
    context: dict[str, Any] = {"form": form, "title": _("Perbandingan wilayah")}
    if form.is_valid():
        year, node = _year_node(form)
        start, end = period_bounds(str(year))
        comparison = compare_regions(
            access,
            Scope(node=node, start=start, end=end),
            lambda a, s: evaluation_for(a, s).result,
        )
        context.update(
            year=year,
            comparison=comparison,
            charts=region_charts(comparison, memoised_interval_plot),
            lines={
                line.region.pk: line
                for line in region_lines(access, year=year, node=node, ikm=ikm_trend)
            },
            families=families(access, year=year, node=node),
            family_columns=FAMILY_COLUMNS,
        )
    return render(request, "dashboard/regions.html", context)


@capability_required(Capability.VIEW_REPORTS)
def region_profile(request: HttpRequest, pk: int) -> HttpResponse:
    """One page per instansi: its key figures, its programs' verdicts, where its programs
    stand in their families, its 20 JP and IKM."""
    access = access_of(request)
    region = get_org_unit_for_user(access, pk)
    form = DashboardFilterForm(request.GET, access=access)
    year = (form.cleaned_data.get("year") if form.is_valid() else None) or timezone.localdate().year
    board = dashboard(access, year=year, node=region)
    placed = [
        (family, row)
        for family in families(access, year=year, node=None)
        for row in family.rows
        if row.region.pk == region.pk
    ]
    context = {
        "region": region,
        "year": year,
        "board": board,
        "verdicts": verdict_rows(board.summaries, active_language()),
        "placed": placed,
        "profile_columns": FAMILY_COLUMNS[:1] + FAMILY_COLUMNS[2:5],
        "line": next(iter(region_lines(access, year=year, node=region, ikm=ikm_trend)), None),
    }
    return render(request, "dashboard/region.html", context)
