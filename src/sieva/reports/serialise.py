"""The evaluation result as plain JSON, and the SHA-256 that identifies a report's input.

The hash covers the figures the report used (every level of the result, the programs and
cohorts described, the findings), never the moment or the person that generated it, so two
reports of unchanged data carry the same hash and any change in the data changes it.
"""

import dataclasses
import datetime as dt
import enum
import hashlib
import json
import math
from decimal import Decimal
from typing import Any

from django.db.models import Model
from django.utils.functional import Promise

# Floats are rounded before hashing: SQLite and PostgreSQL may sum in a different order and
# differ in the last bits, which is not a change in the data.
FLOAT_DIGITS = 9
# Per-person values some statistics carry along (e.g. each person's normalised gain): a
# report holds aggregates only, so they never reach a snapshot.
PERSONAL_FIELDS = frozenset({"individual"})


def to_jsonable(value: Any) -> Any:
    """A JSON-ready copy of `value`: dataclasses become dicts, enums their value, models
    ``{"id", "name"}``, Decimals strings, dates ISO text, lazy strings plain text."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else round(value, FLOAT_DIGITS)
    if isinstance(value, enum.Enum):
        return to_jsonable(value.value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, Model):
        return {"id": value.pk, "name": str(value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_jsonable(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in PERSONAL_FIELDS
        }
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars from the statistics library
        return to_jsonable(value.item())
    return str(value)


def canonical_json(data: Any) -> str:
    """One spelling of `data`: sorted keys, no spaces, UTF-8 text kept as is."""
    return json.dumps(to_jsonable(data), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


# Words the engine writes in the reader's language: left out of the hash, so a report of the
# same data in Indonesian and in English carries the same hash.
TRANSLATED_KEYS = frozenset(
    {
        "label",
        "name",  # scale and outcome names; their codes and keys stay in the hash
        "message",
        "unit",
        "band",
        "class_category",
        "statement",
        "text",
        "title",
        "purpose_label",
        "strength_reasons",
    }
)


def _language_free(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _language_free(v) for k, v in value.items() if k not in TRANSLATED_KEYS}
    if isinstance(value, list):
        return [_language_free(v) for v in value]
    return value


def input_hash(data: Any) -> str:
    """SHA-256 of the canonical JSON of `data` without its translated words."""
    text = canonical_json(_language_free(to_jsonable(data)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
