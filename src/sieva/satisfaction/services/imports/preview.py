"""The preview of an upload: the proposed mapping and its first rows as they would be stored.

Runs the import's own checks (`Validator`) on the first rows, so what the preview shows is
what the import will store — or the problems it will report.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import IO, Any

from django.db import connection
from django.utils import timezone

from sieva.core.tables import Table, UnreadableFile, read_table
from sieva.org.access import Access
from sieva.org.models import OrgUnit
from sieva.satisfaction.elements import ELEMENTS, PROFILE
from sieva.satisfaction.mapping import WHEN, Mapping
from sieva.satisfaction.selectors import service_units
from sieva.satisfaction.services.imports import skm_mapping, times_in_utc
from sieva.satisfaction.services.imports.errors import RowError
from sieva.satisfaction.services.imports.validate import Validator
from sieva.satisfaction.services.imports.write import COLUMNS

__all__ = ["PREVIEW_ROWS", "PreviewRow", "SkmPreview", "skm_preview"]
PREVIEW_ROWS = 5


@dataclass(frozen=True)
class PreviewRow:
    row: int
    unit: str
    submitted_at: dt.datetime
    answers: list[int | None]  # in `ELEMENTS` order
    profile: list[str]  # in `PROFILE` order


@dataclass
class SkmPreview:
    header: list[str]
    mapping: Mapping | None = None
    rows: list[PreviewRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    read_as: str = ""


def skm_preview(
    file_obj: IO[bytes],
    filename: str,
    *,
    access: Access,
    unit: OrgUnit | None,
    columns: dict[str, str] | None = None,
) -> SkmPreview:
    """The mapping of the file (the user's `columns` over the saved or recognised one) and
    its first `PREVIEW_ROWS` rows translated, or the problems found in them."""
    try:
        table = read_table(file_obj, filename)
    except UnreadableFile as exc:
        return SkmPreview([], errors=[RowError(0, "", str(exc))])
    preview = SkmPreview(table.header, read_as=table.detected.describe())
    mapping = preview.mapping = skm_mapping(table.header, access=access, unit=unit, columns=columns)
    layout = mapping.layout
    if WHEN not in layout or not all(code in layout for code in ELEMENTS):
        return preview
    units = {code.upper(): pk for code, pk in service_units(access).values_list("code", "id")}
    names = {pk: code for code, pk in units.items()}
    validator = Validator(
        table.header,
        layout,
        units,
        timezone.localdate(),
        utc_suffix="+00:00" if connection.vendor == "postgresql" else "",
        fixed_unit=unit.pk if unit else None,
        naive_utc=times_in_utc(table.header, layout),
    )
    try:
        _first_rows(preview, table, validator, names, unit)
    except UnreadableFile as exc:
        preview.errors = [RowError(0, "", str(exc))]
    return preview


def _first_rows(
    preview: SkmPreview,
    table: Table,
    validator: Validator,
    names: dict[int, str],
    unit: OrgUnit | None,
) -> None:
    for first, chunk in table.chunks(PREVIEW_ROWS):
        checked = validator.check(first, chunk)
        if checked is None:
            preview.errors = sorted(validator.errors, key=lambda e: e.row)
        else:
            varying = [c for c in COLUMNS if c not in checked.constants]
            for number, values in zip(range(first, first + len(chunk)), checked.rows, strict=False):
                stored: dict[str, Any] = {
                    **checked.constants,
                    **dict(zip(varying, values, strict=True)),
                }
                utc = dt.datetime.fromisoformat(str(stored["submitted_at"])[:19]).replace(
                    tzinfo=dt.UTC
                )
                preview.rows.append(
                    PreviewRow(
                        number,
                        names.get(stored["unit_id"], unit.code if unit else ""),
                        timezone.localtime(utc),
                        [stored[code] for code in ELEMENTS],
                        [stored[p.field] for p in PROFILE],
                    )
                )
        break
