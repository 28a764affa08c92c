"""Every write on programs, cohorts, enrollment, attendance and budget (keyword-only, atomic,
audited). Split by entity; import from here."""

from sieva.programs.services.attendance import attendance_set, is_future
from sieva.programs.services.cohorts import (
    TRANSITIONS,
    allowed_statuses,
    budget_line_delete,
    budget_line_set,
    cohort_create,
    cohort_update,
)
from sieva.programs.services.enrollments import (
    BulkEnrollmentError,
    BulkResult,
    enrollment_add,
    enrollment_remove,
    enrollment_set_status,
    enrollments_add_bulk,
    parse_nips,
)
from sieva.programs.services.jp_store import (
    jp_refresh,
    jp_refresh_session,
    jp_store_compare,
    jp_store_rebuild,
)
from sieva.programs.services.learning import (
    Applied,
    CompletionRecord,
    RecordsRejected,
    learning_records_apply,
)
from sieva.programs.services.participation_store import (
    participation_refresh,
    participation_store_compare,
    participation_store_rebuild,
)
from sieva.programs.services.programs import (
    program_create,
    program_update,
    subject_create,
    subject_delete,
    subject_update,
)
from sieva.programs.services.sessions import (
    session_create,
    session_delete,
    session_update,
)

__all__ = [
    "participation_refresh",
    "participation_store_compare",
    "participation_store_rebuild",
    "jp_refresh",
    "jp_refresh_session",
    "jp_store_compare",
    "jp_store_rebuild",
    "Applied",
    "CompletionRecord",
    "RecordsRejected",
    "learning_records_apply",
    "TRANSITIONS",
    "BulkEnrollmentError",
    "BulkResult",
    "allowed_statuses",
    "attendance_set",
    "is_future",
    "budget_line_delete",
    "budget_line_set",
    "cohort_create",
    "cohort_update",
    "enrollment_add",
    "enrollment_remove",
    "enrollment_set_status",
    "enrollments_add_bulk",
    "parse_nips",
    "program_create",
    "program_update",
    "session_create",
    "session_delete",
    "session_update",
    "subject_create",
    "subject_delete",
    "subject_update",
]
