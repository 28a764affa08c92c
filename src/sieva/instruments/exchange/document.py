"""The instrument document: one plain-dict form of a version's content.

Copying a version, cloning a template, loading the standard templates and importing a JSON or
XLSX file all go through `write_version(…, document)`, and exporting goes through
`version_document`, so every path stores and checks content the same way. The checks live in
`sieva.instruments.exchange.checks`.
"""

from decimal import Decimal
from typing import Any

from django.db.models import Prefetch

from sieva.instruments.models import Instrument, InstrumentVersion, Item, Scale, ScaleItem, Section

SCHEMA = "sieva.instrument"
SCHEMA_VERSION = 1

DEFAULT_LIKERT_LABELS: dict[str, list[str]] = {
    "likert4": ["Sangat tidak setuju", "Tidak setuju", "Setuju", "Sangat setuju"],
    "likert5": ["Sangat tidak setuju", "Tidak setuju", "Netral", "Setuju", "Sangat setuju"],
}


def _number_out(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _condition_out(item_code: str, value: str) -> dict[str, str] | None:
    return {"item": item_code, "value": value} if item_code else None


def _item_out(item: Item) -> dict[str, Any]:
    return {
        "code": item.code,
        "kind": item.kind,
        "label": item.label,
        "help": item.help_text,
        "required": item.required,
        "choices": item.choices,
        "rows": item.rows,
        "min": _number_out(item.min_value),
        "max": _number_out(item.max_value),
        "correct": item.correct,
        "points": _number_out(item.points) or 0,
        "show_if": _condition_out(item.show_if_item, item.show_if_value),
    }


def load_version(version_id: int) -> InstrumentVersion:
    """The version with its sections, items and scales loaded in four queries."""
    return (
        InstrumentVersion.objects.select_related("instrument", "instrument__owner")
        .prefetch_related(
            Prefetch("sections", queryset=Section.objects.order_by("order", "pk")),
            Prefetch("items", queryset=Item.objects.order_by("section__order", "order", "pk")),
            Prefetch(
                "scales",
                queryset=Scale.objects.prefetch_related(
                    Prefetch("members", queryset=ScaleItem.objects.select_related("item"))
                ),
            ),
        )
        .get(pk=version_id)
    )


def version_document(version: InstrumentVersion) -> dict[str, Any]:
    """The version's whole content as a JSON-ready dict (schema `SCHEMA`/`SCHEMA_VERSION`)."""
    version = load_version(version.pk)
    instrument = version.instrument
    items_by_section: dict[int, list[Item]] = {}
    for item in version.items.all():
        items_by_section.setdefault(item.section_id, []).append(item)
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "instrument": {
            "code": instrument.code,
            "title": instrument.title,
            "purpose": instrument.purpose,
            "rater_kind": instrument.rater_kind,
            "description": instrument.description,
        },
        "sections": [
            {
                "title": section.title,
                "show_if": _condition_out(section.show_if_item, section.show_if_value),
                "items": [_item_out(item) for item in items_by_section.get(section.pk, [])],
            }
            for section in version.sections.all()
        ],
        "scales": [
            {
                "code": scale.code,
                "name": scale.name,
                "items": [
                    {"item": member.item.code, "reverse": member.reverse}
                    for member in scale.members.all()
                ],
            }
            for scale in version.scales.all()
        ],
    }


def document_content(document: dict[str, Any]) -> dict[str, Any]:
    """The part of a document that versions compare (no schema header, no instrument fields)."""
    return {"sections": document.get("sections", []), "scales": document.get("scales", [])}


def _decimal(value: Any) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def write_version(
    *, instrument: Instrument, number: int, document: dict[str, Any], note: str = ""
) -> InstrumentVersion:
    """Create draft version `number` of `instrument` from a *checked* document."""
    version = InstrumentVersion.objects.create(instrument=instrument, number=number, note=note)
    items: dict[str, Item] = {}
    for section_order, section_doc in enumerate(document.get("sections", []), start=1):
        condition = section_doc.get("show_if") or {}
        section = Section.objects.create(
            version=version,
            order=section_order,
            title=section_doc["title"],
            show_if_item=condition.get("item", ""),
            show_if_value=str(condition.get("value", "")),
        )
        batch = []
        for item_order, item_doc in enumerate(section_doc.get("items", []), start=1):
            item_condition = item_doc.get("show_if") or {}
            batch.append(
                Item(
                    version=version,
                    section=section,
                    order=item_order,
                    code=item_doc["code"],
                    kind=item_doc["kind"],
                    label=item_doc["label"],
                    help_text=item_doc.get("help", "") or "",
                    required=bool(item_doc.get("required", True)),
                    choices=with_default_choices(item_doc["kind"], item_doc.get("choices") or []),
                    rows=item_doc.get("rows") or [],
                    min_value=_decimal(item_doc.get("min")),
                    max_value=_decimal(item_doc.get("max")),
                    correct=[str(v) for v in item_doc.get("correct") or []],
                    points=_decimal(item_doc.get("points")) or Decimal(0),
                    show_if_item=item_condition.get("item", ""),
                    show_if_value=str(item_condition.get("value", "")),
                )
            )
        for item in Item.objects.bulk_create(batch):
            items[item.code] = item
    for scale_doc in document.get("scales", []):
        scale = Scale.objects.create(
            version=version, code=scale_doc["code"], name=scale_doc["name"]
        )
        ScaleItem.objects.bulk_create(
            ScaleItem(scale=scale, item=items[m["item"]], reverse=bool(m.get("reverse")))
            for m in scale_doc.get("items", [])
        )
    return version


def with_default_choices(kind: str, choices: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Likert items without labels get the usual agreement labels; values are strings; an
    option that cannot be ticked with any other keeps ``"exclusive": true`` (decision 0061)."""
    if not choices and kind in DEFAULT_LIKERT_LABELS:
        return [
            {"value": str(n), "label": label}
            for n, label in enumerate(DEFAULT_LIKERT_LABELS[kind], start=1)
        ]
    out: list[dict[str, Any]] = []
    for choice in choices:
        entry: dict[str, Any] = {
            "value": str(choice["value"]),
            "label": str(choice.get("label", "")),
        }
        if choice.get("exclusive"):
            entry["exclusive"] = True
        out.append(entry)
    return out
