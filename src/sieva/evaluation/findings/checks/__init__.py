"""One function per rule of the rules file, by the rule's code; each returns its drafts."""

from collections.abc import Callable

from sieva.evaluation.findings.checks import behaviour, cost, participation, reaction, results
from sieva.evaluation.findings.draft import Context, Draft
from sieva.evaluation.findings.ruleset import RuleSpec

Check = Callable[[Context, RuleSpec], list[Draft]]

CHECKS: dict[str, Check] = {
    "participation_below_target": participation.participation_below_target,
    "completion_below_target": participation.completion_below_target,
    "planning_without_participants": participation.planning_without_participants,
    "cohort_status_overdue": participation.cohort_status_overdue,
    "reaction_not_applicable": reaction.reaction_not_applicable,
    "unreliable_instrument": reaction.unreliable_instrument,
    "response_rate_low": reaction.response_rate_low,
    "learning_not_applied": behaviour.learning_not_applied,
    "no_follow_up": behaviour.no_follow_up,
    "no_leadership_support": behaviour.no_leadership_support,
    "no_behaviour_evaluation": behaviour.no_behaviour_evaluation,
    "ikm_change": results.ikm_change,
    "indicator_change": results.indicator_change,
    "budget_realisation": cost.budget_realisation,
    "unit_cost_high": cost.unit_cost_high,
    "roi": cost.roi,
}
