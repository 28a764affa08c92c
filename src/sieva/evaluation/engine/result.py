"""The typed result of one evaluation: the scope, the cohorts it covers and each level."""

from dataclasses import dataclass

from sieva.evaluation.engine.levels.behaviour import BehaviourLevel
from sieva.evaluation.engine.levels.cost import CostLevel
from sieva.evaluation.engine.levels.learning import LearningLevel
from sieva.evaluation.engine.levels.participation import ParticipationLevel
from sieva.evaluation.engine.levels.reaction import ReactionLevel
from sieva.evaluation.engine.levels.results import ResultsLevel
from sieva.evaluation.engine.scope import Scope
from sieva.programs.inclusion import PendingCohort


@dataclass(frozen=True)
class EvaluationResult:
    """Every level over the scope's finished cohorts (`cohort_count` of them, in
    `program_count` programs); `pending` lists the cohorts not counted yet."""

    scope: Scope
    cohort_count: int
    program_count: int
    l0: ParticipationLevel
    l1: ReactionLevel
    l2: LearningLevel
    l3: BehaviourLevel
    l4: ResultsLevel
    l5: CostLevel
    pending: tuple[PendingCohort, ...] = ()

    @property
    def overdue(self) -> tuple[PendingCohort, ...]:
        return tuple(c for c in self.pending if c.overdue)
