"""Civil-service appraisal indices: SKP predikat, the talent 9-box and the IP ASN.

Codes
-----
`Rating` (ekspektasi, input and output): ``di_bawah``, ``sesuai``, ``di_atas``.
`Predikat`: ``very_good`` (Sangat Baik), ``good`` (Baik), ``needs_improvement`` (Butuh
Perbaikan), ``poor`` (Kurang), ``very_poor`` (Sangat Kurang).
`Potential` (9-box column): ``low`` (Rendah), ``medium`` (Menengah), ``high`` (Tinggi).
`FollowUp` (9-box actions): ``promote``, ``retain``, ``succession_pool``,
``rotation_enrichment``, ``rotation``, ``competence_development``, ``suitable_placement``,
``performance_coaching``, ``performance_counselling``, ``per_regulations``.
`IpAsnBand`: ``very_high`` (> 90), ``high`` (> 80), ``medium`` (> 70), ``low`` (> 60),
``very_low``.
"""

import math
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "BOX_FOLLOW_UP",
    "IP_ASN_MAXIMA",
    "AxisCutoffs",
    "FollowUp",
    "IpAsnBand",
    "IpAsnScore",
    "KompetensiPoints",
    "Potential",
    "Predikat",
    "Rating",
    "SkpPredikat",
    "TalentBox",
    "ip_asn",
    "ip_asn_kompetensi",
    "skp_predikat",
    "talent_box",
    "talent_box_from_levels",
]


class Rating(StrEnum):
    """Rating of hasil kerja or perilaku kerja (PermenPANRB 6/2022)."""

    DI_BAWAH = "di_bawah"
    SESUAI = "sesuai"
    DI_ATAS = "di_atas"


class Predikat(StrEnum):
    """Predikat kinerja pegawai: Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang."""

    VERY_GOOD = "very_good"
    GOOD = "good"
    NEEDS_IMPROVEMENT = "needs_improvement"
    POOR = "poor"
    VERY_POOR = "very_poor"


# Rows hasil kerja, columns perilaku (Di Bawah, Sesuai, Di Atas).
_SKP_MATRIX = {
    Rating.DI_ATAS: (Predikat.POOR, Predikat.GOOD, Predikat.VERY_GOOD),
    Rating.SESUAI: (Predikat.POOR, Predikat.GOOD, Predikat.GOOD),
    Rating.DI_BAWAH: (Predikat.VERY_POOR, Predikat.NEEDS_IMPROVEMENT, Predikat.NEEDS_IMPROVEMENT),
}
_ORDER = (Rating.DI_BAWAH, Rating.SESUAI, Rating.DI_ATAS)


@dataclass(frozen=True)
class SkpPredikat:
    """The predikat of one appraisal; ``misconduct`` marks results above expectations
    reached with behaviour below them (the "Kurang/misconduct" cell)."""

    hasil_kerja: Rating
    perilaku: Rating
    predikat: Predikat
    misconduct: bool


def _rating(value: Rating | str, name: str) -> Rating:
    try:
        return Rating(value)
    except ValueError:
        options = ", ".join(r.value for r in Rating)
        raise ValueError(f"{name} must be one of {options}, got {value!r}") from None


def skp_predikat(hasil_kerja: Rating | str, perilaku: Rating | str) -> SkpPredikat:
    """Predikat kinerja from the ratings of hasil kerja and perilaku kerja.

    Parameters
    ----------
    hasil_kerja, perilaku : Rating or str
        ``"di_bawah"``, ``"sesuai"`` or ``"di_atas"`` (ekspektasi).

    Returns
    -------
    SkpPredikat

    Notes
    -----
    Matrix (rows hasil kerja; columns perilaku Di Bawah / Sesuai / Di Atas):
    Di Atas → Kurang (misconduct) / Baik / Sangat Baik; Sesuai → Kurang / Baik / Baik;
    Di Bawah → Sangat Kurang / Butuh Perbaikan / Butuh Perbaikan.
    Reference: PermenPANRB 6/2022 (Pengelolaan Kinerja Pegawai ASN), Lampiran, matriks
    predikat kinerja pegawai.

    Examples
    --------
    >>> skp_predikat("di_atas", "di_atas").predikat.value
    'very_good'
    >>> skp_predikat("di_atas", "di_bawah").misconduct
    True
    """
    h, p = _rating(hasil_kerja, "hasil_kerja"), _rating(perilaku, "perilaku")
    predikat = _SKP_MATRIX[h][_ORDER.index(p)]
    return SkpPredikat(h, p, predikat, h is Rating.DI_ATAS and p is Rating.DI_BAWAH)


class Potential(StrEnum):
    """Potensial axis of the 9-box: Rendah, Menengah, Tinggi."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class FollowUp(StrEnum):
    """One follow-up action of a 9-box position."""

    PROMOTE = "promote"
    RETAIN = "retain"
    SUCCESSION_POOL = "succession_pool"
    ROTATION_ENRICHMENT = "rotation_enrichment"
    ROTATION = "rotation"
    COMPETENCE_DEVELOPMENT = "competence_development"
    SUITABLE_PLACEMENT = "suitable_placement"
    PERFORMANCE_COACHING = "performance_coaching"
    PERFORMANCE_COUNSELLING = "performance_counselling"
    PER_REGULATIONS = "per_regulations"


KINERJA_LEVELS = (Rating.DI_BAWAH, Rating.SESUAI, Rating.DI_ATAS)
POTENSIAL_LEVELS = (Potential.LOW, Potential.MEDIUM, Potential.HIGH)
# Rows kinerja (bawah, sesuai, atas), columns potensial (rendah, menengah, tinggi).
_BOXES = ((1, 3, 6), (2, 5, 8), (4, 7, 9))

_F = FollowUp
#: Follow-up per box, in the regulation's order (PermenPANRB 3/2020, Lampiran; wording to be
#: checked against the text).
BOX_FOLLOW_UP: dict[int, tuple[FollowUp, ...]] = {
    9: (_F.PROMOTE, _F.RETAIN, _F.SUCCESSION_POOL),
    8: (_F.RETAIN, _F.SUCCESSION_POOL, _F.ROTATION_ENRICHMENT, _F.COMPETENCE_DEVELOPMENT),
    7: (_F.RETAIN, _F.SUCCESSION_POOL, _F.ROTATION_ENRICHMENT, _F.COMPETENCE_DEVELOPMENT),
    6: (_F.SUITABLE_PLACEMENT, _F.PERFORMANCE_COACHING, _F.PERFORMANCE_COUNSELLING),
    5: (_F.SUITABLE_PLACEMENT, _F.PERFORMANCE_COACHING, _F.COMPETENCE_DEVELOPMENT),
    4: (_F.ROTATION, _F.COMPETENCE_DEVELOPMENT),
    3: (
        _F.PERFORMANCE_COACHING,
        _F.PERFORMANCE_COUNSELLING,
        _F.COMPETENCE_DEVELOPMENT,
        _F.SUITABLE_PLACEMENT,
    ),
    2: (_F.PERFORMANCE_COACHING, _F.COMPETENCE_DEVELOPMENT, _F.SUITABLE_PLACEMENT),
    1: (_F.PER_REGULATIONS,),
}


@dataclass(frozen=True)
class AxisCutoffs:
    """Cut-offs of one 9-box axis: ``score ≤ low_max`` is the low level, ``≤ mid_max`` the
    middle, above it the high level (default 0–60 / 61–80 / 81–100)."""

    low_max: float = 60.0
    mid_max: float = 80.0

    def __post_init__(self) -> None:
        if not (math.isfinite(self.low_max) and math.isfinite(self.mid_max)):
            raise ValueError("axis cut-offs must be finite numbers")
        if self.low_max >= self.mid_max:
            raise ValueError(f"low_max ({self.low_max}) must be below mid_max ({self.mid_max})")

    def level(self, score: float) -> int:
        """0, 1 or 2."""
        if not math.isfinite(score):
            raise ValueError(f"score must be a finite number, got {score}")
        return 0 if score <= self.low_max else 1 if score <= self.mid_max else 2


@dataclass(frozen=True)
class TalentBox:
    """A position in the 9-box talent matrix with its follow-up actions."""

    box: int
    kinerja: Rating
    potensial: Potential
    follow_up: tuple[FollowUp, ...]


def talent_box_from_levels(kinerja: int, potensial: int) -> TalentBox:
    """Box from levels 0 (Di Bawah / Rendah), 1 (Sesuai / Menengah), 2 (Di Atas / Tinggi).

    Examples
    --------
    >>> talent_box_from_levels(1, 2).box
    8
    """
    for value, name in ((kinerja, "kinerja"), (potensial, "potensial")):
        if value not in (0, 1, 2) or isinstance(value, bool):
            raise ValueError(f"{name} level must be 0, 1 or 2, got {value!r}")
    box = _BOXES[kinerja][potensial]
    return TalentBox(box, KINERJA_LEVELS[kinerja], POTENSIAL_LEVELS[potensial], BOX_FOLLOW_UP[box])


def talent_box(
    kinerja: float,
    potensial: float,
    *,
    kinerja_cutoffs: AxisCutoffs | None = None,
    potensial_cutoffs: AxisCutoffs | None = None,
) -> TalentBox:
    """Place an employee in the 9-box from a performance and a potential score.

    Parameters
    ----------
    kinerja, potensial : float
        Scores on the instance's scale (e.g. 0–100).
    kinerja_cutoffs, potensial_cutoffs : AxisCutoffs, optional
        Instance settings; default 0–60 / 61–80 / 81–100 on both axes.

    Returns
    -------
    TalentBox

    Notes
    -----
    Rows kinerja (Di Bawah / Sesuai / Di Atas Ekspektasi), columns potensial
    (Rendah / Menengah / Tinggi): 1 3 6 · 2 5 8 · 4 7 9. Reference: PermenPANRB 3/2020
    (Manajemen Talenta ASN), Lampiran.

    Examples
    --------
    >>> b = talent_box(85, 90)
    >>> b.box, b.kinerja.value, b.potensial.value, [f.value for f in b.follow_up]
    (9, 'di_atas', 'high', ['promote', 'retain', 'succession_pool'])
    >>> talent_box(70, 50, potensial_cutoffs=AxisCutoffs(40, 70)).box
    5
    """
    k = (kinerja_cutoffs or AxisCutoffs()).level(kinerja)
    p = (potensial_cutoffs or AxisCutoffs()).level(potensial)
    return talent_box_from_levels(k, p)


#: Maximum of each IP ASN dimension (PermenPANRB 38/2018; Perban BKN 8/2019).
IP_ASN_MAXIMA: dict[str, float] = {
    "kualifikasi": 25.0,
    "kompetensi": 40.0,
    "kinerja": 30.0,
    "disiplin": 5.0,
}


class IpAsnBand(StrEnum):
    """IP ASN band: Sangat Tinggi, Tinggi, Sedang, Rendah, Sangat Rendah."""

    VERY_HIGH = "very_high"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    VERY_LOW = "very_low"


_IP_ASN_BANDS = (
    (90.0, IpAsnBand.VERY_HIGH),
    (80.0, IpAsnBand.HIGH),
    (70.0, IpAsnBand.MEDIUM),
    (60.0, IpAsnBand.LOW),
)


@dataclass(frozen=True)
class IpAsnScore:
    """Indeks Profesionalitas ASN: the four dimensions, their total and band."""

    kualifikasi: float
    kompetensi: float
    kinerja: float
    disiplin: float
    total: float
    band: IpAsnBand


@dataclass(frozen=True)
class KompetensiPoints:
    """Points of the kompetensi dimension (Perban BKN 8/2019; to be checked), capped at 40."""

    leadership: float = 15.0
    functional: float = 15.0
    technical: float = 15.0
    seminar: float = 10.0
    cap: float = 40.0


def ip_asn_kompetensi(
    *,
    leadership_training: bool,
    functional_training: bool,
    technical_training_20jp: bool,
    seminar: bool,
    points: KompetensiPoints | None = None,
) -> float:
    """Kompetensi dimension from the development an employee completed.

    Leadership training matching the position, functional training, at least 20 JP of
    technical training, and seminar/workshop/course each add their points; the sum is
    capped at the dimension's maximum.

    Examples
    --------
    >>> ip_asn_kompetensi(leadership_training=True, functional_training=False,
    ...                   technical_training_20jp=True, seminar=True)
    40.0
    """
    pts = points or KompetensiPoints()
    total = (
        pts.leadership * leadership_training
        + pts.functional * functional_training
        + pts.technical * technical_training_20jp
        + pts.seminar * seminar
    )
    return float(min(total, pts.cap))


def ip_asn(*, kualifikasi: float, kompetensi: float, kinerja: float, disiplin: float) -> IpAsnScore:
    """IP ASN total and band.

    Parameters
    ----------
    kualifikasi, kompetensi, kinerja, disiplin : float
        Dimension scores, each between 0 and its maximum (25, 40, 30, 5).

    Returns
    -------
    IpAsnScore

    Notes
    -----
    ``total = kualifikasi + kompetensi + kinerja + disiplin`` (0–100); bands 91–100 Sangat
    Tinggi, 81–90 Tinggi, 71–80 Sedang, 61–70 Rendah, ≤ 60 Sangat Rendah, read as
    "above 90", "above 80", … so fractional totals have a band. Reference: PermenPANRB
    38/2018 and Perban BKN 8/2019.

    Examples
    --------
    >>> ip_asn(kualifikasi=20, kompetensi=25, kinerja=27, disiplin=5).band.value
    'medium'
    """
    values = {
        "kualifikasi": kualifikasi,
        "kompetensi": kompetensi,
        "kinerja": kinerja,
        "disiplin": disiplin,
    }
    for name, value in values.items():
        if not math.isfinite(value) or not 0 <= value <= IP_ASN_MAXIMA[name]:
            raise ValueError(f"{name} must lie in 0–{IP_ASN_MAXIMA[name]:g}, got {value}")
    total = float(sum(values.values()))
    band = next((code for bound, code in _IP_ASN_BANDS if total > bound), IpAsnBand.VERY_LOW)
    return IpAsnScore(kualifikasi, kompetensi, kinerja, disiplin, total, band)
