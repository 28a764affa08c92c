"""Every read of the program pages (N+1-free; query counts pinned by tests), the participation
funnel and the 20 JP figures the evaluation engine and the reports consume. Import from here."""

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
from sieva.programs.selectors.jp import (
    EmployeeJp,
    employees_in_scope,
    jp_compliance,
    pns_meeting_minimum,
)
from sieva.programs.selectors.jp_recap import RECAP_HEADERS, jp_recap_rows
from sieva.programs.selectors.jp_report import PERSONAL_TABLES, JpReport, jp_report
from sieva.programs.selectors.learning_record import employee_jp_by_year, employee_training_history
from sieva.programs.selectors.participation import EMPTY_FUNNEL, Funnel, funnel_by, funnel_total
from sieva.programs.selectors.participation_report import (
    ParticipationFilter,
    ParticipationReport,
    participation_report,
    report_cohorts,
)
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
    "RECAP_HEADERS",
    "jp_recap_rows",
    "EMPTY_FUNNEL",
    "PERSONAL_TABLES",
    "EmployeeJp",
    "Funnel",
    "JpReport",
    "ParticipationFilter",
    "ParticipationReport",
    "employee_jp_by_year",
    "employee_training_history",
    "employees_in_scope",
    "funnel_by",
    "funnel_total",
    "jp_compliance",
    "jp_report",
    "participation_report",
    "pns_meeting_minimum",
    "report_cohorts",
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
