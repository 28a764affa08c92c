"""Result types shared by several analysis modules."""

from dataclasses import dataclass

__all__ = ["ConfidenceInterval", "EffectSize"]


@dataclass(frozen=True)
class ConfidenceInterval:
    """A two-sided interval ``[low, high]`` at confidence ``level`` (e.g. 0.95)."""

    low: float
    high: float
    level: float

    def __contains__(self, value: float) -> bool:
        return self.low <= value <= self.high

    def as_list(self) -> list[float]:
        """``[low, high]``, convenient for JSON output."""
        return [self.low, self.high]


@dataclass(frozen=True)
class EffectSize:
    """A standardised effect size with its confidence interval.

    ``name`` says which estimator it is (``"d_z"``, ``"g_av"``, ``"g"``) and ``method`` how
    its interval was obtained (``"noncentral t"`` or ``"normal approximation"``).
    """

    name: str
    value: float
    ci: ConfidenceInterval
    method: str
