"""Scale scores (constructs) from a respondents × items matrix: each respondent's mean over
the items they answered, the scale mean with its interval, and Cronbach's alpha over the
respondents who answered every item."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from sieva.analysis.descriptive import LikertBand, likert_band
from sieva.analysis.reliability import cronbach_alpha
from sieva.core import numbers
from sieva.evaluation.engine.adapters import ScaleResponses
from sieva.evaluation.engine.figures import Caveat, CaveatKind, Design, Figure
from sieva.evaluation.engine.levels.common import mean_figure, min_cell


@dataclass(frozen=True)
class ScaleResult:
    code: str
    name: str
    mean: Figure
    band: LikertBand | None  # the DOMAIN.md Likert band, for 1–5 scales
    alpha: float | None
    alpha_ci: tuple[float, float] | None
    alpha_n: int
    items: int


def respondent_scores(scale: ScaleResponses) -> list[float]:
    """Each respondent's mean over the scale's items they answered; respondents who answered
    fewer than half of the items are left out (a scale score needs most of its items)."""
    needed = (len(scale.items) + 1) // 2
    scores = []
    for row in scale.rows:
        answered = [v for v in row if v is not None]
        if len(answered) >= needed:
            scores.append(sum(answered) / len(answered))
    return scores


def scale_result(key: str, scale: ScaleResponses, design: Design, source: str) -> ScaleResult:
    unit = _("skor %(low)d–%(high)d") % {"low": scale.low, "high": scale.high}
    mean = mean_figure(
        f"{key}.{scale.code}",
        scale.name,
        respondent_scores(scale),
        unit=unit,
        design=design,
        source=source,
    )
    complete = [row for row in scale.rows if all(v is not None for v in row)]
    alpha = alpha_ci = None
    if len(scale.items) >= 2 and len(complete) >= max(3, min_cell()):
        try:
            result = cronbach_alpha(complete, item_names=scale.items)
        except ValueError:  # no variance at all: alpha is undefined, not zero
            result = None
        if result is not None:
            alpha, alpha_ci = result.alpha, (result.ci.low, result.ci.high)
            if alpha < float(settings.SIEVA_MIN_ALPHA):
                shown, limit = numbers.compared(alpha, float(settings.SIEVA_MIN_ALPHA))
                mean = mean.with_caveat(
                    Caveat(
                        CaveatKind.UNRELIABLE_SCALE,
                        _("Skala kurang reliabel: alpha Cronbach %(alpha)s, di bawah %(min)s.")
                        % {"alpha": shown, "min": limit},
                    )
                )
    band = None
    if mean.value is not None and (scale.low, scale.high) == (1, 5):
        band = likert_band(mean.value)
    return ScaleResult(
        scale.code, scale.name, mean, band, alpha, alpha_ci, len(complete), len(scale.items)
    )
