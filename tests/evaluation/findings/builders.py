"""Evaluation results built directly from the engine's dataclasses (no database): a calm
result where no rule fires, and `with_*` helpers that change one thing at a time."""

from dataclasses import replace
from decimal import Decimal

from sieva.evaluation.engine.figures import Caveat, CaveatKind, Design, Figure
from sieva.evaluation.engine.levels.behaviour import BehaviourLevel, Mention, RaterResult
from sieva.evaluation.engine.levels.cost import CostLevel
from sieva.evaluation.engine.levels.learning import LearningLevel
from sieva.evaluation.engine.levels.participation import ParticipationLevel, Reason
from sieva.evaluation.engine.levels.reaction import ReactionLevel
from sieva.evaluation.engine.levels.results import OutcomeEffect, ResultsLevel
from sieva.evaluation.engine.levels.scales import ScaleResult
from sieva.evaluation.engine.result import EvaluationResult
from sieva.evaluation.engine.scope import Scope
from sieva.programs.selectors.participation import Funnel


def fig(key, value, n=100, ci=None, unit="%", design=Design.RECORDS, caveats=()):
    return Figure(key, key, value, n, unit, ci=ci, design=design, caveats=caveats, source="/x/")


def scale(code, mean, *, ci=(4.0, 4.4), n=80, alpha=0.85, alpha_ci=(0.80, 0.90), band="tinggi"):
    figure = fig(f"l1.{code}", mean, n, ci, "skor 1–5", Design.POST_ONLY)
    return ScaleResult(code, code.capitalize(), figure, band, alpha, alpha_ci, n, 3)


def rater(kind="atasan", *, applied=75.0, ci=(65.0, 83.0), n=60, barriers=(), response=90.0):
    return RaterResult(
        kind,
        kind.capitalize(),
        fig(f"l3.{kind}.response_rate", response, 60, (80.0, 95.0)),
        (),
        fig(f"l3.{kind}.application_rate", applied, n, ci, design=Design.POST_ONLY),
        tuple(barriers),
        (),
    )


def outcome(key, value, ci, *, units=6, comparison=6, design=Design.PRE_POST_COMPARISON):
    effect = fig(f"{key}.effect", value, units + comparison, ci, "NIK", design)
    return OutcomeEffect(
        "IKM",
        "NIK",
        False,
        units,
        comparison,
        fig(f"{key}.before", 80.0, units, unit="NIK"),
        fig(f"{key}.after", 80.0 + value, units, unit="NIK"),
        effect,
        None,
        None,
        (),
    )


def money(key, value, n=90):
    return fig(key, value, n, None, "Rp")


def calm() -> EvaluationResult:
    """A result on which no rule fires."""
    return EvaluationResult(
        scope=Scope(),
        cohort_count=3,
        program_count=1,
        l0=ParticipationLevel(
            Funnel(100, 95, 90, 85, 5),
            fig("l0.participation_rate", 90.0, 100, (82.6, 94.5)),
            fig("l0.completion_rate", 94.4, 90, (87.6, 97.6)),
            (),
            None,
        ),
        l1=ReactionLevel(
            1,
            fig("l1.response_rate", 90.0, 90, (82.0, 95.0)),
            (scale("penerapan", 4.2), scale("materi", 4.1)),
        ),
        l2=LearningLevel(
            80,
            0,
            100.0,
            fig("l2.pre", 60.0, 80, (57.0, 63.0), "poin", Design.PRE_POST),
            fig("l2.post", 72.0, 80, (69.0, 75.0), "poin", Design.PRE_POST),
            fig("l2.gain", 12.0, 80, (9.0, 15.0), "poin", Design.PRE_POST),
            fig("l2.pass_rate", 80.0, 80, (70.0, 87.0), design=Design.PRE_POST),
            None,
            None,
            None,
            None,
            None,
            None,
        ),
        l3=BehaviourLevel((rater(),)),
        l4=ResultsLevel(None, ()),
        l5=CostLevel(
            Decimal("100000000"),
            Decimal("92000000"),
            fig("l5.realisation", 92.0, 100),
            money("l5.per_participant", 1_000_000.0),
            money("l5.per_completer", 1_100_000.0),
            money("l5.per_jp", 2_000_000.0),
            money("l5.per_participant_jp", 40_000.0),
        ),
    )


def with_l0(result, **changes):
    return replace(result, l0=replace(result.l0, **changes))


def with_l5(result, **changes):
    return replace(result, l5=replace(result.l5, **changes))


def low_response():
    return Caveat(CaveatKind.LOW_RESPONSE, "rendah")


__all__ = ["Mention", "Reason", "calm", "fig", "outcome", "rater", "scale", "with_l0", "with_l5"]
