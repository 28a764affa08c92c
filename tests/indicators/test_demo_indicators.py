"""The demo's indicators: present, deterministic, and carrying the planted story."""

import pytest
from django.contrib.auth import get_user_model

from sieva.demo.builder import REFERENCE_DATE
from sieva.demo.indicators import COMPLAINTS, SERVICE_TIME
from sieva.evaluation.engine import Scope, evaluate
from sieva.evaluation.engine.figures import Design
from sieva.indicators.models import IndicatorActual, IndicatorDefinition, MonetisedBenefit
from sieva.org.access import user_access
from sieva.org.models import OrgKind, OrgUnit
from sieva.programs.models import Program
from tests.demo.conftest import demo  # noqa: F401 - the shared module-scoped build

pytestmark = pytest.mark.django_db


def _medan_story(program_code: str, indicator_code: str):
    """The evaluation engine's L4 effect of a Medan program on one unit indicator."""
    access = user_access(get_user_model().objects.get(username="admin.medan"))
    program = Program.objects.get(code=program_code)
    definition = IndicatorDefinition.objects.get(owner__code="PEMKOT-MDN", code=indicator_code)
    result = evaluate(access, Scope(program_id=program.pk))
    key = f"l4.indicator.{definition.pk}.effect"
    return next(e for e in result.l4.indicators if e.effect.key == key)


def test_every_service_unit_reports_two_indicators_each_month(demo):  # noqa: F811
    units = OrgUnit.objects.filter(kind=OrgKind.SERVICE_UNIT).count()
    months = (REFERENCE_DATE.year - 2024) * 12 + REFERENCE_DATE.month - 1 - 12
    assert IndicatorActual.objects.count() == units * 2 * months
    assert MonetisedBenefit.objects.filter(program__code="MDN-LAYANAN-PRIMA").count() == 2


def test_layanan_prima_cuts_service_time_more_than_in_untrained_units(demo):  # noqa: F811
    effect = _medan_story("MDN-LAYANAN-PRIMA", SERVICE_TIME)
    assert effect.effect.design == Design.PRE_POST_COMPARISON and effect.lower_is_better
    assert effect.effect.ci[1] < 0  # minutes fall, and the interval excludes no change
    assert effect.improved is True


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
    effect = _medan_story("MDN-KOMUNIKASI", COMPLAINTS)
    assert effect.effect.design == Design.PRE_POST_COMPARISON
    assert effect.effect.value < 0
