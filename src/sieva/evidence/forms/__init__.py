"""Forms of the evidence pages: they parse and label input; the services decide. Every unit,
program and person offered is limited to the study's (or the user's) subtree."""

from sieva.evidence.forms.coding import (
    AdjudicationForm,
    CodeForm,
    CodingForm,
    DoubleCodingForm,
)
from sieva.evidence.forms.planning import (
    CommentForm,
    NominationForm,
    PlanItemForm,
    ProposeForm,
)
from sieva.evidence.forms.practices import (
    PracticeForm,
    ReviewForm,
)
from sieva.evidence.forms.sources import (
    ChecklistForm,
    DocumentForm,
    InterviewForm,
    OpenAnswersForm,
)
from sieva.evidence.forms.studies import (
    GuideQuestionForm,
    StratumForm,
    StudyForm,
    UserChoices,
    team_candidates,
    team_candidates_for,
)

__all__ = [
    "team_candidates",
    "UserChoices",
    "StudyForm",
    "team_candidates_for",
    "GuideQuestionForm",
    "StratumForm",
    "InterviewForm",
    "DocumentForm",
    "ChecklistForm",
    "OpenAnswersForm",
    "CodeForm",
    "CodingForm",
    "DoubleCodingForm",
    "AdjudicationForm",
    "PracticeForm",
    "ReviewForm",
    "ProposeForm",
    "PlanItemForm",
    "CommentForm",
    "NominationForm",
]
