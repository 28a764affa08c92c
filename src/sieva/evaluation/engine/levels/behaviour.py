"""L3 — behaviour: for each rater (the alumni themselves, atasan, rekan kerja, bawahan) the
behaviour-change scale, how many apply what they learned, and the barriers and enablers named.

The engine recognises the items by the codes the standard L3 templates use: `frekuensi`
(how often applied, 1–5), `hambatan` (barriers) and `pendukung` (enablers). A custom
instrument that keeps these codes is read the same way (decision 0012).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sieva.analysis.suppression import suppress_counts
from sieva.evaluation.engine import adapters
from sieva.evaluation.engine.adapters import development
from sieva.evaluation.engine.figures import Design, Figure
from sieva.evaluation.engine.levels.common import (
    mean_figure,
    min_cell,
    rate_figure,
    response_rate_figure,
)
from sieva.evaluation.engine.levels.scales import ScaleResult, scale_result
from sieva.instruments.models import Purpose, RaterKind
from sieva.programs.models import Cohort

SOURCE = "/instrumen/kampanye/?purpose=perilaku"
FREQUENCY_ITEM, BARRIER_ITEM, ENABLER_ITEM = "frekuensi", "hambatan", "pendukung"
# The "no barrier" / "nothing" answers of the standard templates: an answer, not a barrier.
NONE_CHOSEN = frozenset({"tidak_ada"})


@dataclass(frozen=True)
class Mention:
    code: str
    label: str
    count: int | None  # None when suppressed
    share: float | None  # of the respondents who answered the item, %


@dataclass(frozen=True)
class RaterResult:
    rater: str
    label: str
    response_rate: Figure
    scales: tuple[ScaleResult, ...]
    application_rate: Figure
    barriers: tuple[Mention, ...]
    enablers: tuple[Mention, ...]


@dataclass(frozen=True)
class BehaviourLevel:
    raters: tuple[RaterResult, ...]
    # Follow-up action plans (rencana aksi / proyek perubahan) and mentoring outcomes, from
    # sieva.development; empty when the cohorts have none.
    follow_up: tuple[Figure, ...] = ()
    case_studies: tuple[dict[str, str], ...] = ()
    mentoring: tuple[Figure, ...] = ()

    @property
    def barriers(self) -> dict[str, int]:
        """Barrier mentions summed over raters (suppressed cells left out)."""
        total: dict[str, int] = {}
        for rater in self.raters:
            for m in rater.barriers:
                if m.count is not None:
                    total[m.code] = total.get(m.code, 0) + m.count
        return total


def _mentions(counts: adapters.ChoiceCounts) -> tuple[Mention, ...]:
    """The options named, suppressed below the minimum cell; "none" answers are left out
    (shares stay over everyone who answered the item)."""
    named = {code: n for code, n in counts.counts.items() if code not in NONE_CHOSEN}
    if not named or counts.respondents < min_cell():
        return ()
    shown = suppress_counts(named, min_count=min_cell(), total_shown=False)
    mentions = [
        Mention(
            code,
            counts.labels.get(code, code),
            shown.values[code],
            shown.values[code] / counts.respondents * 100 if shown.values[code] else None,
        )
        for code in named
    ]
    return tuple(sorted(mentions, key=lambda m: -(m.count or 0)))


def behaviour_level(cohorts: QuerySet[Cohort]) -> BehaviourLevel:
    raters = []
    for rater, label in RaterKind.choices:
        campaigns = adapters.campaigns_for(cohorts, Purpose.BEHAVIOUR, rater)
        if not campaigns.exists():
            continue
        frequency = adapters.numeric_answers(campaigns, FREQUENCY_ITEM)
        applied = sum(1 for f in frequency if f >= settings.SIEVA_APPLIED_FREQUENCY)
        raters.append(
            RaterResult(
                rater=rater,
                label=str(label),
                response_rate=response_rate_figure(
                    f"l3.{rater}.response_rate", adapters.response_rate(campaigns, cohorts), SOURCE
                ),
                scales=tuple(
                    scale_result(f"l3.{rater}", scale, Design.POST_ONLY, SOURCE)
                    for scale in adapters.scale_responses(campaigns)
                ),
                application_rate=rate_figure(
                    f"l3.{rater}.application_rate",
                    _("Menerapkan hasil pelatihan (setidaknya beberapa kali sebulan)"),
                    applied,
                    len(frequency),
                    design=Design.POST_ONLY,
                    source=SOURCE,
                ),
                barriers=_mentions(adapters.choice_counts(campaigns, BARRIER_ITEM)),
                enablers=_mentions(adapters.choice_counts(campaigns, ENABLER_ITEM)),
            )
        )
    return BehaviourLevel(tuple(raters), *_follow_up(cohorts), _mentoring(cohorts))


def _follow_up(cohorts: QuerySet[Cohort]) -> tuple[tuple[Figure, ...], tuple[dict[str, str], ...]]:
    summary = development.follow_up(cohorts)
    if not summary.plans:
        return (), ()
    source = "/rencana-aksi/"
    figures = (
        rate_figure(
            "l3.follow_up.written",
            _("Peserta yang menulis rencana aksi / proyek perubahan"),
            summary.plans,
            summary.participants,
            source=source,
        ),
        rate_figure(
            "l3.follow_up.completed",
            _("Rencana aksi yang selesai"),
            summary.completed,
            summary.plans,
            source=source,
        ),
        rate_figure(
            "l3.follow_up.milestones",
            _("Tonggak rencana aksi yang tercapai"),
            summary.milestones_done,
            summary.milestones,
            source=source,
        ),
        mean_figure(
            "l3.follow_up.verified",
            _("Kemajuan terverifikasi atasan/coach (%)"),
            summary.verified_progress,
            unit="%",
            design=Design.POST_ONLY,
            source=source,
        ),
    )
    return figures, tuple(summary.case_studies)


def _mentoring(cohorts: QuerySet[Cohort]) -> tuple[Figure, ...]:
    evidence = development.mentoring(cohorts)
    if evidence is None:
        return ()
    source = "/mentoring/"
    return (
        mean_figure(
            "l3.mentoring.gas",
            _("Skor-T GAS mentee (50 = sasaran tercapai sesuai harapan)"),
            evidence.gas_values,
            design=Design.POST_ONLY,
            source=source,
        ),
        mean_figure(
            "l3.mentoring.matched_difference",
            _("Selisih nilai kinerja mentee terhadap pegawai serupa yang tidak dibimbing"),
            evidence.matched_differences,
            design=Design.PRE_POST_COMPARISON,
            source=source,
        ),
    )
