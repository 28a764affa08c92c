"""Writes to indicator data: keyword-only, atomic, audited; messages are module constants."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.audit.services import audit_record, model_changes
from sieva.indicators.models import (
    ActualSource,
    IndicatorActual,
    IndicatorDefinition,
    IndicatorKind,
    MonetisedBenefit,
    UnitIndicator,
)
from sieva.indicators.periods import PeriodError, check_period
from sieva.indicators.values import IKM_NOT_ENTERED
from sieva.org.models import OrgUnit

UNIT_OUTSIDE_OWNER = _("Unit %(unit)s berada di luar cakupan pemilik indikator (%(owner)s).")
DUPLICATE_CODE = _("Kode indikator %(code)s sudah dipakai oleh pemilik ini.")
DUPLICATE_UNIT = _("Unit ini sudah memiliki indikator tersebut.")
KIND_LOCKED = _("Jenis dan frekuensi tidak dapat diubah setelah realisasi tercatat.")
BAD_RANGE = _("Rentang %(name)s harus terendah ≤ nilai ≤ tertinggi.")
COHORT_OTHER_PROGRAM = _("Angkatan itu bukan angkatan program ini.")

DEFINITION_FIELDS = (
    "code",
    "name",
    "unit_of_measure",
    "direction",
    "kind",
    "frequency",
    "description",
)


def _snapshot(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    return {f: getattr(obj, f) for f in fields}


def definition_save(
    *,
    actor: Any,
    owner: OrgUnit,
    data: dict[str, Any],
    definition: IndicatorDefinition | None = None,
) -> IndicatorDefinition:
    """Create (definition None) or update an indicator definition owned by `owner`."""
    with transaction.atomic():
        taken = IndicatorDefinition.objects.filter(owner=owner, code=data["code"])
        if definition is not None:
            taken = taken.exclude(pk=definition.pk)
        if taken.exists():
            raise ValidationError({"code": str(DUPLICATE_CODE) % {"code": data["code"]}})
        before = _snapshot(definition, DEFINITION_FIELDS) if definition else {}
        if (
            definition is not None
            and (data["kind"] != definition.kind or data["frequency"] != definition.frequency)
            and definition.actuals.exists()
        ):
            raise ValidationError(str(KIND_LOCKED))
        obj = definition or IndicatorDefinition(owner=owner)
        obj.owner = owner
        for field in DEFINITION_FIELDS:
            setattr(obj, field, data[field])
        obj.save()
        audit_record(
            actor=actor,
            action="indicator_definition_update" if definition else "indicator_definition_create",
            obj=obj,
            org_path=owner.path,
            changes=model_changes(before, _snapshot(obj, DEFINITION_FIELDS)),
        )
    return obj


_TARGET_FIELDS = ("baseline_value", "baseline_period", "target_value", "target_period")


def unit_indicator_save(
    *,
    actor: Any,
    definition: IndicatorDefinition,
    unit: OrgUnit,
    data: dict[str, Any],
    item: UnitIndicator | None = None,
) -> UnitIndicator:
    """Adopt `definition` for `unit` (or update `item`) with baseline and target."""
    if not unit.is_within(definition.owner):
        raise ValidationError(
            {"unit": str(UNIT_OUTSIDE_OWNER) % {"unit": unit, "owner": definition.owner}}
        )
    for name in ("baseline_period", "target_period"):
        if data.get(name) is not None:
            try:
                check_period(data[name], definition.frequency)
            except PeriodError as exc:
                raise ValidationError({name: str(exc)}) from None
    with transaction.atomic():
        duplicate = UnitIndicator.objects.filter(definition=definition, unit=unit)
        if item is not None:
            duplicate = duplicate.exclude(pk=item.pk)
        if duplicate.exists():
            raise ValidationError({"unit": str(DUPLICATE_UNIT)})
        before = _snapshot(item, _TARGET_FIELDS) if item else {}
        obj = item or UnitIndicator(definition=definition)
        obj.unit = unit
        for field in _TARGET_FIELDS:
            setattr(obj, field, data.get(field))
        obj.save()
        audit_record(
            actor=actor,
            action="unit_indicator_update" if item else "unit_indicator_create",
            obj=obj,
            org_path=unit.path,
            changes=model_changes(before, _snapshot(obj, _TARGET_FIELDS)),
        )
    return obj


def actuals_save(
    *,
    actor: Any,
    definition: IndicatorDefinition,
    values: dict[tuple[int, dt.date], Decimal | None],
    source: str = ActualSource.ENTERED,
) -> dict[str, int]:
    """Write the cells `(unit_id, period) → value`; None deletes that period's actual.

    Callers have validated units (adopted, in scope) and values; this checks the periods
    again and refuses IKM, then upserts in one transaction. Returns created/updated/deleted.
    """
    if definition.kind == IndicatorKind.IKM:
        raise ValidationError(str(IKM_NOT_ENTERED))
    for _unit, period in values:
        try:
            check_period(period, definition.frequency)
        except PeriodError as exc:
            raise ValidationError(str(exc)) from None
    counts = {"created": 0, "updated": 0, "deleted": 0}
    with transaction.atomic():
        existing = {
            (a.unit_id, a.period): a
            for a in IndicatorActual.objects.filter(
                definition=definition, unit_id__in={u for u, _p in values}
            ).select_for_update()
        }
        new, changed, gone = [], [], []
        for key, value in values.items():
            row = existing.get(key)
            if value is None:
                if row is not None:
                    gone.append(row.pk)
            elif row is None:
                new.append(
                    IndicatorActual(
                        definition=definition,
                        unit_id=key[0],
                        period=key[1],
                        value=value,
                        source=source,
                        entered_by=actor,
                    )
                )
            elif row.value != value:
                row.value, row.source, row.entered_by = value, source, actor
                row.updated_at = timezone.now()  # bulk_update skips auto_now
                changed.append(row)
        IndicatorActual.objects.bulk_create(new, batch_size=1000)
        IndicatorActual.objects.bulk_update(
            changed, ["value", "source", "entered_by", "updated_at"], batch_size=1000
        )
        IndicatorActual.objects.filter(pk__in=gone).delete()
        counts = {"created": len(new), "updated": len(changed), "deleted": len(gone)}
        if any(counts.values()):
            audit_record(
                actor=actor,
                action=f"indicator_actuals_{source}",
                obj=definition,
                org_path=definition.owner.path,
                changes=counts,
            )
    return counts


BENEFIT_FIELDS = (
    "cohort",
    "unit",
    "description",
    "annual_value",
    "attribution",
    "attribution_low",
    "attribution_high",
    "confidence",
    "confidence_low",
    "confidence_high",
    "basis",
    "period_start",
    "period_end",
)


def benefit_create(*, actor: Any, program: Any, data: dict[str, Any]) -> MonetisedBenefit:
    """Record a monetised benefit claim for `program` (ranges checked around their points)."""
    for name in ("attribution", "confidence"):
        low, point, high = data.get(f"{name}_low"), data[name], data.get(f"{name}_high")
        if (low is not None and low > point) or (high is not None and high < point):
            raise ValidationError({name: str(BAD_RANGE) % {"name": name}})
    cohort = data.get("cohort")
    if cohort is not None and cohort.program_id != program.pk:
        raise ValidationError({"cohort": str(COHORT_OTHER_PROGRAM)})
    with transaction.atomic():
        benefit = MonetisedBenefit(
            program=program, created_by=actor, **{f: data.get(f) for f in BENEFIT_FIELDS}
        )
        benefit.full_clean()
        benefit.save()
        audit_record(
            actor=actor,
            action="benefit_create",
            obj=benefit,
            org_path=program.owner.path,
            changes=_snapshot(benefit, BENEFIT_FIELDS),
        )
    return benefit


def benefit_delete(*, actor: Any, benefit: MonetisedBenefit) -> None:
    with transaction.atomic():
        audit_record(
            actor=actor, action="benefit_delete", obj=benefit, org_path=benefit.program.owner.path
        )
        benefit.delete()
