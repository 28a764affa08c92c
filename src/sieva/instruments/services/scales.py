"""Scales of a draft: a construct (e.g. relevansi) measured by several scored items, some of
them reverse-scored. Checked through the version's document like every other edit; which items
are reversed is the analyst's knowledge, shown in the builder and the results, never to
respondents (decision 0061)."""

from typing import Any

from django.db import transaction

from sieva.instruments.exchange.document import version_document
from sieva.instruments.models import InstrumentVersion, Scale, ScaleItem
from sieva.instruments.services.editing import audit_edit, refuse_if_broken
from sieva.instruments.services.instruments import ensure_editable

# Document field of a scale → scale form field.
SCALE_FIELDS = {"code": "code", "name": "name", "items": "items"}


@transaction.atomic
def scale_save(
    *,
    actor: Any,
    version: InstrumentVersion,
    scale: Scale | None,
    code: str,
    name: str,
    members: list[tuple[str, bool]],
) -> Scale:
    """Add a scale to the draft or change one; `members` are (item code, reverse) pairs."""
    ensure_editable(version)
    document = version_document(version)
    entry = {
        "code": code,
        "name": name,
        "items": [{"item": item, "reverse": reverse} for item, reverse in members],
    }
    scales = document["scales"]
    if scale is None:
        scales.append(entry)
        index = len(scales) - 1
    else:
        index = [s["code"] for s in scales].index(scale.code)
        scales[index] = entry
    refuse_if_broken(document, f"scales[{index}]", SCALE_FIELDS)
    if scale is None:
        scale = Scale(version=version)
    scale.code, scale.name = code, name
    scale.save()
    scale.members.all().delete()
    items = {item.code: item for item in version.items.filter(code__in=[c for c, _r in members])}
    ScaleItem.objects.bulk_create(
        ScaleItem(scale=scale, item=items[item], reverse=reverse) for item, reverse in members
    )
    audit_edit(
        actor,
        version,
        "instrument.scale_save",
        {"scale": code, "items": [c for c, _r in members], "reverse": [c for c, r in members if r]},
    )
    return scale


@transaction.atomic
def scale_delete(*, actor: Any, version: InstrumentVersion, scale: Scale) -> None:
    ensure_editable(version)
    code = scale.code
    scale.delete()
    audit_edit(actor, version, "instrument.scale_delete", {"scale": code})
