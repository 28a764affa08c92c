"""Writes of the instrument app, one module per part: instruments and their versions and
responses (`instruments`), editing a draft's sections and items (`editing`), the running item
aggregates (`aggregates`) and the standard templates (`standard`). The instrument writes are
re-exported here; import the others from their module."""

from sieva.instruments.services.instruments import (
    CODE_TAKEN,
    NOT_PUBLISHED,
    NOTHING_TO_PUBLISH,
    OUT_OF_SCOPE,
    VERSION_FROZEN,
    DocumentRefused,
    answer_for,
    ensure_editable,
    instrument_clone,
    instrument_create,
    instrument_edit_version,
    instrument_import,
    instrument_update,
    require_editable_instrument,
    response_record,
    version_publish,
)

__all__ = [
    "CODE_TAKEN",
    "NOTHING_TO_PUBLISH",
    "NOT_PUBLISHED",
    "OUT_OF_SCOPE",
    "VERSION_FROZEN",
    "DocumentRefused",
    "answer_for",
    "ensure_editable",
    "instrument_clone",
    "instrument_create",
    "instrument_edit_version",
    "instrument_import",
    "instrument_update",
    "require_editable_instrument",
    "response_record",
    "version_publish",
]
