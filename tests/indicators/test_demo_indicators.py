"""The demo's indicators: present, deterministic, and carrying the planted story."""

import datetime as dt

import pytest

from sieva.demo.builder import REFERENCE_DATE
from sieva.demo.indicators import COMPLAINTS, SERVICE_TIME, _trained_since
from sieva.indicators.models import IndicatorActual, IndicatorDefinition, MonetisedBenefit
from sieva.indicators.selectors import before_after
from sieva.org.models import OrgKind, OrgUnit
from tests.demo.conftest import demo  # noqa: F401 - the shared module-scoped build

pytestmark = pytest.mark.django_db


def _medan_story(code: str, key: str):
    agency = OrgUnit.objects.get(code="PEMKOT-MDN")
    definition = IndicatorDefinition.objects.get(owner=agency, code=code)
    units = list(OrgUnit.objects.filter(kind=OrgKind.SERVICE_UNIT, path__startswith=agency.path))
    trained = _trained_since(units)
    ends = sorted(end for (u, k), end in trained.items() if k == key)
    treated = {u for (u, k) in trained if k == key}
    effective = {u for (u, _k) in trained}
    comparison = [u.pk for u in units if u.pk not in effective]
    cutoff = dt.date(ends[len(ends) // 2].year, ends[len(ends) // 2].month, 1)
    return before_after(treated, definition, cutoff, comparison)


def test_every_service_unit_reports_two_indicators_each_month(demo):  # noqa: F811
    units = OrgUnit.objects.filter(kind=OrgKind.SERVICE_UNIT).count()
    months = (REFERENCE_DATE.year - 2024) * 12 + REFERENCE_DATE.month - 1 - 12
    assert IndicatorActual.objects.count() == units * 2 * months
    assert MonetisedBenefit.objects.filter(program__code="MDN-LAYANAN-PRIMA").count() == 2


def test_layanan_prima_cuts_service_time_more_than_in_untrained_units(demo):  # noqa: F811
    result = _medan_story(SERVICE_TIME, "LAYANAN-PRIMA")
    assert result.design == "did"
    assert result.did.estimate * result.improvement_sign > 0
    assert result.did.ci.high < 0  # minutes fall, and the interval excludes no change


def _actuals(seed: int) -> list[tuple]:
    from django.db import transaction

    from sieva.demo.builder import build

    with transaction.atomic():
        build(scale=0.05, seed=seed)
        build(scale=0.05, seed=seed)  # a second run adds nothing
        rows = list(
            IndicatorActual.objects.order_by(
                "unit__code", "definition__code", "period"
            ).values_list("unit__code", "definition__code", "period", "value")
        )
        transaction.set_rollback(True)
    return rows


def test_the_demo_indicators_are_deterministic_and_built_once():
    first = _actuals(7)
    assert first == _actuals(7)
    assert len(first) == len({row[:3] for row in first})


def test_komunikasi_efektif_cuts_complaints(demo):  # noqa: F811
    result = _medan_story(COMPLAINTS, "KOMUNIKASI")
    assert result.design == "did"
    assert result.did.estimate < 0
