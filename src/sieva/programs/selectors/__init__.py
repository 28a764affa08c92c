"""Every read of the program pages (N+1-free; query counts pinned by tests). Import from here."""

from sieva.programs.selectors.attendance import (
    ATTENDANCE_PAGE_SIZE,
    AttendancePage,
    attendance_page,
    attendance_row,
)
from sieva.programs.selectors.cohorts import (
    AttendanceMatrix,
    BudgetSummary,
    CohortPage,
    MatrixCell,
    attendance_cell,
    attendance_matrix,
    budget_summary,
    cohort_enrollments,
    cohort_funnel,
    cohort_page,
    cohort_sessions,
    completion_pct,
    overspend_warning,
    participation_pct,
    status_counts,
)
from sieva.programs.selectors.exports import attendance_export, budget_export
from sieva.programs.selectors.people import (
    SEARCH_MIN_LENGTH,
    bulk_units,
    enrollment_candidates,
    participant_export,
)
from sieva.programs.selectors.programs import (
    ProgramDetail,
    ProgramFilter,
    program_detail,
    program_export_headers,
    program_export_rows,
    program_list,
)

__all__ = [
    "overspend_warning",
    "ATTENDANCE_PAGE_SIZE",
    "AttendancePage",
    "attendance_page",
    "attendance_row",
    "SEARCH_MIN_LENGTH",
    "AttendanceMatrix",
    "BudgetSummary",
    "CohortPage",
    "MatrixCell",
    "ProgramDetail",
    "ProgramFilter",
    "attendance_cell",
    "attendance_export",
    "attendance_matrix",
    "budget_export",
    "budget_summary",
    "bulk_units",
    "cohort_enrollments",
    "cohort_funnel",
    "cohort_page",
    "cohort_sessions",
    "completion_pct",
    "enrollment_candidates",
    "participant_export",
    "participation_pct",
    "program_detail",
    "program_export_headers",
    "program_export_rows",
    "program_list",
    "status_counts",
]
