"""Deterministic report sentences from the evaluation result (templates, no language model).

Every number is formatted from the engine's figure, the same way the evaluation page prints
it (so a reader can find it there), and every sentence carries the keys and source pages of
the figures it states. A withheld figure is said to be withheld, never guessed.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from sieva.core import numbers
from sieva.core.labels import label
from sieva.evaluation.engine.figures import Figure, source_name
from sieva.evaluation.engine.levels.results import OutcomeEffect
from sieva.evaluation.engine.result import EvaluationResult
from sieva.evaluation.templatetags.figures import figure_ci, figure_value


@dataclass(frozen=True)
class Sentence:
    text: str
    sources: tuple[str, ...] = ()  # the pages (paths) the figures stated come from


def num(value: float, digits: int = 2) -> str:
    """A plain number in the active language's notation (2,45 in Indonesian; 2.45 in English)."""
    return numbers.decimal(value, digits)


def source_of(*figures: Figure | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f.source for f in figures if f is not None and f.source))


def source_link(path: str) -> dict[str, str]:
    """A source as the document stores it: the reader's name of the page and its path."""
    return {"label": source_name(path), "path": path}


def stated(figure: Figure) -> str:
    """The figure with its interval and n, or why it is not given."""
    if figure.value is None:
        if figure.suppressed:
            return _("tidak ditampilkan (n = %(n)d, di bawah batas kerahasiaan)") % {"n": figure.n}
        return _("belum ada data")
    if figure.ci is None:
        return _("%(value)s (n = %(n)d)") % {"value": figure_value(figure), "n": figure.n}
    return _("%(value)s (IK 95 %% %(ci)s; n = %(n)d)") % {
        "value": figure_value(figure),
        "ci": figure_ci(figure),
        "n": figure.n,
    }


def _against_target(figure: Figure, target: float) -> str:
    """Where the interval lies against a target: clearly below, clearly reached, or unsure."""
    if figure.ci is None:
        return ""
    low, high = figure.ci
    if high < target:
        return _("di bawah target %(t)s %%.") % {"t": num(target, 0)}
    if low >= target:
        return _("mencapai target %(t)s %%.") % {"t": num(target, 0)}
    return _("belum dapat dipastikan terhadap target %(t)s %% (interval mencakup target).") % {
        "t": num(target, 0)
    }


def participation(result: EvaluationResult, target: float | None) -> list[Sentence]:
    level, funnel = result.l0, result.l0.funnel
    if not funnel.invited:
        return [Sentence(_("Belum ada pegawai yang diundang dalam cakupan ini."))]
    out = [
        Sentence(
            _(
                "Dari %(invited)d pegawai yang diundang, %(registered)d terdaftar, "
                "%(attended)d hadir dan %(completed)d lulus."
            )
            % {
                "invited": funnel.invited,
                "registered": funnel.registered,
                "attended": funnel.attended,
                "completed": funnel.completed,
            },
            source_of(level.participation),
        )
    ]
    rate = _("Tingkat partisipasi %(rate)s.") % {"rate": stated(level.participation)}
    if target is not None and level.participation.value is not None:
        rate = rate[:-1] + ", " + _against_target(level.participation, target)
    out.append(Sentence(rate, source_of(level.participation)))
    out.append(
        Sentence(
            _("Tingkat kelulusan %(rate)s.") % {"rate": stated(level.completion)},
            source_of(level.completion),
        )
    )
    shown = [r for r in level.reasons if r.count]
    if shown:
        out.append(
            Sentence(
                _("Alasan tidak mengikuti yang paling sering disebut: %(reason)s (%(n)d orang).")
                % {"reason": shown[0].label, "n": shown[0].count},
                source_of(level.participation),
            )
        )
    return out


def reaction(result: EvaluationResult) -> list[Sentence]:
    level = result.l1
    if not level.campaigns:
        return [Sentence(_("Belum ada survei reaksi (L1) untuk cakupan ini."))]
    out = [
        Sentence(
            _("Tingkat respons survei reaksi %(rate)s.") % {"rate": stated(level.response_rate)},
            source_of(level.response_rate),
        )
    ]
    overall = level.overall
    if overall is not None and overall.mean.n:
        text = _("Skor reaksi keseluruhan %(score)s") % {"score": stated(overall.mean)}
        if overall.band:
            text += _(", kategori %(band)s") % {"band": label(overall.band)}
        out.append(Sentence(text + ".", source_of(overall.mean)))
    shown = [
        s
        for s in level.scales
        if s.mean.value is not None and s.code != getattr(overall, "code", None)
    ]
    if len(shown) >= 2:
        ranked = sorted(shown, key=lambda s: (s.mean.value, s.name))
        low, high = ranked[0], ranked[-1]
        out.append(
            Sentence(
                _("Aspek tertinggi: %(high)s (%(hv)s); aspek terendah: %(low)s (%(lv)s).")
                % {
                    "high": high.name,
                    "hv": figure_value(high.mean),
                    "low": low.name,
                    "lv": figure_value(low.mean),
                },
                source_of(high.mean, low.mean),
            )
        )
    return out


def learning(result: EvaluationResult) -> list[Sentence]:
    level = result.l2
    if not (level.pairs or level.pre_only):
        return [Sentence(_("Belum ada pre-test dan post-test (L2) untuk cakupan ini."))]
    out = [
        Sentence(
            _(
                "Rata-rata pre-test %(pre)s dan post-test %(post)s; kenaikan skor %(gain)s "
                "dari %(pairs)d pasangan pre–post."
            )
            % {
                "pre": figure_value(level.pre),
                "post": figure_value(level.post),
                "gain": stated(level.gain),
                "pairs": level.pairs,
            },
            source_of(level.pre, level.post, level.gain),
        )
    ]
    if level.t_test is not None:
        text = _("Uji t berpasangan: t(%(df)d) = %(t)s, %(p)s.") % {
            "df": level.t_test.df,
            "t": num(level.t_test.t),
            "p": numbers.p_value(level.t_test.p),
        }
        if level.d_z is not None:
            text += " " + _("Ukuran efek d_z = %(d)s.") % {"d": num(level.d_z.value)}
        out.append(Sentence(text, source_of(level.gain)))
    if level.n_gain is not None and level.n_gain.class_gain is not None:
        out.append(
            Sentence(
                _("N-gain (Hake) %(g)s, kategori %(cat)s.")
                % {"g": num(level.n_gain.class_gain), "cat": label(level.n_gain.class_category)},
                source_of(level.gain),
            )
        )
    out.append(
        Sentence(
            _("%(label)s: %(rate)s.")
            % {"label": level.pass_rate.label, "rate": stated(level.pass_rate)},
            source_of(level.pass_rate),
        )
    )
    return out


def behaviour(result: EvaluationResult) -> list[Sentence]:
    if not result.l3.raters:
        return [Sentence(_("Belum ada evaluasi pasca pelatihan (L3) untuk cakupan ini."))]
    out = []
    for rater in result.l3.raters:
        out.append(
            Sentence(
                _("Menurut penilai %(rater)s, alumni yang menerapkan hasil pelatihan: %(rate)s.")
                % {"rater": rater.label, "rate": stated(rater.application_rate)},
                source_of(rater.application_rate),
            )
        )
        named = [m for m in rater.barriers if m.count]
        if named:
            out.append(
                Sentence(
                    _("Hambatan yang paling sering disebut: %(barrier)s (%(n)d responden).")
                    % {"barrier": named[0].label, "n": named[0].count},
                    source_of(rater.application_rate),
                )
            )
    return out


def outcome(effect: OutcomeEffect) -> list[Sentence]:
    figures = (effect.before, effect.after, effect.effect)
    out = [
        Sentence(
            _(
                "%(name)s di %(units)d unit yang stafnya dilatih: sebelum %(before)s, sesudah "
                "%(after)s; dibandingkan dengan %(comparison)d unit pembanding."
            )
            % {
                "name": effect.name,
                "units": effect.trained_units,
                "before": figure_value(effect.before),
                "after": figure_value(effect.after),
                "comparison": effect.comparison_units,
            },
            source_of(*figures),
        ),
        Sentence(
            _("Perubahan yang dikaitkan dengan pelatihan: %(effect)s, desain %(design)s.")
            % {"effect": stated(effect.effect), "design": effect.effect.design.label},
            source_of(effect.effect),
        ),
    ]
    verdict = {
        True: _("Interval tidak mencakup nol: ada perbaikan yang dapat ditunjukkan."),
        False: _("Interval tidak mencakup nol: kondisinya memburuk."),
        None: _("Interval mencakup nol: belum ada perubahan yang dapat ditunjukkan."),
    }[effect.improved]
    out.append(Sentence(verdict, source_of(effect.effect)))
    return out


def results(result: EvaluationResult) -> list[Sentence]:
    effects = [e for e in (result.l4.ikm, *result.l4.indicators) if e is not None]
    if not effects:
        return [
            Sentence(_("Belum ada data IKM atau indikator unit sebelum–sesudah untuk cakupan ini."))
        ]
    return [s for e in effects for s in outcome(e)]


def cost(result: EvaluationResult) -> list[Sentence]:
    level = result.l5
    if not level.planned and not level.realised:
        return [Sentence(_("Belum ada anggaran tercatat untuk cakupan ini."))]
    out = [
        Sentence(
            _("Realisasi anggaran %(rate)s: %(realised)s dari rencana %(planned)s.")
            % {
                "rate": figure_value(level.realisation),
                "realised": numbers.rupiah(level.realised),
                "planned": numbers.rupiah(level.planned),
            },
            source_of(level.realisation),
        )
    ]
    if level.per_participant.value is not None:
        out.append(
            Sentence(
                _("Biaya per peserta hadir %(pp)s; biaya per JP diselenggarakan %(jp)s.")
                % {"pp": figure_value(level.per_participant), "jp": figure_value(level.per_jp)},
                source_of(level.per_participant, level.per_jp),
            )
        )
    if level.roi is not None:
        out.append(
            Sentence(
                _("ROI %(roi)s; rasio manfaat–biaya %(bcr)s.")
                % {"roi": stated(level.roi), "bcr": num(level.bcr or 0.0)},
                source_of(level.roi),
            )
        )
    return out


def join(sentences: Sequence[Sentence]) -> str:
    return " ".join(s.text for s in sentences)
