"""The error list of a rejected import as a CSV the user downloads, fixes from and re-uploads."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from sieva.core.exports import render_csv
from sieva.org.imports.employees import RowError


def error_report_headers() -> list[str]:
    return [_("Baris"), _("Kolom"), _("Masalah")]


def error_report_rows(errors: Iterable[RowError]) -> list[list[object]]:
    """One row per problem; the whole-file row 0 shows as an empty cell."""
    return [[error.row or "", error.column, error.message] for error in errors]


def error_report_csv(errors: Iterable[RowError]) -> bytes:
    """UTF-8 CSV (with BOM, for Excel) of `errors`: Baris, Kolom, Masalah."""
    return render_csv(error_report_headers(), error_report_rows(errors))
