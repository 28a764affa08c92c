"""Instrument pages: render, scope (bob sees nothing of Medan), read-only leaders, editor flow."""

import io
import json

import pytest
from django.urls import reverse

from sieva.instruments import services
from sieva.instruments.exchange import export_json
from sieva.instruments.models import Instrument
from sieva.instruments.services.standard import standard_instruments_load
from tests.instruments.conftest import VALID_ANSWERS


@pytest.fixture
def standard(db):
    standard_instruments_load()
    return Instrument.objects.get(code="STD-SKM")


def _login(client, user):
    client.force_login(user)
    return client


def test_the_list_shows_standard_templates_and_own_instruments_only(
    client, olga, medan_instrument, palembang_instrument, standard
):
    response = _login(client, olga).get(reverse("instruments:instrument_list"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Survei Kepuasan Masyarakat" in text and "REAKSI-MDN" in text
    assert "REAKSI-PLG" not in text
    own = client.get(reverse("instruments:instrument_list"), {"origin": "milik", "q": "reaksi"})
    assert "REAKSI-MDN" in own.content.decode() and "STD-SKM" not in own.content.decode()
    partial = client.get(
        reverse("instruments:instrument_list"), {"purpose": "skm"}, HTTP_HX_REQUEST="true"
    )
    assert b"<html" not in partial.content and b"STD-SKM" in partial.content


def test_the_detail_previews_the_form_as_a_respondent_sees_it(client, lina, standard):
    response = _login(client, lina).get(
        reverse("instruments:instrument_detail", args=[standard.pk])
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Sangat sopan dan ramah" in text and "<fieldset disabled>" in text
    assert reverse("instruments:instrument_edit", args=[standard.pk]) not in text


@pytest.mark.parametrize(
    "name",
    [
        "instrument_detail",
        "instrument_versions",
        "instrument_edit",
        "instrument_clone",
        "instrument_update",
    ],
)
def test_an_instrument_of_another_region_is_not_found_for_bob(client, bob, medan_instrument, name):
    response = _login(client, bob).get(reverse(f"instruments:{name}", args=[medan_instrument.pk]))
    assert response.status_code == 404


def test_exports_and_versions_of_another_region_are_not_found_for_bob(
    client, bob, medan_instrument
):
    _login(client, bob)
    assert (
        client.get(
            reverse("instruments:instrument_export", args=[medan_instrument.pk, "json"])
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("instruments:version_detail", args=[medan_instrument.pk, 1])).status_code
        == 404
    )


def test_lina_reads_but_cannot_edit(client, lina, medan_instrument):
    _login(client, lina)
    assert (
        client.get(reverse("instruments:instrument_detail", args=[medan_instrument.pk])).status_code
        == 200
    )
    assert (
        client.get(reverse("instruments:instrument_edit", args=[medan_instrument.pk])).status_code
        == 403
    )
    assert client.get(reverse("instruments:instrument_create")).status_code == 403
    assert (
        client.post(reverse("instruments:version_publish", args=[medan_instrument.pk])).status_code
        == 403
    )


def test_a_standard_template_cannot_be_edited_but_can_be_cloned(client, olga, world, standard):
    _login(client, olga)
    assert client.get(reverse("instruments:instrument_edit", args=[standard.pk])).status_code == 403
    response = client.post(
        reverse("instruments:instrument_clone", args=[standard.pk]),
        {"owner": world.medan_puskesmas.pk, "code": "skm-pkm-padang-bulan"},
    )
    clone = Instrument.objects.get(code="skm-pkm-padang-bulan")
    assert response.url == reverse("instruments:instrument_detail", args=[clone.pk])
    assert clone.owner == world.medan_puskesmas and clone.versions.get().items.count() == 15


def test_the_editor_creates_items_and_publishes_then_edits_start_a_new_version(client, olga, world):
    _login(client, olga)
    response = client.post(
        reverse("instruments:instrument_create"),
        {"owner": world.medan.pk, "code": "uji", "title": "Uji", "purpose": "reaksi"},
    )
    instrument = Instrument.objects.get(code="uji")
    edit_url = reverse("instruments:instrument_edit", args=[instrument.pk])
    assert response.url == edit_url
    client.post(reverse("instruments:section_create", args=[instrument.pk]), {"title": "Umum"})
    section = instrument.versions.get().sections.get()
    bad = client.post(
        reverse("instruments:item_create", args=[instrument.pk]),
        {
            "section": section.pk,
            "code": "pilih",
            "kind": "single",
            "label": "Pilih",
            "required": "on",
        },
    )
    assert (
        bad.status_code == 200
        and "Butir pilihan harus memiliki daftar pilihan." in bad.content.decode()
    )
    client.post(
        reverse("instruments:item_create", args=[instrument.pk]),
        {
            "section": section.pk,
            "code": "pilih",
            "kind": "single",
            "label": "Pilih",
            "required": "on",
            "choices": "a=Satu\nb=Dua",
        },
    )
    assert "Satu" in client.get(edit_url).content.decode()
    client.post(reverse("instruments:version_publish", args=[instrument.pk]))
    version = instrument.versions.get()
    assert version.is_frozen and version.items.get().choices == [
        {"value": "a", "label": "Satu"},
        {"value": "b", "label": "Dua"},
    ]
    services.response_record(version=version, answers={"pilih": "a"})
    client.post(edit_url)
    assert [(v.number, v.is_frozen) for v in instrument.versions.all()] == [(2, False), (1, True)]
    history = client.get(
        reverse("instruments:instrument_versions", args=[instrument.pk])
    ).content.decode()
    assert "Draf" in history


def test_export_then_import_through_the_pages(client, olga, world, medan_instrument):
    _login(client, olga)
    exported = client.get(
        reverse("instruments:instrument_export", args=[medan_instrument.pk, "xlsx"])
    )
    assert exported["Content-Disposition"] == 'attachment; filename="REAKSI-MDN-v1.xlsx"'
    document = json.loads(export_json(medan_instrument.versions.get()))
    document["instrument"]["code"] = "REAKSI-BARU"
    upload = io.BytesIO(json.dumps(document).encode())
    upload.name = "reaksi.json"
    response = client.post(
        reverse("instruments:instrument_import"), {"owner": world.medan.pk, "file": upload}
    )
    assert response.status_code == 302
    assert Instrument.objects.filter(code="REAKSI-BARU", owner=world.medan).exists()


def test_a_bad_import_shows_each_problem_and_stores_nothing(client, olga, world):
    _login(client, olga)
    document = {
        "schema": "sieva.instrument",
        "schema_version": 1,
        "instrument": {"code": "X", "title": "", "purpose": "reaksi"},
        "sections": [],
    }
    upload = io.BytesIO(json.dumps(document).encode())
    upload.name = "x.json"
    response = client.post(
        reverse("instruments:instrument_import"), {"owner": world.medan.pk, "file": upload}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Judul instrumen wajib diisi." in text and "paling sedikit satu bagian" in text
    assert not Instrument.objects.exists()


def test_bob_cannot_import_into_a_medan_unit(client, bob, world, medan_instrument):
    _login(client, bob)
    upload = io.BytesIO(export_json(medan_instrument.versions.get()))
    upload.name = "x.json"
    response = client.post(
        reverse("instruments:instrument_import"), {"owner": world.medan.pk, "file": upload}
    )
    assert response.status_code == 200
    assert Instrument.objects.count() == 1


def test_answered_versions_keep_their_items_in_the_history_view(client, olga, medan_instrument):
    version = services.version_publish(actor=olga, version=medan_instrument.versions.get())
    services.response_record(version=version, answers=VALID_ANSWERS)
    page = _login(client, olga).get(
        reverse("instruments:instrument_versions", args=[medan_instrument.pk])
    )
    assert page.context["versions"][0].response_count == 1
