"""The typed result of one evaluation: the scope, the cohorts it covers and each level."""

from dataclasses import dataclass

from sieva.evaluation.engine.levels.cost import CostLevel
from sieva.evaluation.engine.levels.participation import ParticipationLevel
from sieva.evaluation.engine.scope import Scope


@dataclass(frozen=True)
class EvaluationResult:
    scope: Scope
    cohort_count: int
    program_count: int
    l0: ParticipationLevel
    l5: CostLevel
