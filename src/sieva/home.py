"""The home page: each role's key figures, read from the apps' selectors."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sieva.org.access import user_access


@login_required
def home(request: HttpRequest) -> HttpResponse:
    access = user_access(request.user)
    context = {"figures": _figures(access) if access else None}
    return render(request, "home.html", context)


def _figures(access):  # type: ignore[no-untyped-def]
    from sieva.evaluation.selectors import home_figures

    return home_figures(access)
