"""The finished builder (issue 9 item 8, decision 0061): scales with reverse-scored items,
moving and duplicating sections and items, exclusive options — each audited, scoped like the
editor, refused on published versions — and a respondent form that never tells which items are
reverse-scored."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sieva.audit.models import AuditEvent
from sieva.instruments.answers import check_answers
from sieva.instruments.exchange.checks import check_document
from sieva.instruments.exchange.document import version_document, write_version
from sieva.instruments.models import Instrument, Item, Purpose, Response
from sieva.instruments.selectors import spec_for_version
from sieva.instruments.services import arranging, version_publish
from sieva.instruments.services.scales import scale_save
from sieva.instruments.services.standard import standard_instruments_load
from tests.instruments.campaign_setup import links, make_campaign, medan_setting
from tests.instruments.conftest import sample_document

__all__ = ["medan_setting"]


def _draft(instrument):
    return instrument.versions.get(number=1)


def _codes(version, section_index=0) -> list[str]:
    section = version.sections.order_by("order", "pk")[section_index]
    return list(section.items.order_by("order", "pk").values_list("code", flat=True))


def _edit(instrument, name, *args):
    return reverse(f"instruments:{name}", args=[instrument.pk, *args])


def test_olga_creates_and_changes_a_scale_with_a_reverse_scored_item(
    client, olga, medan_instrument
):
    draft = _draft(medan_instrument)
    client.force_login(olga)
    form = client.get(_edit(medan_instrument, "scale_create"))
    assert form.status_code == 200
    html = form.content.decode()
    assert 'value="puas"' in html and 'value="koneksi"' not in html  # scored items only
    posted = client.post(
        _edit(medan_instrument, "scale_create"),
        {"code": "minat", "name": "Minat", "items": ["puas", "umur"], "reverse": ["umur"]},
    )
    assert posted.status_code == 302
    scale = draft.scales.get(code="minat")
    assert {(m.item.code, m.reverse) for m in scale.members.all()} == {
        ("puas", False),
        ("umur", True),
    }
    assert AuditEvent.objects.filter(action="instrument.scale_save").exists()
    editor = client.get(_edit(medan_instrument, "instrument_edit")).content.decode()
    assert "Minat" in editor and "skor dibalik" in editor
    client.post(
        _edit(medan_instrument, "scale_edit", scale.pk),
        {"code": "minat", "name": "Minat belajar", "items": ["puas"], "reverse": []},
    )
    scale.refresh_from_db()
    assert scale.name == "Minat belajar" and scale.members.get().item.code == "puas"
    client.post(_edit(medan_instrument, "scale_delete", scale.pk))
    assert not draft.scales.filter(code="minat").exists()
    assert AuditEvent.objects.filter(action="instrument.scale_delete").exists()


def test_a_bad_scale_names_the_field(client, olga, medan_instrument):
    client.force_login(olga)
    taken = client.post(
        _edit(medan_instrument, "scale_create"),
        {"code": "kepuasan", "name": "Lagi", "items": ["puas"]},
    )
    assert taken.status_code == 200
    assert "Kode skala “kepuasan” kosong, tidak valid atau ganda." in taken.content.decode()
    outside = client.post(
        _edit(medan_instrument, "scale_create"),
        {"code": "x", "name": "X", "items": ["puas"], "reverse": ["bosan"]},
    )
    assert "Butir “bosan” dibalik tetapi tidak dipilih dalam skala." in outside.content.decode()
    assert _draft(medan_instrument).scales.count() == 1


def test_items_and_sections_move_up_and_down(client, olga, medan_instrument):
    draft = _draft(medan_instrument)
    client.force_login(olga)
    puas, bosan = draft.items.get(code="puas"), draft.items.get(code="bosan")
    client.post(_edit(medan_instrument, "item_move", bosan.pk), {"arah": "naik"})
    assert _codes(draft)[:2] == ["bosan", "puas"]
    client.post(_edit(medan_instrument, "item_move", bosan.pk), {"arah": "turun"})
    assert _codes(draft)[:2] == ["puas", "bosan"]
    assert AuditEvent.objects.filter(action="instrument.item_move").count() == 2
    # The first item cannot go higher: nothing changes.
    client.post(_edit(medan_instrument, "item_move", puas.pk), {"arah": "naik"})
    assert _codes(draft)[0] == "puas"
    second = draft.sections.order_by("order")[1]
    # The "Daring" section is shown only when `moda` (in the first section) says so:
    # moving it above that question would break the condition, and is refused.
    got = client.post(
        _edit(medan_instrument, "section_move", second.pk), {"arah": "naik"}, follow=True
    )
    assert "tidak ada sebelumnya" in got.content.decode()
    assert list(draft.sections.order_by("order").values_list("title", flat=True)) == [
        "Umum",
        "Daring",
    ]


def test_a_section_without_dependencies_moves(olga, medan_instrument):
    draft = _draft(medan_instrument)
    second = draft.sections.order_by("order")[1]
    second.show_if_item = ""
    second.save()
    moved = arranging.section_move(actor=olga, version=draft, section=second, step=arranging.UP)
    assert moved
    assert [s["title"] for s in version_document(draft)["sections"]] == ["Daring", "Umum"]


def test_duplicating_an_item_puts_a_new_code_right_below(client, olga, medan_instrument):
    draft = _draft(medan_instrument)
    client.force_login(olga)
    moda = draft.items.get(code="moda")
    client.post(_edit(medan_instrument, "item_duplicate", moda.pk))
    client.post(_edit(medan_instrument, "item_duplicate", moda.pk))
    codes = _codes(draft)
    assert codes[codes.index("moda") : codes.index("moda") + 3] == [
        "moda",
        "moda_salin2",
        "moda_salin",
    ]
    copy = draft.items.get(code="moda_salin")
    assert copy.choices == moda.choices and copy.label == moda.label
    assert not copy.scale_memberships.exists()
    assert AuditEvent.objects.filter(action="instrument.item_duplicate").count() == 2


def test_duplicating_a_section_copies_its_items_and_their_conditions(olga, medan_instrument):
    draft = _draft(medan_instrument)
    first = draft.sections.order_by("order")[0]
    item = draft.items.get(code="bosan")
    item.show_if_item, item.show_if_value = "puas", "1"
    item.save()
    copy = arranging.section_duplicate(actor=olga, version=draft, section=first)
    assert copy.title == "Umum (salinan)"
    titles = list(draft.sections.order_by("order").values_list("title", flat=True))
    assert titles == ["Umum", "Umum (salinan)", "Daring"]
    copied = {i.code: i for i in copy.items.all()}
    assert set(copied) == {f"{code}_salin" for code in _codes(draft)}
    assert copied["bosan_salin"].show_if_item == "puas_salin"
    assert AuditEvent.objects.filter(action="instrument.section_duplicate").exists()


def test_a_published_version_is_never_arranged(olga, medan_instrument):
    draft = _draft(medan_instrument)
    version_publish(actor=olga, version=draft)
    item = draft.items.get(code="bosan")
    for call in (
        lambda: arranging.item_move(actor=olga, version=draft, item=item, step=arranging.UP),
        lambda: arranging.item_duplicate(actor=olga, version=draft, item=item),
        lambda: arranging.section_duplicate(actor=olga, version=draft, section=item.section),
        lambda: scale_save(
            actor=olga, version=draft, scale=None, code="s", name="S", members=[("puas", False)]
        ),
    ):
        with pytest.raises(ValidationError, match="sudah diterbitkan"):
            call()


@pytest.mark.parametrize(
    "name",
    ["item_move", "item_duplicate", "section_move", "section_duplicate", "scale_create"],
)
def test_bob_cannot_arrange_a_medan_instrument_and_lina_may_not(
    client, bob, lina, medan_instrument, name
):
    draft = _draft(medan_instrument)
    target = {
        "item_move": [draft.items.get(code="puas").pk],
        "item_duplicate": [draft.items.get(code="puas").pk],
        "section_move": [draft.sections.first().pk],
        "section_duplicate": [draft.sections.first().pk],
        "scale_create": [],
    }[name]
    client.force_login(bob)
    assert client.post(_edit(medan_instrument, name, *target)).status_code == 404
    client.force_login(lina)
    assert client.post(_edit(medan_instrument, name, *target)).status_code == 403
    assert draft.items.count() == 9


def _exclusive_instrument(owner) -> Instrument:
    document = sample_document("HAMBATAN")
    document["sections"][0]["items"].append(
        {
            "code": "hambatan",
            "kind": "multiple",
            "label": "Hambatan menerapkan hasil pelatihan",
            "required": False,
            "choices": [
                {"value": "waktu", "label": "Waktu"},
                {"value": "atasan", "label": "Dukungan atasan"},
                {"value": "tidak_ada", "label": "Tidak ada hambatan", "exclusive": True},
            ],
        }
    )
    instrument = Instrument.objects.create(
        owner=owner, code="HAMBATAN", title="Hambatan", purpose=Purpose.REACTION
    )
    write_version(instrument=instrument, number=1, document=document)
    return instrument


def test_olga_marks_an_option_exclusive_in_the_item_form(client, olga, medan_instrument):
    draft = _draft(medan_instrument)
    topik = draft.items.get(code="topik")
    client.force_login(olga)
    data = {
        "section": topik.section_id,
        "code": "topik",
        "kind": "multiple",
        "label": "Topik",
        "choices": "a=A\nb=B\nnone=Tidak ada",
        "exclusive": "none",
        "points": "0",
    }
    assert client.post(_edit(medan_instrument, "item_edit", topik.pk), data).status_code == 302
    topik.refresh_from_db()
    assert topik.choices[2] == {"value": "none", "label": "Tidak ada", "exclusive": True}
    bad = client.post(_edit(medan_instrument, "item_edit", topik.pk), {**data, "exclusive": "nah"})
    assert "Pilihan eksklusif “nah” bukan salah satu pilihan jawaban." in bad.content.decode()
    form = client.get(_edit(medan_instrument, "item_edit", topik.pk)).content.decode()
    assert 'name="exclusive"' in form and 'value="none"' in form


def test_an_exclusive_option_ticked_with_another_is_refused_naming_the_question(world):
    version = _draft(_exclusive_instrument(world.medan))
    spec = spec_for_version(version)
    base = {"puas": "4", "moda": "kelas", "umur": "30"}
    refused = check_answers(spec, {**base, "hambatan": ["waktu", "tidak_ada"]})
    assert refused.errors == {
        "hambatan": "“Hambatan menerapkan hasil pelatihan”: pilihan “Tidak ada hambatan” "
        "tidak dapat dipilih bersama pilihan lain."
    }
    assert check_answers(spec, {**base, "hambatan": ["tidak_ada"]}).ok
    assert check_answers(spec, {**base, "hambatan": ["waktu", "atasan"]}).ok


def test_exclusive_options_survive_export_and_only_multiple_choice_may_have_them(world):
    version = _draft(_exclusive_instrument(world.medan))
    document = version_document(version)
    choices = document["sections"][0]["items"][-1]["choices"]
    assert choices[-1]["exclusive"] is True
    document["sections"][0]["items"][2]["choices"][0]["exclusive"] = True  # `moda`: single
    problems = check_document(document)
    assert [p.reason for p in problems] == [
        "Pilihan eksklusif hanya untuk butir pilihan ganda (boleh lebih dari satu)."
    ]


def test_the_respondent_form_hints_and_the_server_enforces_the_exclusive_option(
    client, world, medan_setting
):
    instrument = _exclusive_instrument(world.medan)
    version = _draft(instrument)
    version_publish(actor=None, version=version)
    campaign = make_campaign(medan_setting, version=version)
    token = links(campaign)[medan_setting.participants[0].pk]
    url = reverse("instruments:respond", args=[token])
    html = client.get(url).content.decode()
    assert 'value="tidak_ada" data-exclusive="true"' in html
    assert "(tidak dapat dipilih bersama pilihan lain)" in html
    assert "instruments/exclusive.js" in html
    answers = {"puas": "4", "moda": "kelas", "umur": "30", "hambatan": ["waktu", "tidak_ada"]}
    refused = client.post(url, answers)
    assert refused.status_code == 400
    assert "pilihan “Tidak ada hambatan” tidak dapat dipilih bersama pilihan lain" in (
        refused.content.decode()
    )
    assert not Response.objects.exists()
    assert client.post(url, {**answers, "hambatan": ["tidak_ada"]}).status_code == 302


REVERSE_MARKS = ("dibalik", "terbalik", "negatif", "reverse", "data-reverse")


def test_the_respondent_form_never_tells_which_items_are_reverse_scored(
    client, world, medan_setting
):
    standard_instruments_load()
    reaction = Instrument.objects.get(code="STD-L1-REAKSI", owner=None)
    version = reaction.versions.order_by("-number").first()
    reversed_items = [
        m.item for s in version.scales.all() for m in s.members.select_related("item") if m.reverse
    ]
    assert reversed_items, "control: the standard L1 has a reverse-scored item"
    campaign = make_campaign(medan_setting, version=version)
    token = links(campaign)[medan_setting.participants[0].pk]
    html = client.get(reverse("instruments:respond", args=[token])).content.decode()
    assert reversed_items[0].label in html
    lowered = html.lower()
    assert not [mark for mark in REVERSE_MARKS if mark in lowered]


def test_the_analyst_sees_the_reverse_marks_on_the_instrument_page(client, olga, world):
    standard_instruments_load()
    reaction = Instrument.objects.get(code="STD-L1-REAKSI", owner=None)
    client.force_login(olga)
    html = client.get(reverse("instruments:instrument_detail", args=[reaction.pk])).content
    assert "skor dibalik" in html.decode()


def test_item_rows_of_the_preview_are_reachable(client, olga, medan_instrument):
    client.force_login(olga)
    html = client.get(_edit(medan_instrument, "instrument_edit")).content.decode()
    item = Item.objects.get(version__instrument=medan_instrument, code="bosan")
    assert _edit(medan_instrument, "item_duplicate", item.pk) in html
    assert _edit(medan_instrument, "item_move", item.pk) in html
    assert _edit(medan_instrument, "scale_create") in html


def test_the_results_name_the_reverse_scored_items(client, alice, medan_setting):
    campaign = make_campaign(medan_setting)
    client.force_login(alice)
    page = client.get(reverse("instruments:campaign_responses", args=[campaign.pk]))
    # The sample instrument's `kepuasan` scale reverses `bosan`.
    assert "Butir berskor dibalik" in page.content.decode()
    assert "bosan." in page.content.decode()
