"""Findings and recommendations drawn from an evaluation result by declarative rules
(rules.toml; docs/decisions/0013-findings-and-recommendations.md)."""

from sieva.evaluation.findings.engine import derive_findings, findings_from
from sieva.evaluation.findings.types import Evidence, Finding, Recommendation, Severity, Strength

__all__ = [
    "Evidence",
    "Finding",
    "Recommendation",
    "Severity",
    "Strength",
    "derive_findings",
    "findings_from",
]
