"""Result types and codes shared by several analysis modules.

``sieva.analysis`` returns codes, never prose: every category, band, grade, method and warning
is a member of a `StrEnum` whose value is a stable English ``snake_case`` code, and a warning is
a `Notice` that carries the numbers its message needs. Words for people (Indonesian, English)
live above this floor, in ``sieva.core.labels`` for the web app and in the same table for the
``sieva analyze`` command.

Codes of this module
--------------------
`PValueMethod`: ``exact`` (exact null distribution), ``normal_approximation``.
`IntervalMethod`: ``noncentral_t`` (inverted noncentral t), ``normal_approximation``.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["ConfidenceInterval", "EffectSize", "IntervalMethod", "Notice", "PValueMethod"]


class PValueMethod(StrEnum):
    """How a rank test's p-value was obtained."""

    EXACT = "exact"
    NORMAL_APPROXIMATION = "normal_approximation"


class IntervalMethod(StrEnum):
    """How an effect size's interval was obtained."""

    NONCENTRAL_T = "noncentral_t"
    NORMAL_APPROXIMATION = "normal_approximation"


@dataclass(frozen=True)
class Notice:
    """A condition a reader of the result must know about: a code and the numbers it cites.

    ``code`` is a member of the emitting module's code enum (e.g. ``did.DidWarning``), so two
    modules may use the same word without meaning the same thing; ``params`` maps the names of
    the message's placeholders to their values.

    Examples
    --------
    >>> from sieva.analysis.did import DidWarning
    >>> Notice(DidWarning.FEW_CLUSTERS, {"n_clusters": 12, "min_clusters": 30}).params
    {'n_clusters': 12, 'min_clusters': 30}
    """

    code: StrEnum
    params: Mapping[str, int | float] = field(default_factory=dict)


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
    its interval was obtained.
    """

    name: str
    value: float
    ci: ConfidenceInterval
    method: IntervalMethod
