"""The evidence app's models, one module per part (studies, sources, coding)."""

from sieva.evidence.models.coding import Adjudication, Assignment, Code, Coding, ThemeKind
from sieva.evidence.models.planning import (
    Nomination,
    PlanComment,
    PlanItem,
    PlanStatus,
    TrainingPlan,
)
from sieva.evidence.models.practices import (
    FeedbackKind,
    Practice,
    PracticeFeedback,
    PracticeKind,
    PracticeStatus,
)
from sieva.evidence.models.sources import (
    Document,
    DocumentType,
    Interview,
    InterviewMode,
    Source,
    SourceKind,
)
from sieva.evidence.models.studies import GuideQuestion, SampleStratum, Study

__all__ = [
    "Adjudication",
    "Assignment",
    "Code",
    "Coding",
    "Document",
    "FeedbackKind",
    "Nomination",
    "PlanComment",
    "PlanItem",
    "PlanStatus",
    "Practice",
    "PracticeFeedback",
    "PracticeKind",
    "PracticeStatus",
    "TrainingPlan",
    "DocumentType",
    "GuideQuestion",
    "Interview",
    "InterviewMode",
    "SampleStratum",
    "Source",
    "SourceKind",
    "Study",
    "ThemeKind",
]
