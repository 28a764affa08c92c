"""Indicator writes: periods, values and duplicates are refused with a reason."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from sieva.audit.models import AuditEvent
from sieva.indicators import services
from sieva.indicators.models import Frequency, IndicatorActual, IndicatorKind
from sieva.indicators.periods import PeriodError, parse_period, period_label
from sieva.indicators.values import ValueProblem, parse_value
from tests.indicators.factories import ActualFactory, DefinitionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("text", ["2026-13", "2026-3-1", "26-03", "maret", "", "2026-00"])
def test_it_rejects_a_period_that_is_not_a_month(text):
    with pytest.raises(PeriodError):
        parse_period(text, Frequency.MONTHLY)


def test_a_quarterly_period_must_start_a_quarter():
    assert parse_period("2026-Q2", Frequency.QUARTERLY) == dt.date(2026, 4, 1)
    assert parse_period("2026-07", Frequency.QUARTERLY) == dt.date(2026, 7, 1)
    with pytest.raises(PeriodError, match="triwulan"):
        parse_period("2026-05", Frequency.QUARTERLY)
    assert period_label(dt.date(2026, 10, 1), Frequency.QUARTERLY) == "2026-Q4"


def test_values_are_read_as_numbers_fit_for_their_kind(world):
    minutes = DefinitionFactory(owner=world.medan)
    assert parse_value("12,5", minutes) == Decimal("12.5")
    assert parse_value(7, minutes) == Decimal("7")
    for bad in ("dua belas", "-1", "nan", True):
        with pytest.raises(ValueProblem):
            parse_value(bad, minutes)
    complaints = DefinitionFactory(owner=world.medan, kind=IndicatorKind.COMPLAINTS)
    with pytest.raises(ValueProblem, match="bulat"):
        parse_value("2.5", complaints)
    errors = DefinitionFactory(owner=world.medan, kind=IndicatorKind.ERROR_RATE)
    with pytest.raises(ValueProblem, match="0-100"):
        parse_value("101", errors)
    ikm = DefinitionFactory(owner=world.medan, kind=IndicatorKind.IKM)
    with pytest.raises(ValueProblem, match="SKM"):
        parse_value("80", ikm)


def test_the_database_refuses_a_second_actual_for_the_same_period(world):
    actual = ActualFactory(definition=DefinitionFactory(owner=world.medan), unit=world.medan)
    with pytest.raises(IntegrityError), transaction.atomic():
        ActualFactory(definition=actual.definition, unit=actual.unit, period=actual.period)


def test_actuals_save_upserts_deletes_and_audits(world, alice):
    definition = DefinitionFactory(owner=world.medan)
    unit = world.medan_puskesmas
    jan, feb = dt.date(2026, 1, 1), dt.date(2026, 2, 1)
    first = services.actuals_save(
        actor=alice,
        definition=definition,
        values={(unit.pk, jan): Decimal(40), (unit.pk, feb): Decimal(41)},
    )
    assert first == {"created": 2, "updated": 0, "deleted": 0}
    second = services.actuals_save(
        actor=alice,
        definition=definition,
        values={(unit.pk, jan): Decimal(39), (unit.pk, feb): None},
    )
    assert second == {"created": 0, "updated": 1, "deleted": 1}
    assert list(IndicatorActual.objects.values_list("period", "value")) == [(jan, Decimal(39))]
    assert AuditEvent.objects.filter(action="indicator_actuals_entered").count() == 2


def test_actuals_save_refuses_a_day_that_does_not_start_a_period(world, alice):
    definition = DefinitionFactory(owner=world.medan)
    with pytest.raises(ValidationError):
        services.actuals_save(
            actor=alice,
            definition=definition,
            values={(world.medan.pk, dt.date(2026, 1, 15)): Decimal(1)},
        )
    assert not IndicatorActual.objects.exists()


def test_a_unit_outside_the_owners_subtree_cannot_adopt_the_indicator(world, alice):
    definition = DefinitionFactory(owner=world.medan_health)
    with pytest.raises(ValidationError, match="luar cakupan"):
        services.unit_indicator_save(
            actor=alice, definition=definition, unit=world.medan_transport, data={}
        )


def test_kind_is_locked_once_actuals_exist(world, alice):
    definition = DefinitionFactory(owner=world.medan)
    ActualFactory(definition=definition, unit=world.medan)
    data = {f: getattr(definition, f) for f in services.DEFINITION_FIELDS}
    with pytest.raises(ValidationError):
        services.definition_save(
            actor=alice,
            owner=world.medan,
            definition=definition,
            data={**data, "kind": IndicatorKind.COMPLAINTS},
        )
    with pytest.raises(ValidationError):
        services.definition_save(actor=alice, owner=world.medan, data=data)  # duplicate code
