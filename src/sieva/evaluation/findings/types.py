"""What the findings engine returns (the contract between rules, recommendations and reports).

A finding states something the evaluation result shows, with the numbers it stands on; a
recommendation says what to do about it. Weak evidence turns a recommendation into "perlu
kajian lebih lanjut" (further study) instead of a confident claim.
"""

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

from sieva.evaluation.engine.figures import Design


class Severity(IntEnum):
    INFO = 0  # worth knowing, no action needed
    LOW = 1
    MEDIUM = 2
    HIGH = 3


class Strength(StrEnum):
    """How firmly the evidence supports the finding."""

    STRONG = "kuat"  # interval clear of the threshold, enough people, design at least pre/post
    MODERATE = "sedang"  # clear of the threshold but post-only, or few units
    WEAK = "lemah"  # interval crosses the threshold, n too small: "perlu kajian lebih lanjut"


@dataclass(frozen=True)
class Evidence:
    """One number a finding stands on, traceable to its source page."""

    key: str  # the engine figure's key, e.g. "l0.participation_rate"
    label: str
    value: float | None
    unit: str
    ci: tuple[float, float] | None
    n: int
    design: Design
    source: str


@dataclass(frozen=True)
class Recommendation:
    code: str  # the template's code in the rules file
    text: str  # filled in, in the user's language
    priority: int  # 1 (highest) … 5, from impact × confidence
    further_study: bool  # weak evidence: "perlu kajian lebih lanjut", not an instruction


@dataclass(frozen=True)
class Finding:
    rule: str  # the rule's code in the rules file, e.g. "participation_below_target"
    rules_version: str
    level: str  # "L0" … "L5", or "instrumen" for measurement problems
    statement: str  # filled in, in the user's language
    severity: Severity
    strength: Strength
    evidence: tuple[Evidence, ...]
    threshold: float | None
    recommendations: tuple[Recommendation, ...] = field(default_factory=tuple)
    # Added by the findings engine (defaults keep the original contract):
    subject: str = ""  # what the rule fired on when it can fire more than once (a scale code…)
    priority: int = 5  # of the finding: the best (lowest) of its recommendations' priorities
    strength_reasons: tuple[str, ...] = ()  # why the strength is not STRONG, in the user's language

    @property
    def key(self) -> str:
        """Stable identity within one evaluation: rule plus subject (for storing and linking)."""
        return f"{self.rule}:{self.subject}" if self.subject else self.rule

    @property
    def further_study(self) -> bool:
        return self.strength is Strength.WEAK


def finding_from_json(data: dict) -> Finding:  # type: ignore[type-arg]
    """A finding back from its stored JSON (a report snapshot keeps its findings that way)."""
    return Finding(
        rule=data["rule"],
        rules_version=data["rules_version"],
        level=data["level"],
        statement=data["statement"],
        severity=Severity(int(data["severity"])),
        strength=Strength(data["strength"]),
        evidence=tuple(
            Evidence(
                e["key"],
                e["label"],
                e["value"],
                e["unit"],
                tuple(e["ci"]) if e.get("ci") else None,  # type: ignore[arg-type]
                e["n"],
                Design(int(e["design"])),
                e["source"],
            )
            for e in data.get("evidence", [])
        ),
        threshold=data.get("threshold"),
        recommendations=tuple(
            Recommendation(r["code"], r["text"], int(r["priority"]), bool(r["further_study"]))
            for r in data.get("recommendations", [])
        ),
        subject=data.get("subject", ""),
        priority=int(data.get("priority", 5)),
        strength_reasons=tuple(data.get("strength_reasons", ())),
    )
