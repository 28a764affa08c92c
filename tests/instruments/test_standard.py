"""The standard templates: valid, loaded idempotently, SKM exactly per PermenPANRB 14/2017."""

from django.core.management import call_command

from sieva.instruments.models import Instrument, InstrumentVersion, RaterKind
from sieva.instruments.standard_load import standard_instruments_load

SKM_ELEMENTS = [
    (
        "persyaratan",
        "U1 · Persyaratan",
        ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    ),
    (
        "prosedur",
        "U2 · Sistem, mekanisme, dan prosedur",
        ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
    ),
    ("waktu", "U3 · Waktu penyelesaian", ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"]),
    ("biaya", "U4 · Biaya/tarif", ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"]),
    (
        "produk",
        "U5 · Produk spesifikasi jenis pelayanan",
        ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    ),
    (
        "kompetensi",
        "U6 · Kompetensi pelaksana",
        ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"],
    ),
    (
        "perilaku",
        "U7 · Perilaku pelaksana",
        [
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ],
    ),
    (
        "pengaduan",
        "U8 · Penanganan pengaduan, saran, dan masukan",
        [
            "Tidak ada",
            "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal",
            "Dikelola dengan baik",
        ],
    ),
    ("sarana", "U9 · Sarana dan prasarana", ["Buruk", "Cukup", "Baik", "Sangat baik"]),
]


def test_loading_twice_stores_each_template_once(db, capsys):
    call_command("load_standard_instruments")
    first = Instrument.objects.count(), InstrumentVersion.objects.count()
    call_command("load_standard_instruments")
    assert (Instrument.objects.count(), InstrumentVersion.objects.count()) == first == (8, 8)
    assert "0 baru, 0 diperbarui, 8 tetap" in capsys.readouterr().out
    assert all(i.is_standard and i.owner is None for i in Instrument.objects.all())
    assert not InstrumentVersion.objects.filter(frozen_at__isnull=True).exists()


def test_a_changed_template_file_adds_a_version(db, tmp_path):
    source = tmp_path / "skm.json"
    from sieva.instruments.standard_load import STANDARD_DIR

    source.write_text((STANDARD_DIR / "skm.json").read_text(encoding="utf-8"), encoding="utf-8")
    standard_instruments_load(directory=tmp_path)
    source.write_text(
        source.read_text(encoding="utf-8").replace("Saran dan masukan untuk", "Saran untuk"),
        encoding="utf-8",
    )
    report = standard_instruments_load(directory=tmp_path)
    assert report.updated == ["STD-SKM"]
    assert list(Instrument.objects.get().versions.values_list("number", flat=True)) == [2, 1]


def test_the_skm_template_has_the_nine_official_elements_with_their_labels(db):
    standard_instruments_load()
    version = Instrument.objects.get(code="STD-SKM").versions.get()
    elements = list(version.items.filter(kind="likert4").order_by("order"))
    assert len(elements) == 9
    assert [
        (i.code, i.help_text, [c["label"] for c in i.choices]) for i in elements
    ] == SKM_ELEMENTS
    assert all([c["value"] for c in i.choices] == ["1", "2", "3", "4"] for i in elements)
    assert [m.item.code for m in version.scales.get(code="ikm").members.all()] == [
        e[0] for e in SKM_ELEMENTS
    ]
    profile = set(
        version.sections.get(title="Profil responden").items.values_list("code", flat=True)
    )
    assert profile == {"jenis_kelamin", "usia", "pendidikan", "pekerjaan", "layanan"}


def test_the_l3_templates_cover_alumni_supervisor_and_peer_with_barriers(db):
    standard_instruments_load()
    raters = set(Instrument.objects.filter(purpose="perilaku").values_list("rater_kind", flat=True))
    assert raters == {RaterKind.SELF, RaterKind.SUPERVISOR, RaterKind.PEER}
    barriers = (
        Instrument.objects.get(code="STD-L3-ATASAN").versions.get().items.get(code="hambatan")
    )
    labels = {c["label"] for c in barriers.choices}
    assert {
        "Tidak ada tindak lanjut setelah pelatihan",
        "Tidak ada dukungan pimpinan",
        "Beban kerja terlalu tinggi",
    } <= labels
    test = Instrument.objects.get(code="STD-L2-TES").versions.get()
    assert all(item.correct and item.points > 0 for item in test.items.all())
    needs = Instrument.objects.get(code="STD-AKP").versions.get().items.get(code="moda")
    assert "Modul daring yang dapat diakses kapan saja" in {c["label"] for c in needs.choices}
