"""The only bridge from the database to `sieva.analysis`: each function reads what one level
needs for a set of cohorts and returns plain numbers, lists and dicts (no model instances),
so the levels can be tested and reasoned about without the ORM. One module per kind of
evidence; import from here."""

from sieva.evaluation.engine.adapters.learning import LearningScores, learning_scores
from sieva.evaluation.engine.adapters.outcomes import (
    IndicatorPanel,
    Panel,
    comparison_service_units,
    ikm_panel,
    indicator_panels,
    trained_service_units,
)
from sieva.evaluation.engine.adapters.questionnaires import (
    LIKERT_RANGE,
    OVERALL,
    ChoiceCounts,
    ResponseRate,
    ScaleResponses,
    campaigns_for,
    choice_counts,
    numeric_answers,
    response_rate,
    scale_responses,
)
from sieva.evaluation.engine.adapters.records import (
    CostRecords,
    ParticipationRecords,
    benefit_claims_for,
    cost_records,
    participation_records,
)

__all__ = [
    "LIKERT_RANGE",
    "OVERALL",
    "ChoiceCounts",
    "CostRecords",
    "IndicatorPanel",
    "LearningScores",
    "Panel",
    "ParticipationRecords",
    "ResponseRate",
    "ScaleResponses",
    "benefit_claims_for",
    "campaigns_for",
    "choice_counts",
    "comparison_service_units",
    "cost_records",
    "ikm_panel",
    "indicator_panels",
    "learning_scores",
    "numeric_answers",
    "participation_records",
    "response_rate",
    "scale_responses",
    "trained_service_units",
]
