"""Is an IKM figure based on enough respondents? (decision 0057)

PermenPANRB 14/2017 sizes the SKM sample with Krejcie & Morgan's table from the population
of service users. A unit's `service_population` is per year, so the population of a period is
its share of the year (``⌈N × months / 12⌉``); the figure warns below Krejcie–Morgan's sample
for that population, computed by `sieva.analysis.sampling.krejcie_morgan`. Without a
population the warning falls back to ``SIEVA_SKM_MIN_RESPONDENTS`` (default 30, Roscoe 1975).
"""

import math
from dataclasses import dataclass

from django.conf import settings

from sieva.analysis.sampling import krejcie_morgan

KREJCIE_MORGAN = "krejcie-morgan"
MINIMUM = "minimum"


@dataclass(frozen=True)
class SampleCheck:
    """`required` respondents by `basis` (Krejcie–Morgan for `population`, else the setting)."""

    respondents: int
    required: int
    basis: str
    population: int | None

    @property
    def below(self) -> bool:
        return self.respondents < self.required


def sample_check(respondents: int, annual_population: int | None, months: int) -> SampleCheck:
    """The sample check of `respondents` over a period of `months` months."""
    if annual_population:
        population = max(1, math.ceil(annual_population * months / 12))
        required = krejcie_morgan(population).n
        return SampleCheck(respondents, required, KREJCIE_MORGAN, population)
    return SampleCheck(respondents, int(settings.SIEVA_SKM_MIN_RESPONDENTS), MINIMUM, None)
