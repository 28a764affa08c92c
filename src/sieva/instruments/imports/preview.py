"""The first rows of a job as they will be stored, for the preview step."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import formats, timezone

from sieva.instruments.imports.rows import RowError, file_rows
from sieva.instruments.imports.services import reader_for
from sieva.instruments.models.imports import ResponseImport

PREVIEW_ROWS = 10


@dataclass(frozen=True)
class PreviewRow:
    row: int
    nip: str
    submitted_at: dt.datetime | None
    cells: list[str]
    errors: list[RowError]


@dataclass(frozen=True)
class Preview:
    codes: list[str]
    rows: list[PreviewRow]


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}={v}" for k, v in value.items())
    if isinstance(value, dt.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


def preview(job: ResponseImport, limit: int = PREVIEW_ROWS) -> Preview:
    """Up to `limit` rows read through the confirmed mapping: values as they will be stored
    (codes, numbers, ISO dates) and each row's own problems."""
    reader = reader_for(job)
    numbered = file_rows(bytes(job.content), job.filename).rows
    codes = [item.code for item in reader.spec.items]
    rows = []
    for number, cells in numbered[:limit]:
        read = reader.read(number, cells)
        moment = timezone.localtime(read.submitted_at) if read.submitted_at else None
        rows.append(
            PreviewRow(
                read.row,
                read.nip,
                moment,
                [_shown(read.answers.get(c)) for c in codes],
                read.errors,
            )
        )
    return Preview(codes, rows)
