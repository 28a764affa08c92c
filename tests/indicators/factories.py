"""Indicator rows for tests; `indicator_estate` gives the every-URL test one of each in Medan."""

import datetime as dt
from decimal import Decimal

import factory

from sieva.indicators.models import (
    Direction,
    Frequency,
    IndicatorActual,
    IndicatorDefinition,
    IndicatorKind,
    MonetisedBenefit,
    UnitIndicator,
)
from tests.factories import OrgUnitFactory, ProgramFactory


class DefinitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorDefinition

    owner = factory.SubFactory(OrgUnitFactory)
    code = factory.Sequence(lambda n: f"IND-{n}")
    name = factory.Sequence(lambda n: f"Rata-rata waktu layanan {n}")
    unit_of_measure = "menit"
    direction = Direction.LOWER_IS_BETTER
    kind = IndicatorKind.SERVICE_TIME
    frequency = Frequency.MONTHLY


class UnitIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitIndicator

    definition = factory.SubFactory(DefinitionFactory)
    unit = factory.LazyAttribute(lambda o: o.definition.owner)
    baseline_value = Decimal("40")
    baseline_period = dt.date(2025, 1, 1)
    target_value = Decimal("30")
    target_period = dt.date(2026, 12, 1)


class ActualFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorActual

    definition = factory.SubFactory(DefinitionFactory)
    unit = factory.LazyAttribute(lambda o: o.definition.owner)
    period = dt.date(2025, 1, 1)
    value = Decimal("42.5")


class BenefitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonetisedBenefit

    program = factory.SubFactory(ProgramFactory)
    description = factory.Sequence(lambda n: f"Manfaat {n}")
    annual_value = Decimal("100000000")
    attribution = Decimal("0.5")
    confidence = Decimal("0.8")
    basis = "Perhitungan waktu tunggu"
    period_start = dt.date(2026, 1, 1)
    period_end = dt.date(2026, 12, 31)


def indicator_estate(world, program, unit) -> dict:
    """One definition, unit indicator, actual and benefit of Medan, each naming Medan."""
    definition = DefinitionFactory(owner=world.medan, code="WAKTU-MDN", name="Waktu layanan Medan")
    item = UnitIndicatorFactory(definition=definition, unit=unit)
    ActualFactory(definition=definition, unit=unit, note="Catatan Medan")
    benefit = BenefitFactory(program=program, description="Manfaat Medan")
    return {"indicator_definition": definition, "unit_indicator": item, "benefit": benefit}
