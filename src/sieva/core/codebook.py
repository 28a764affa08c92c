"""The Indonesian words for every code `sieva.analysis` returns, without Django.

`sieva.analysis` answers in codes (bands, grades, categories, methods, warnings; see each
module's docstring). This table gives each code its Indonesian text once; it is the msgid
that `sieva.core.labels` translates for the web app (English in core's catalogue), and the
text `sieva analyze` prints as it is, since that command runs without Django settings.
A warning's text has named placeholders filled from its `Notice.params`.

`tests/core/test_labels.py` checks that every member of every code enum has a text and that
each text's placeholders are exactly the parameters its notice carries.
"""

from collections.abc import Mapping
from enum import StrEnum

from sieva.analysis.descriptive import LikertBand
from sieva.analysis.did import DidWarning
from sieva.analysis.gain import AttritionVerdict, GainCategory
from sieva.analysis.groups import ContingencyMethod, ContingencyWarning
from sieva.analysis.indices.appraisal import FollowUp, IpAsnBand, Potential, Predikat, Rating
from sieva.analysis.indices.development import Qualification
from sieva.analysis.indices.ikm import IkmGrade, IkmMode
from sieva.analysis.reliability import Difficulty, Discrimination
from sieva.analysis.suppression import SuppressionNote
from sieva.analysis.types import IntervalMethod, Notice, PValueMethod

__all__ = ["TEXTS", "notice_text", "text"]


def _(message: str) -> str:
    """Marks `message` for `makemessages`; `sieva.core.labels` translates it when shown."""
    return message


TEXTS: dict[type[StrEnum], Mapping[str, str]] = {
    LikertBand: {
        LikertBand.VERY_LOW: _("sangat rendah"),
        LikertBand.LOW: _("rendah"),
        LikertBand.MODERATE: _("sedang"),
        LikertBand.HIGH: _("tinggi"),
        LikertBand.VERY_HIGH: _("sangat tinggi"),
    },
    GainCategory: {
        GainCategory.HIGH: _("tinggi"),
        GainCategory.MEDIUM: _("sedang"),
        GainCategory.LOW: _("rendah"),
    },
    AttritionVerdict: {
        AttritionVerdict.EQUIVALENT: _("skor pre-test setara dengan yang bertahan"),
        AttritionVerdict.ADJUST: _("skor pre-test sedikit berbeda: tafsirkan dengan hati-hati"),
        AttritionVerdict.NOT_EQUIVALENT: _("skor pre-test berbeda: kenaikan bisa bias"),
        AttritionVerdict.INSUFFICIENT: _("terlalu sedikit untuk dibandingkan"),
    },
    Difficulty: {
        Difficulty.HARD: _("sukar"),
        Difficulty.MODERATE: _("sedang"),
        Difficulty.EASY: _("mudah"),
    },
    Discrimination: {
        Discrimination.VERY_GOOD: _("sangat baik"),
        Discrimination.GOOD: _("baik"),
        Discrimination.FAIR: _("cukup"),
        Discrimination.POOR: _("jelek"),
    },
    PValueMethod: {
        PValueMethod.EXACT: _("eksak"),
        PValueMethod.NORMAL_APPROXIMATION: _("pendekatan normal"),
    },
    IntervalMethod: {
        IntervalMethod.NONCENTRAL_T: _("distribusi t nonsentral"),
        IntervalMethod.NORMAL_APPROXIMATION: _("pendekatan normal"),
    },
    ContingencyMethod: {
        ContingencyMethod.CHI_SQUARE: _("uji khi-kuadrat"),
        ContingencyMethod.FISHER: _("uji eksak Fisher"),
    },
    ContingencyWarning: {
        ContingencyWarning.SMALL_EXPECTED_COUNTS: _(
            "Frekuensi harapan terlalu kecil (terkecil %(min_expected).1f; %(percent_below_5).0f "
            "%% sel di bawah 5): gunakan uji eksak Fisher untuk tabel 2 × 2."
        ),
    },
    DidWarning: {
        DidWarning.FEW_CLUSTERS: _(
            "Hanya %(n_clusters)d unit: galat baku berkelompok kurang dapat diandalkan di bawah "
            "sekitar %(min_clusters)d unit; anggap nilai p dan interval sebagai perkiraan kasar."
        ),
        DidWarning.FEW_TREATED_CLUSTERS: _(
            "Hanya %(n_treated_clusters)d unit terlatih (kurang dari %(min_treated_clusters)d): "
            "kesimpulan bertumpu pada sangat sedikit unit."
        ),
        DidWarning.STAGGERED_ADOPTION: _(
            "Unit mulai terlatih pada waktu yang berbeda: efek tetap dua arah bisa bias bila "
            "efeknya berubah dari waktu ke waktu; bandingkan angkatan secara terpisah."
        ),
        DidWarning.TREATMENT_SWITCHES_OFF: _(
            "Sebagian unit berhenti mendapat perlakuan: estimasi merata-ratakan masa dengan dan "
            "tanpa perlakuan."
        ),
    },
    SuppressionNote: {
        SuppressionNote.SMALL_CELLS_HIDDEN: _(
            "%(primary)d sel dengan kurang dari %(min_count)d responden disembunyikan."
        ),
        SuppressionNote.SMALL_CELLS_AND_COMPLEMENTS_HIDDEN: _(
            "%(primary)d sel dengan kurang dari %(min_count)d responden disembunyikan; "
            "%(complementary)d sel lain ikut disembunyikan agar tidak dapat dihitung dari total."
        ),
    },
    IkmGrade: {
        IkmGrade.A: _("Sangat Baik"),
        IkmGrade.B: _("Baik"),
        IkmGrade.C: _("Kurang Baik"),
        IkmGrade.D: _("Tidak Baik"),
    },
    IkmMode: {
        IkmMode.PERMENPANRB_14_2017: _("PermenPANRB 14/2017, bobot 1/9"),
        IkmMode.ROUNDED_0_111: _("cara lama, bobot dibulatkan 0,111"),
        IkmMode.ROUNDED_0_11: _("cara lama, bobot dibulatkan 0,11"),
        IkmMode.KEP25_2004: _("KEP/25/M.PAN/2/2004, 14 unsur, bobot 0,071"),
    },
    Rating: {
        Rating.DI_BAWAH: _("Di Bawah Ekspektasi"),
        Rating.SESUAI: _("Sesuai Ekspektasi"),
        Rating.DI_ATAS: _("Di Atas Ekspektasi"),
    },
    Predikat: {
        Predikat.VERY_GOOD: _("Sangat Baik"),
        Predikat.GOOD: _("Baik"),
        Predikat.NEEDS_IMPROVEMENT: _("Butuh Perbaikan"),
        Predikat.POOR: _("Kurang"),
        Predikat.VERY_POOR: _("Sangat Kurang"),
    },
    Potential: {
        Potential.LOW: _("Rendah"),
        Potential.MEDIUM: _("Menengah"),
        Potential.HIGH: _("Tinggi"),
    },
    Qualification: {
        Qualification.VERY_SATISFACTORY: _("Sangat Memuaskan"),
        Qualification.SATISFACTORY: _("Memuaskan"),
        Qualification.FAIRLY_SATISFACTORY: _("Cukup Memuaskan"),
        Qualification.LESS_SATISFACTORY: _("Kurang Memuaskan"),
        Qualification.UNSATISFACTORY: _("Tidak Memuaskan"),
    },
    FollowUp: {
        FollowUp.PROMOTE: _("Dipromosikan"),
        FollowUp.RETAIN: _("Dipertahankan"),
        FollowUp.SUCCESSION_POOL: _("Masuk kelompok rencana suksesi"),
        FollowUp.ROTATION_ENRICHMENT: _("Rotasi/pengayaan jabatan"),
        FollowUp.ROTATION: _("Rotasi"),
        FollowUp.COMPETENCE_DEVELOPMENT: _("Pengembangan kompetensi"),
        FollowUp.SUITABLE_PLACEMENT: _("Penempatan yang sesuai"),
        FollowUp.PERFORMANCE_COACHING: _("Bimbingan kinerja"),
        FollowUp.PERFORMANCE_COUNSELLING: _("Konseling kinerja"),
        FollowUp.PER_REGULATIONS: _("Diproses sesuai ketentuan peraturan perundang-undangan"),
    },
    IpAsnBand: {
        IpAsnBand.VERY_HIGH: _("Sangat Tinggi"),
        IpAsnBand.HIGH: _("Tinggi"),
        IpAsnBand.MEDIUM: _("Sedang"),
        IpAsnBand.LOW: _("Rendah"),
        IpAsnBand.VERY_LOW: _("Sangat Rendah"),
    },
}


def text(code: StrEnum) -> str:
    """The Indonesian text of `code`, a member of one of the enums in `TEXTS` (KeyError if not)."""
    return TEXTS[type(code)][code]


def notice_text(notice: Notice) -> str:
    """The Indonesian sentence of `notice`, its placeholders filled from its parameters."""
    return text(notice.code) % dict(notice.params)
