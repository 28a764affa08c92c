"""Everything one report is generated from, gathered once so each section only reads it."""

from collections.abc import Iterator
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

from sieva.evaluation.engine.figures import Figure
from sieva.evaluation.engine.result import EvaluationResult
from sieva.evaluation.findings.types import Finding
from sieva.evaluation.verdict import ProgramVerdict
from sieva.evidence.selectors.themes import ReportThemes
from sieva.programs.models import Cohort
from sieva.reports.selectors import ScopeFacts

LEVELS = ("l0", "l1", "l2", "l3", "l4", "l5")


@dataclass(frozen=True)
class CaseStudy:
    cohort: Cohort
    result: EvaluationResult


@dataclass(frozen=True)
class ReportInput:
    result: EvaluationResult
    findings: list[Finding]
    facts: ScopeFacts
    case: CaseStudy | None
    scope_label: str
    author: str
    verdict: ProgramVerdict
    previous: list[dict[str, Any]] = field(default_factory=list)  # last period's recommendations
    qualitative: ReportThemes | None = None  # issue 13: themes of the qualitative studies

    @property
    def target(self) -> float | None:
        """The participation target, when the report covers exactly one program."""
        programs = self.facts.programs
        return float(programs[0].participation_target) if len(programs) == 1 else None


def figures_in(value: Any) -> Iterator[Figure]:
    """Every engine figure inside a level (or the whole result), in field order."""
    if isinstance(value, Figure):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from figures_in(getattr(value, f.name))
    elif isinstance(value, list | tuple):
        for v in value:
            yield from figures_in(v)
