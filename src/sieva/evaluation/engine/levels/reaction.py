"""L1 — reaction: per scale (relevance, applicability, materials, facilitator, organisation,
commitment…) the mean with its interval, Cronbach's alpha and the response rate."""

from dataclasses import dataclass

from django.db.models import QuerySet

from sieva.evaluation.engine import adapters
from sieva.evaluation.engine.figures import Design, Figure
from sieva.evaluation.engine.levels.common import response_rate_figure
from sieva.evaluation.engine.levels.scales import ScaleResult, scale_result
from sieva.instruments.models import Purpose
from sieva.programs.models import Cohort

SOURCE = "/instrumen/kampanye/?purpose=reaksi"


@dataclass(frozen=True)
class ReactionLevel:
    campaigns: int
    response_rate: Figure
    scales: tuple[ScaleResult, ...]

    @property
    def overall(self) -> ScaleResult | None:
        """The pooled score of all items (or the only scale there is)."""
        for scale in self.scales:
            if scale.code == adapters.OVERALL:
                return scale
        return self.scales[0] if len(self.scales) == 1 else None


def reaction_level(cohorts: QuerySet[Cohort]) -> ReactionLevel:
    campaigns = adapters.campaigns_for(cohorts, Purpose.REACTION)
    rate = adapters.response_rate(campaigns, cohorts)
    scales = tuple(
        scale_result("l1", scale, Design.POST_ONLY, SOURCE)
        for scale in adapters.scale_responses(campaigns)
    )
    return ReactionLevel(
        campaigns=campaigns.count(),
        response_rate=response_rate_figure("l1.response_rate", rate, SOURCE),
        scales=scales,
    )
