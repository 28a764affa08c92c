"""Rows of the cohort exports that are not the participant list: attendance grid and budget."""

from typing import Any

from django.utils.translation import gettext as _

from sieva.programs.selectors.cohorts import AttendanceMatrix, BudgetSummary


def attendance_export(matrix: AttendanceMatrix) -> tuple[list[str], list[list[Any]]]:
    """(headers, rows): one row per participant, 1/0 per session, then sessions and JP."""
    headers = [
        _("NIP"),
        _("Nama"),
        _("Status"),
        *[f"{s.date:%d-%m-%Y} {s.title}" for s in matrix.sessions],
        _("Sesi dihadiri"),
        _("JP dihadiri"),
    ]
    rows = [
        [
            row.enrollment.employee.nip,
            row.enrollment.employee.name,
            row.enrollment.get_status_display(),
            *[1 if cell.present else 0 for cell in row.cells],
            row.sessions_attended,
            row.jp_attended,
        ]
        for row in matrix.rows
    ]
    return headers, rows


def budget_export(summary: BudgetSummary) -> tuple[list[str], list[list[Any]]]:
    """(headers, rows): one row per cost category with a line, then the total."""
    headers = [_("Kategori biaya"), _("Rencana (Rp)"), _("Realisasi (Rp)"), _("Realisasi (%)")]
    rows: list[list[Any]] = [
        [row.label, row.line.planned, row.line.realised, row.realisation_pct]
        for row in summary.rows
        if row.line is not None
    ]
    rows.append([_("Jumlah"), summary.planned, summary.realised, summary.realisation_pct])
    return headers, rows
