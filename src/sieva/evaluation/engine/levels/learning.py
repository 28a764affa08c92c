"""L2 — learning: pre/post test scores paired by person (or pseudonym): paired t and Wilcoxon,
the mean gain with its interval, Cohen's d_z and Hedges' g_av, Hake's normalised gain, the
pass rate, and whether those who skipped the post-test started differently (attrition)."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sieva.analysis.gain import (
    AttritionCheck,
    AttritionVerdict,
    NormalizedGain,
    attrition_check,
    normalized_gain,
)
from sieva.analysis.paired import (
    PairedTTest,
    WilcoxonSignedRank,
    cohens_dz,
    hedges_g_av,
    paired_t,
    wilcoxon_signed_rank,
)
from sieva.analysis.types import EffectSize
from sieva.core import numbers
from sieva.evaluation.engine import adapters
from sieva.evaluation.engine.adapters import development
from sieva.evaluation.engine.figures import Caveat, CaveatKind, Design, Figure
from sieva.evaluation.engine.levels.common import mean_figure, min_cell, rate_figure
from sieva.programs.models import Cohort

SOURCE = "/instrumen/kampanye/?purpose=tes"


@dataclass(frozen=True)
class LearningLevel:
    pairs: int
    pre_only: int
    max_score: float
    pre: Figure
    post: Figure
    gain: Figure  # mean post − pre, points
    pass_rate: Figure
    t_test: PairedTTest | None
    wilcoxon: WilcoxonSignedRank | None
    d_z: EffectSize | None
    g_av: EffectSize | None
    n_gain: NormalizedGain | None
    attrition: AttritionCheck | None
    # Final scores of the participant assessment (sieva.development), when the cohorts have one.
    assessment: tuple[Figure, ...] = ()


def learning_level(cohorts: QuerySet[Cohort]) -> LearningLevel:
    scores = adapters.learning_scores(cohorts)
    people = sorted(set(scores.pre) & set(scores.post))
    pre = [scores.pre[p] for p in people]
    post = [scores.post[p] for p in people]
    leavers = [s for p, s in scores.pre.items() if p not in scores.post]
    design = Design.PRE_POST
    unit = _("poin (maks. %(max)g)") % {"max": scores.max_score}
    pass_mark = float(settings.SIEVA_PASS_MARK) * scores.max_score
    tests: dict[str, object] = {
        "t_test": None,
        "wilcoxon": None,
        "d_z": None,
        "g_av": None,
        "n_gain": None,
    }
    gain = mean_figure(
        "l2.gain",
        _("Kenaikan skor (post − pre)"),
        [b - a for a, b in zip(pre, post, strict=True)],
        unit=unit,
        design=design,
        source=SOURCE,
    )
    if len(people) >= min_cell():
        tests["t_test"] = _safe(paired_t, pre, post)
        tests["d_z"] = _safe(cohens_dz, pre, post)
        tests["g_av"] = _safe(hedges_g_av, pre, post)
        tests["wilcoxon"] = _safe(wilcoxon_signed_rank, pre, post)
        if scores.max_score > 0:
            tests["n_gain"] = _safe(
                lambda a, b: normalized_gain(a, b, max_score=scores.max_score), pre, post
            )
    attrition = None
    if people and leavers:
        attrition = attrition_check(pre, leavers)
        if attrition.verdict is AttritionVerdict.NOT_EQUIVALENT:
            gain = gain.with_caveat(
                Caveat(
                    CaveatKind.ATTRITION,
                    _(
                        "%(n)d peserta tidak mengikuti post-test dan skor pre-test mereka "
                        "berbeda dari yang bertahan (g = %(g)s): kenaikan bisa bias."
                    )
                    % {"n": len(leavers), "g": numbers.decimal(attrition.g or 0.0)},
                )
            )
    return LearningLevel(
        pairs=len(people),
        pre_only=len(leavers),
        max_score=scores.max_score,
        pre=mean_figure(
            "l2.pre", _("Rata-rata pre-test"), pre, unit=unit, design=design, source=SOURCE
        ),
        post=mean_figure(
            "l2.post", _("Rata-rata post-test"), post, unit=unit, design=design, source=SOURCE
        ),
        gain=gain,
        pass_rate=rate_figure(
            "l2.pass_rate",
            _("Lulus post-test (≥ %(pct)s skor maksimum)")
            % {"pct": numbers.percent(float(settings.SIEVA_PASS_MARK) * 100, 0)},
            sum(1 for s in post if s >= pass_mark),
            len(post),
            design=design,
            source=SOURCE,
        ),
        attrition=attrition,
        assessment=_assessment(cohorts),
        **tests,  # type: ignore[arg-type]
    )


def _safe(test, pre, post):  # type: ignore[no-untyped-def]
    """A statistic that is undefined for these data (e.g. no variance) is absent, not zero."""
    try:
        return test(pre, post)
    except ValueError:
        return None


def _assessment(cohorts: QuerySet[Cohort]) -> tuple[Figure, ...]:
    summary = development.assessment(cohorts)
    if not summary.scores:
        return ()
    source = "/penilaian/"
    return (
        mean_figure(
            "l2.final_score",
            _("Rata-rata nilai akhir peserta (tes, penugasan, proyek, sikap BerAKHLAK)"),
            summary.scores,
            unit=_("poin (0–100)"),
            design=Design.POST_ONLY,
            source=source,
        ),
        rate_figure(
            "l2.satisfactory",
            _("Peserta berkualifikasi Memuaskan atau lebih"),
            summary.satisfactory,
            len(summary.scores),
            design=Design.POST_ONLY,
            source=source,
        ),
    )
