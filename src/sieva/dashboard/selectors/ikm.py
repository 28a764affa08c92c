"""The IKM trend of the dashboard: the service units in scope pooled per quarter, read by the
SKM app's one IKM reader (`sieva.satisfaction.selectors.ikm_scores`, which also suppresses)."""

from sieva.org.access import Access
from sieva.org.models import OrgUnit
from sieva.satisfaction.periods import parse_period
from sieva.satisfaction.selectors import ikm_scores, service_units

TREND_YEARS = 2


def quarters_of(year: int) -> list[str]:
    """The quarters the trends show: those of `year` and the year before."""
    return [f"{y}-Q{q}" for y in range(year - TREND_YEARS + 1, year + 1) for q in range(1, 5)]


def ikm_trend(
    access: Access, node: OrgUnit | None, year: int
) -> list[tuple[str, float | None, int]]:
    """(quarter, pooled NIK or None when suppressed or empty, respondents) per quarter."""
    units = service_units(access)
    if node is not None:
        units = units.filter(path__startswith=node.path)
    quarters = quarters_of(year)
    scores = ikm_scores(units, [parse_period(q) for q in quarters], pooled=True)
    return [
        (q, s.result.nik if s.result else None, s.respondents)
        for q, s in zip(quarters, scores, strict=True)
    ]
