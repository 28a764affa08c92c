"""Edits of a draft version's content: sections and items.

Each edit is applied to the version's document first and the whole document is checked, so
an edit that would break another part (a display condition pointing at a deleted item, a
duplicate code) is refused with the same messages as a file import.
"""

import copy
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy

from sieva.audit.services import audit_record
from sieva.instruments.exchange.checks import check_document
from sieva.instruments.exchange.document import version_document, with_default_choices
from sieva.instruments.models import InstrumentVersion, Item, Section
from sieva.instruments.services.instruments import ensure_editable

# Document field → editor form field, to put each problem next to the input that caused it.
FORM_FIELDS = {
    "code": "code",
    "kind": "kind",
    "label": "label",
    "choices": "choices",
    "rows": "rows",
    "min": "min_value",
    "max": "max_value",
    "correct": "correct",
    "points": "points",
    "show_if": "show_if_item",
    "title": "title",
}
CODE_TAKEN = gettext_lazy("Kode butir “%(code)s” sudah dipakai pada versi ini.")
STILL_REFERENCED = gettext_lazy("Tidak dapat dihapus: %(reason)s")


def refuse_if_broken(
    document: dict[str, Any], prefix: str | None, fields: dict[str, str] = FORM_FIELDS
) -> None:
    """Raise ValidationError keyed by form field (via `fields`) if `document` has problems."""
    # A draft may be empty while it is being built; emptiness is refused only at publishing.
    problems = [p for p in check_document(document) if p.where != "sections"]
    if not problems:
        return
    errors: dict[str, list[str]] = {}
    for problem in problems:
        field = None
        if prefix is not None and problem.where.startswith(prefix):
            rest = problem.where[len(prefix) :].lstrip(".")
            field = fields.get(rest.split(".")[0]) if rest else None
        errors.setdefault(field or "__all__", []).append(problem.reason)
    raise ValidationError(errors)


def section_index(version: InstrumentVersion, section: Section) -> int:
    return [s.pk for s in version.sections.order_by("order", "pk")].index(section.pk)


def audit_edit(
    actor: Any, version: InstrumentVersion, action: str, changes: dict[str, Any]
) -> None:
    instrument = version.instrument
    audit_record(
        actor=actor,
        action=action,
        obj=instrument,
        org_path=instrument.owner.path if instrument.owner else "/",
        changes={"version": version.number, **changes},
    )


@transaction.atomic
def section_save(
    *,
    actor: Any,
    version: InstrumentVersion,
    section: Section | None,
    title: str,
    show_if_item: str = "",
    show_if_value: str = "",
) -> Section:
    """Add a section at the end of the draft, or change one."""
    ensure_editable(version)
    document = version_document(version)
    condition = {"item": show_if_item, "value": show_if_value} if show_if_item else None
    if section is None:
        document["sections"].append({"title": title, "show_if": condition, "items": []})
        prefix = f"sections[{len(document['sections']) - 1}]"
    else:
        index = section_index(version, section)
        document["sections"][index].update(title=title, show_if=condition)
        prefix = f"sections[{index}]"
    refuse_if_broken(document, prefix)
    if section is None:
        top = version.sections.aggregate(top=Max("order"))["top"] or 0
        section = Section(version=version, order=top + 1)
    section.title, section.show_if_item, section.show_if_value = title, show_if_item, show_if_value
    section.save()
    audit_edit(actor, version, "instrument.section_save", {"section": title})
    return section


@transaction.atomic
def section_delete(*, actor: Any, version: InstrumentVersion, section: Section) -> None:
    ensure_editable(version)
    document = version_document(version)
    del document["sections"][section_index(version, section)]
    _refuse_deletion_if_broken(document)
    title = section.title
    section.delete()
    audit_edit(actor, version, "instrument.section_delete", {"section": title})


def _refuse_deletion_if_broken(document: dict[str, Any]) -> None:
    problems = [p for p in check_document(document) if p.where != "sections"]
    if problems:
        raise ValidationError(STILL_REFERENCED % {"reason": problems[0].reason})


@transaction.atomic
def item_save(
    *, actor: Any, version: InstrumentVersion, item: Item | None, section: Section, **fields: Any
) -> Item:
    """Add an item at the end of `section`, or change one (moving it if `section` changed).

    `fields` are the item's columns: code, kind, label, help_text, required, choices, rows,
    min_value, max_value, correct, points, show_if_item, show_if_value.
    """
    ensure_editable(version)
    code = fields.get("code", "")
    if version.items.exclude(pk=item.pk if item else None).filter(code=code).exists():
        raise ValidationError({"code": CODE_TAKEN % {"code": code}})
    document = version_document(version)
    target = section_index(version, section)
    entry = _item_document(fields)
    if item is not None:
        # Scale members follow the item row, so a renamed item stays in its scales.
        for scale in document["scales"]:
            for member in scale["items"]:
                if member["item"] == item.code:
                    member["item"] = code
    if item is not None and item.section_id == section.pk:
        items = document["sections"][target]["items"]
        position = next(i for i, d in enumerate(items) if d["code"] == item.code)
        items[position] = entry
    else:
        if item is not None:
            _remove_item(document, item.code)
        document["sections"][target]["items"].append(entry)
        position = len(document["sections"][target]["items"]) - 1
    refuse_if_broken(document, f"sections[{target}].items[{position}]")
    if item is None or item.section_id != section.pk:
        top = section.items.aggregate(top=Max("order"))["top"] or 0
        if item is None:
            item = Item(version=version)
        item.order = top + 1
    item.section = section
    for name, value in fields.items():
        setattr(item, name, value)
    item.choices = with_default_choices(item.kind, item.choices)
    item.save()
    audit_edit(actor, version, "instrument.item_save", {"item": item.code})
    return item


@transaction.atomic
def item_delete(*, actor: Any, version: InstrumentVersion, item: Item) -> None:
    ensure_editable(version)
    document = version_document(version)
    _remove_item(document, item.code)
    _refuse_deletion_if_broken(document)
    code = item.code
    item.delete()
    audit_edit(actor, version, "instrument.item_delete", {"item": code})


def _remove_item(document: dict[str, Any], code: str) -> None:
    for section in document["sections"]:
        section["items"] = [d for d in section["items"] if d["code"] != code]
    for scale in document.get("scales", []):
        scale["items"] = [m for m in scale["items"] if m["item"] != code]


def _item_document(fields: dict[str, Any]) -> dict[str, Any]:
    def number(value: Decimal | None) -> str | None:
        return None if value is None else str(value)

    condition = fields.get("show_if_item")
    return copy.deepcopy(
        {
            "code": fields.get("code", ""),
            "kind": fields.get("kind", ""),
            "label": fields.get("label", ""),
            "required": fields.get("required", True),
            "choices": fields.get("choices") or [],
            "rows": fields.get("rows") or [],
            "min": number(fields.get("min_value")),
            "max": number(fields.get("max_value")),
            "correct": fields.get("correct") or [],
            "points": number(fields.get("points")),
            "show_if": {"item": condition, "value": fields.get("show_if_value", "")}
            if condition
            else None,
        }
    )
