"""Arranging a draft: move a section or an item up or down, duplicate an item or a section.

Like every edit (`editing`), the change is first made to the version's document and the whole
document checked — moving an item above the question its display condition depends on is
refused with the same message an import would give. Positions are renumbered 1…n each time,
so orders never collide. Decision 0061.
"""

import copy
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy

from sieva.instruments.exchange.checks import CODE_PATTERN
from sieva.instruments.exchange.document import version_document
from sieva.instruments.models import InstrumentVersion, Item, Section
from sieva.instruments.services.editing import audit_edit, refuse_if_broken, section_index
from sieva.instruments.services.instruments import ensure_editable

UP, DOWN = -1, 1
COPY_SUFFIX = "_salin"
COPY_TITLE = gettext_lazy("%(title)s (salinan)")
ITEM_FIELDS = (
    "kind",
    "label",
    "help_text",
    "required",
    "choices",
    "rows",
    "min_value",
    "max_value",
    "correct",
    "points",
    "show_if_item",
    "show_if_value",
)


def _renumber(rows: list[Any], model: type[Section] | type[Item]) -> None:
    for position, row in enumerate(rows, start=1):
        row.order = position
    model.objects.bulk_update(rows, ["order"])  # type: ignore[attr-defined]


@transaction.atomic
def section_move(*, actor: Any, version: InstrumentVersion, section: Section, step: int) -> bool:
    """Move `section` one place up (`UP`) or down (`DOWN`); False when already at that end."""
    ensure_editable(version)
    sections = list(version.sections.order_by("order", "pk"))
    here = section_index(version, section)
    there = here + step
    if not 0 <= there < len(sections):
        return False
    document = version_document(version)
    blocks = document["sections"]
    blocks[here], blocks[there] = blocks[there], blocks[here]
    refuse_if_broken(document, None)
    sections[here], sections[there] = sections[there], sections[here]
    _renumber(sections, Section)
    audit_edit(
        actor, version, "instrument.section_move", {"section": section.title, "to": there + 1}
    )
    return True


def _items_of(section: Section) -> list[Item]:
    return list(section.items.order_by("order", "pk"))


@transaction.atomic
def item_move(*, actor: Any, version: InstrumentVersion, item: Item, step: int) -> bool:
    """Move `item` one place up or down inside its section (another section: edit the item)."""
    ensure_editable(version)
    items = _items_of(item.section)
    here = [i.pk for i in items].index(item.pk)
    there = here + step
    if not 0 <= there < len(items):
        return False
    document = version_document(version)
    block = document["sections"][section_index(version, item.section)]["items"]
    block[here], block[there] = block[there], block[here]
    refuse_if_broken(document, None)
    items[here], items[there] = items[there], items[here]
    _renumber(items, Item)
    audit_edit(actor, version, "instrument.item_move", {"item": item.code, "to": there + 1})
    return True


def _free_code(taken: set[str], code: str) -> str:
    """`code_salin`, `code_salin2`, … — the first not in `taken`, within the 60-character
    limit of item codes."""
    number = 1
    while True:
        suffix = COPY_SUFFIX + (str(number) if number > 1 else "")
        candidate = code[: 60 - len(suffix)] + suffix
        if candidate not in taken and CODE_PATTERN.match(candidate):
            taken.add(candidate)
            return candidate
        number += 1


def _copy_item(item: Item, *, section: Section, code: str, renamed: dict[str, str]) -> Item:
    values = {name: copy.deepcopy(getattr(item, name)) for name in ITEM_FIELDS}
    values["show_if_item"] = renamed.get(item.show_if_item, item.show_if_item)
    return Item(version=item.version, section=section, code=code, **values)


@transaction.atomic
def item_duplicate(*, actor: Any, version: InstrumentVersion, item: Item) -> Item:
    """A copy of `item` right below it, coded `<code>_salin`; it joins no scale (a scale is the
    analyst's choice of items, made on the scale page)."""
    ensure_editable(version)
    taken = set(version.items.values_list("code", flat=True))
    code = _free_code(taken, item.code)
    document = version_document(version)
    block = document["sections"][section_index(version, item.section)]["items"]
    position = next(n for n, entry in enumerate(block) if entry["code"] == item.code)
    block.insert(position + 1, {**copy.deepcopy(block[position]), "code": code})
    refuse_if_broken(document, None)
    duplicate = _copy_item(item, section=item.section, code=code, renamed={})
    duplicate.order = item.order
    duplicate.save()
    items = _items_of(item.section)
    items.remove(duplicate)
    items.insert([i.pk for i in items].index(item.pk) + 1, duplicate)
    _renumber(items, Item)
    audit_edit(actor, version, "instrument.item_duplicate", {"item": item.code, "copy": code})
    return duplicate


@transaction.atomic
def section_duplicate(*, actor: Any, version: InstrumentVersion, section: Section) -> Section:
    """A copy of `section` and its items right below it; the copied items get new codes and
    their display conditions on items of the same section point at the copies."""
    ensure_editable(version)
    taken = set(version.items.values_list("code", flat=True))
    originals = _items_of(section)
    renamed = {item.code: _free_code(taken, item.code) for item in originals}
    title = str(COPY_TITLE % {"title": section.title})[:200]
    document = version_document(version)
    here = section_index(version, section)
    block = copy.deepcopy(document["sections"][here])
    block["title"] = title
    for entry in block["items"]:
        entry["code"] = renamed[entry["code"]]
        condition = entry.get("show_if")
        if condition and condition.get("item") in renamed:
            condition["item"] = renamed[condition["item"]]
    document["sections"].insert(here + 1, block)
    refuse_if_broken(document, None)
    duplicate = Section.objects.create(
        version=version,
        order=section.order,
        title=title,
        show_if_item=section.show_if_item,
        show_if_value=section.show_if_value,
    )
    copies = [
        _copy_item(item, section=duplicate, code=renamed[item.code], renamed=renamed)
        for item in originals
    ]
    for position, item in enumerate(copies, start=1):
        item.order = position
    Item.objects.bulk_create(copies)
    sections = [s for s in version.sections.order_by("order", "pk") if s.pk != duplicate.pk]
    sections.insert(here + 1, duplicate)
    _renumber(sections, Section)
    audit_edit(
        actor,
        version,
        "instrument.section_duplicate",
        {"section": section.title, "copy": title, "items": len(copies)},
    )
    return duplicate
