import pytest

from sieva.analysis.indices.appraisal import (
    BOX_FOLLOW_UP,
    AxisCutoffs,
    FollowUp,
    IpAsnBand,
    KompetensiPoints,
    Potential,
    Predikat,
    Rating,
    ip_asn,
    ip_asn_kompetensi,
    skp_predikat,
    talent_box,
    talent_box_from_levels,
)

# PermenPANRB 6/2022, matriks predikat kinerja (DOMAIN.md): rows hasil kerja,
# columns perilaku Di Bawah / Sesuai / Di Atas.
SKP_TABLE = {
    "di_atas": ("poor", "good", "very_good"),  # Kurang, Baik, Sangat Baik
    "sesuai": ("poor", "good", "good"),
    "di_bawah": ("very_poor", "needs_improvement", "needs_improvement"),  # Sangat Kurang, Butuh P.
}


@pytest.mark.parametrize("hasil", list(SKP_TABLE))
@pytest.mark.parametrize(("column", "perilaku"), enumerate(["di_bawah", "sesuai", "di_atas"]))
def test_skp_predikat_follows_the_regulation_matrix(hasil, column, perilaku):
    r = skp_predikat(hasil, perilaku)
    assert r.predikat == Predikat(SKP_TABLE[hasil][column])
    assert r.misconduct == (hasil == "di_atas" and perilaku == "di_bawah")


def test_skp_predikat_accepts_enums_and_rejects_unknown_ratings():
    assert skp_predikat(Rating.SESUAI, Rating.DI_ATAS).predikat is Predikat.GOOD
    with pytest.raises(ValueError, match="hasil_kerja must be one of"):
        skp_predikat("baik", "sesuai")


# PermenPANRB 3/2020 (DOMAIN.md): rows kinerja Bawah / Sesuai / Atas,
# columns potensial Rendah / Menengah / Tinggi.
BOXES = [[1, 3, 6], [2, 5, 8], [4, 7, 9]]


@pytest.mark.parametrize("kinerja", [0, 1, 2])
@pytest.mark.parametrize("potensial", [0, 1, 2])
def test_nine_box_numbers_follow_the_regulation(kinerja, potensial):
    box = talent_box_from_levels(kinerja, potensial)
    assert box.box == BOXES[kinerja][potensial]
    assert box.follow_up == BOX_FOLLOW_UP[box.box]
    assert box.kinerja is (Rating.DI_BAWAH, Rating.SESUAI, Rating.DI_ATAS)[kinerja]
    assert box.potensial is (Potential.LOW, Potential.MEDIUM, Potential.HIGH)[potensial]


def test_nine_box_follow_up_matches_the_domain_summary():
    # DOMAIN.md: 9 promote, succession pool; 8 and 7 keep, succession pool, rotation/enrichment,
    # development; 6 suitable placement, performance coaching/counselling; 5 placement,
    # coaching, development; 4 rotation, development; 3 coaching, counselling, development,
    # placement; 2 coaching, development, placement; 1 handled under the regulations.
    f = FollowUp
    expected = {
        9: {f.PROMOTE, f.RETAIN, f.SUCCESSION_POOL},
        8: {f.RETAIN, f.SUCCESSION_POOL, f.ROTATION_ENRICHMENT, f.COMPETENCE_DEVELOPMENT},
        7: {f.RETAIN, f.SUCCESSION_POOL, f.ROTATION_ENRICHMENT, f.COMPETENCE_DEVELOPMENT},
        6: {f.SUITABLE_PLACEMENT, f.PERFORMANCE_COACHING, f.PERFORMANCE_COUNSELLING},
        5: {f.SUITABLE_PLACEMENT, f.PERFORMANCE_COACHING, f.COMPETENCE_DEVELOPMENT},
        4: {f.ROTATION, f.COMPETENCE_DEVELOPMENT},
        3: {
            f.PERFORMANCE_COACHING,
            f.PERFORMANCE_COUNSELLING,
            f.COMPETENCE_DEVELOPMENT,
            f.SUITABLE_PLACEMENT,
        },
        2: {f.PERFORMANCE_COACHING, f.COMPETENCE_DEVELOPMENT, f.SUITABLE_PLACEMENT},
        1: {f.PER_REGULATIONS},
    }
    assert {box: set(actions) for box, actions in BOX_FOLLOW_UP.items()} == expected


@pytest.mark.parametrize(
    ("score", "level"), [(0, 0), (60, 0), (60.5, 1), (61, 1), (80, 1), (80.01, 2), (100, 2)]
)
def test_default_cutoffs_split_at_60_and_80(score, level):
    assert AxisCutoffs().level(score) == level


def test_cutoffs_are_instance_settings():
    strict = AxisCutoffs(low_max=70, mid_max=90)
    assert talent_box(85, 85).box == 9
    assert talent_box(85, 85, kinerja_cutoffs=strict, potensial_cutoffs=strict).box == 5
    with pytest.raises(ValueError, match="below mid_max"):
        AxisCutoffs(80, 60)


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (100, IpAsnBand.VERY_HIGH),  # Sangat Tinggi 91–100
        (91, IpAsnBand.VERY_HIGH),
        (90, IpAsnBand.HIGH),  # Tinggi 81–90
        (81, IpAsnBand.HIGH),
        (80, IpAsnBand.MEDIUM),  # Sedang 71–80
        (71, IpAsnBand.MEDIUM),
        (70, IpAsnBand.LOW),  # Rendah 61–70
        (61, IpAsnBand.LOW),
        (60, IpAsnBand.VERY_LOW),  # Sangat Rendah ≤ 60
        (20, IpAsnBand.VERY_LOW),
    ],
)
def test_ip_asn_bands(total, band):
    # split the total over the dimensions without exceeding any maximum
    kinerja = min(30, total)
    kualifikasi = min(25, total - kinerja)
    kompetensi = min(40, total - kinerja - kualifikasi)
    r = ip_asn(
        kualifikasi=kualifikasi,
        kompetensi=kompetensi,
        kinerja=kinerja,
        disiplin=total - kinerja - kualifikasi - kompetensi,
    )
    assert r.total == total
    assert r.band is band


def test_ip_asn_rejects_a_dimension_above_its_maximum():
    with pytest.raises(ValueError, match="kompetensi must lie in 0–40"):
        ip_asn(kualifikasi=25, kompetensi=45, kinerja=20, disiplin=5)


def test_ip_asn_kompetensi_adds_training_points_up_to_the_cap():
    none = ip_asn_kompetensi(
        leadership_training=False,
        functional_training=False,
        technical_training_20jp=False,
        seminar=False,
    )
    some = ip_asn_kompetensi(
        leadership_training=False,
        functional_training=True,
        technical_training_20jp=True,
        seminar=False,
    )
    everything = ip_asn_kompetensi(
        leadership_training=True,
        functional_training=True,
        technical_training_20jp=True,
        seminar=True,
    )
    assert (none, some, everything) == (0.0, 30.0, 40.0)
    custom = KompetensiPoints(technical=20, cap=40)
    assert (
        ip_asn_kompetensi(
            leadership_training=False,
            functional_training=False,
            technical_training_20jp=True,
            seminar=False,
            points=custom,
        )
        == 20.0
    )
