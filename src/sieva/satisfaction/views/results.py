"""The published SKM results of a unit: the public results page and the full-screen display
for a screen in the service hall. No login, no personal data; behind the unit's public link
token (the one on its poster). Figures are cached briefly per unit, period and language and
the cache is dropped when the unit's follow-ups change; views are rate-limited per address."""

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control

from sieva.core.ratelimit import RateLimit
from sieva.satisfaction import publication
from sieva.satisfaction.models import SkmLink
from sieva.satisfaction.periods import Period, parse_period
from sieva.satisfaction.services.follow_ups import public_results_version

RESULTS_LIMIT = RateLimit(
    "skm-results", "SIEVA_SKM_RESULTS_RATE_LIMIT", "SIEVA_SKM_RESULTS_RATE_WINDOW"
)
CACHE_SECONDS = 120  # aggregates change with every answer; two minutes old is fresh enough
DISPLAY_REFRESH_SECONDS = 60


def _link(token: str) -> SkmLink:
    return get_object_or_404(SkmLink.objects.select_related("unit"), token=token, is_active=True)


def _results(request: HttpRequest, link: SkmLink) -> publication.UnitResults | None:
    """The unit's results for ``?periode=`` (404 if unreadable) or its default period."""
    period: Period | None
    try:
        period = parse_period(request.GET["periode"]) if request.GET.get("periode") else None
    except ValueError:
        raise Http404 from None
    period = period or publication.default_period(link.unit)
    if period is None:
        return None
    version = public_results_version(link.unit_id)
    key = f"skm:public:{link.unit_id}:{period.key}:{version}:{get_language()}"
    results: publication.UnitResults = cache.get_or_set(
        key, lambda: publication.unit_results(link.unit, period), CACHE_SECONDS
    )
    return results


def _limited(request: HttpRequest, link: SkmLink) -> HttpResponse | None:
    if RESULTS_LIMIT.hit_request(request):
        return None
    context = {"unit": link.unit}
    response = render(request, "satisfaction/public_results_limited.html", context, status=429)
    response["Retry-After"] = str(RESULTS_LIMIT.retry_after())
    return response


@cache_control(public=True, max_age=60)
def public_results(request: HttpRequest, token: str) -> HttpResponse:
    link = _link(token)
    if (limited := _limited(request, link)) is not None:
        return limited
    results = _results(request, link)
    context = {"unit": link.unit, "link": link, "results": results}
    return render(request, "satisfaction/public_results.html", context)


@cache_control(public=True, max_age=30)
def hall_display(request: HttpRequest, token: str) -> HttpResponse:
    link = _link(token)
    if (limited := _limited(request, link)) is not None:
        return limited
    results = _results(request, link)
    context = {
        "unit": link.unit,
        "link": link,
        "results": results,
        "refresh": DISPLAY_REFRESH_SECONDS,
    }
    return render(request, "satisfaction/hall_display.html", context)
