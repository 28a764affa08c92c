"""The standard templates: valid, loaded idempotently, files and registered ones alike.

The SKM template is generated from the SKM definition; tests/satisfaction/test_definition.py
checks it against PermenPANRB 14/2017."""

from django.core.management import call_command

from sieva.instruments.models import Instrument, InstrumentVersion, RaterKind
from sieva.instruments.services.standard import STANDARD_DIR, standard_instruments_load


def test_loading_twice_stores_each_template_once(db, capsys):
    call_command("load_standard_instruments")
    first = Instrument.objects.count(), InstrumentVersion.objects.count()
    call_command("load_standard_instruments")
    assert (Instrument.objects.count(), InstrumentVersion.objects.count()) == first == (8, 8)
    assert "0 baru, 0 diperbarui, 8 tetap" in capsys.readouterr().out
    assert all(i.is_standard and i.owner is None for i in Instrument.objects.all())
    assert not InstrumentVersion.objects.filter(frozen_at__isnull=True).exists()


def test_a_changed_template_file_adds_a_version(db, tmp_path):
    source = tmp_path / "l1-reaksi.json"
    source.write_text((STANDARD_DIR / "l1-reaksi.json").read_text(encoding="utf-8"), "utf-8")
    standard_instruments_load(directory=tmp_path, registered=False)
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace('"title": "', '"title": "Baru: ', 1), encoding="utf-8")
    report = standard_instruments_load(directory=tmp_path, registered=False)
    assert report.updated == ["STD-L1-REAKSI"]
    assert list(Instrument.objects.get().versions.values_list("number", flat=True)) == [2, 1]


def test_templates_registered_by_other_apps_load_beside_the_files(db):
    report = standard_instruments_load()
    assert "STD-SKM" in report.created  # built by the SKM app from its definition
    assert not list(STANDARD_DIR.glob("skm*.json"))  # no copy that could drift from it


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
