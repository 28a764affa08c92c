"""The evidence app's models, one module per part (studies, sources, coding)."""

from sieva.evidence.models.coding import Adjudication, Assignment, Code, Coding, ThemeKind
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
