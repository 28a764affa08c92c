"""Writes to qualitative evidence (HackSoft style: keyword-only, atomic, audited)."""

from sieva.evidence.services.agreement import adjudicate, double_sample_draw
from sieva.evidence.services.coding import (
    code_delete,
    code_save,
    coding_add,
    coding_mark_exemplar,
    coding_remove,
    source_finish,
    suggestion_accept,
    suggestion_reject,
    suggestions_make,
)
from sieva.evidence.services.planning import (
    nomination_add,
    plan_advance,
    plan_comment_add,
    plan_item_save,
    plan_propose,
)
from sieva.evidence.services.practices import (
    practice_feedback,
    practice_review,
    practice_save,
    practice_submit,
)
from sieva.evidence.services.sources import (
    document_review,
    document_save,
    interview_save,
    open_answers_import,
)
from sieva.evidence.services.studies import (
    guide_question_delete,
    guide_question_save,
    stratum_delete,
    stratum_save,
    study_save,
)

__all__ = [
    "adjudicate",
    "code_delete",
    "code_save",
    "coding_add",
    "coding_mark_exemplar",
    "coding_remove",
    "double_sample_draw",
    "source_finish",
    "suggestion_accept",
    "suggestion_reject",
    "suggestions_make",
    "document_review",
    "document_save",
    "guide_question_delete",
    "guide_question_save",
    "interview_save",
    "nomination_add",
    "open_answers_import",
    "plan_advance",
    "plan_comment_add",
    "plan_item_save",
    "plan_propose",
    "practice_feedback",
    "practice_review",
    "practice_save",
    "practice_submit",
    "stratum_delete",
    "stratum_save",
    "study_save",
]
