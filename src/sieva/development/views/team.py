"""A supervisor's workspace (/tim/): staff with their 20 JP status, L3 ratings bound to this
login, action plans to verify and nominations for upcoming cohorts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sieva.core.views import apply_errors
from sieva.development.forms.workspace import NominationForm
from sieva.development.selectors.team import team, upcoming_cohorts
from sieva.development.services.nominations import nomination_create
from sieva.development.views._common import own_employee_id, person_required
from sieva.org.access import access_of
from sieva.org.models import Employee


def _supervisor(request: HttpRequest) -> Employee:
    return get_object_or_404(
        Employee.objects.select_related("unit"), pk=own_employee_id(access_of(request))
    )


def _form(supervisor: Employee, data: object = None) -> NominationForm:
    staff = Employee.objects.filter(supervisor=supervisor, is_active=True).order_by("name")
    return NominationForm(data, staff=staff, cohorts=upcoming_cohorts(staff, timezone.localdate()))


def _page(
    request: HttpRequest, supervisor: Employee, form: NominationForm, status: int = 200
) -> HttpResponse:
    context = {"team": team(supervisor), "form": form}
    return render(request, "development/workspace/team.html", context, status=status)


@person_required
def team_page(request: HttpRequest) -> HttpResponse:
    supervisor = _supervisor(request)
    return _page(request, supervisor, _form(supervisor))


@require_POST
@person_required
def nominate(request: HttpRequest) -> HttpResponse:
    supervisor = _supervisor(request)
    form = _form(supervisor, request.POST)
    if form.is_valid():
        try:
            nomination_create(actor=request.user, supervisor=supervisor, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Usulan dikirim ke penyelenggara."))
            return redirect("development:team")
    return _page(request, supervisor, form, status=400)
