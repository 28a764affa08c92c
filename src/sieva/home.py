"""The home page: each role's key figures, read from the evaluation selectors, and the
scheduled reports addressed to the user."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sieva.evaluation.dashboard.home import reports_for_owner
from sieva.evaluation.selectors import home_figures
from sieva.org.access import user_access


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Every signed-in user lands here; figures only exist for an account with a role."""
    access = user_access(request.user)
    context = {
        "figures": home_figures(access) if access else None,
        "scheduled_reports": reports_for_owner(access) if access else [],
    }
    return render(request, "home.html", context)
