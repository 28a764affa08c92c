"""The evaluation engine: a scope in, every Kirkpatrick/Phillips level out, each figure with
its n, interval, design and caveats (docs/decisions/0012-evaluation-engine.md)."""

from django.db.models import Count
from django.utils import timezone

from sieva.evaluation.engine.levels.behaviour import behaviour_level
from sieva.evaluation.engine.levels.cost import cost_level
from sieva.evaluation.engine.levels.learning import learning_level
from sieva.evaluation.engine.levels.participation import participation_level
from sieva.evaluation.engine.levels.reaction import reaction_level
from sieva.evaluation.engine.levels.results import results_level
from sieva.evaluation.engine.result import EvaluationResult
from sieva.evaluation.engine.scope import Scope, cohorts_in_scope
from sieva.org.access import Access
from sieva.programs.inclusion import evaluated, pending_cohorts

__all__ = ["EvaluationResult", "Scope", "evaluate"]


def evaluate(access: Access, scope: Scope) -> EvaluationResult:
    """Evaluate every level for the finished cohorts of `scope` inside the user's subtree;
    the scope's planned, open and running cohorts are listed apart (`pending`)."""
    in_scope = cohorts_in_scope(access, scope)
    cohorts = evaluated(in_scope)
    counts = cohorts.aggregate(cohorts=Count("pk"), programs=Count("program", distinct=True))
    return EvaluationResult(
        scope=scope,
        cohort_count=counts["cohorts"],
        program_count=counts["programs"],
        l0=participation_level(cohorts),
        l1=reaction_level(cohorts),
        l2=learning_level(cohorts),
        l3=behaviour_level(cohorts),
        l4=results_level(access, cohorts),
        l5=cost_level(cohorts, cohort_level_only=scope.cohort_id is not None),
        pending=pending_cohorts(in_scope, timezone.localdate()),
    )
