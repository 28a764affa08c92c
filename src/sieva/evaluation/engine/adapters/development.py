"""People development read as evidence: participants' final assessment results (L2),
mentoring outcomes (goal attainment, matched comparison) and follow-up action plans (L3) of the
cohorts evaluated, as plain numbers."""

from django.db.models import QuerySet

from sieva.development.selectors.assessment import ResultSummary, result_summary
from sieva.development.selectors.follow_up import FollowUpSummary, follow_up_summary
from sieva.development.selectors.mentoring_outcomes import MentoringEvidence, mentoring_evidence
from sieva.programs.models import Cohort

__all__ = [
    "FollowUpSummary",
    "MentoringEvidence",
    "ResultSummary",
    "assessment",
    "follow_up",
    "mentoring",
]


def assessment(cohorts: QuerySet[Cohort]) -> ResultSummary:
    """Participants' final scores (tests, assignments, project and BerAKHLAK attitude)."""
    return result_summary(cohorts)


def mentoring(cohorts: QuerySet[Cohort]) -> MentoringEvidence | None:
    """GAS T-scores and matched differences of the cohorts' mentoring schemes (or None)."""
    return mentoring_evidence(cohorts)


def follow_up(cohorts: QuerySet[Cohort]) -> FollowUpSummary:
    """Action plans written, completed and verified, with a few completed ones as cases."""
    return follow_up_summary(cohorts)
