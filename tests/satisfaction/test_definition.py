"""The one SKM definition: it says what PermenPANRB 14/2017 says, and the standard SKM
instrument, the public form and the stored columns are all generated from it."""

from dataclasses import replace

import pytest

from sieva.analysis.indices.ikm import STANDARD_ELEMENTS
from sieva.instruments.exchange.document import version_document
from sieva.instruments.models import Instrument
from sieva.instruments.services.standard import standard_instruments_load
from sieva.satisfaction.elements import (
    ELEMENTS,
    PROFILE,
    QUESTION_ORDER,
    SKM_ELEMENTS,
)
from sieva.satisfaction.forms import SkmPublicForm
from sieva.satisfaction.instrument import CODE, skm_instrument_document
from sieva.satisfaction.models import SkmResponse

# The annex questionnaire as /work/shared/DOMAIN.md lists it (question number, element code,
# words of the question, answers a→d = 1→4), typed here independently of the definition.
ANNEX = [
    (1, "persyaratan", "kesesuaian persyaratan pelayanan dengan jenis pelayanannya",
     ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
    (2, "prosedur", "kemudahan prosedur pelayanan",
     ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"]),
    (3, "waktu", "kecepatan waktu dalam memberikan pelayanan",
     ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"]),
    (4, "biaya", "kewajaran biaya/tarif", ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"]),
    (5, "produk", "standar pelayanan dengan hasil",
     ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
    (6, "kompetensi", "kompetensi/kemampuan petugas",
     ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"]),
    (7, "perilaku", "kesopanan dan keramahan",
     ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah",
      "Sangat sopan dan ramah"]),
    (8, "sarana", "kualitas sarana dan prasarana", ["Buruk", "Cukup", "Baik", "Sangat Baik"]),
    (9, "pengaduan", "penanganan pengaduan pengguna layanan",
     ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal",
      "Dikelola dengan baik"]),
]  # fmt: skip


def test_the_definition_asks_the_annex_questions_with_the_annex_answers():
    assert [
        (e.question_number, e.code, [str(a) for a in e.answers])
        for e in (SKM_ELEMENTS[c] for c in QUESTION_ORDER)
    ] == [(number, code, answers) for number, code, _words, answers in ANNEX]
    for _number, code, words, _answers in ANNEX:
        assert words in str(SKM_ELEMENTS[code].question), code


def test_elements_are_kept_in_the_regulation_order_with_u8_pengaduan_and_u9_sarana():
    assert tuple(SKM_ELEMENTS) == ELEMENTS == STANDARD_ELEMENTS
    assert [SKM_ELEMENTS[c].number for c in ELEMENTS] == list(range(1, 10))
    assert (SKM_ELEMENTS["pengaduan"].number, SKM_ELEMENTS["sarana"].number) == (8, 9)
    assert QUESTION_ORDER[7:] == ("sarana", "pengaduan")


@pytest.fixture
def stored_skm(db):
    standard_instruments_load()
    return Instrument.objects.get(code=CODE, owner=None).versions.get()


def test_the_stored_standard_instrument_is_exactly_the_generated_document(stored_skm):
    stored = version_document(stored_skm)
    generated = skm_instrument_document()
    assert stored["sections"] == generated["sections"]
    assert stored["scales"] == generated["scales"]
    assert stored["instrument"] == generated["instrument"]


def test_the_standard_instrument_asks_what_the_definition_says(stored_skm):
    items = {item.code: item for item in stored_skm.items.all()}
    questions = [
        i for i in stored_skm.items.order_by("section__order", "order") if i.kind == "likert4"
    ]
    assert [i.code for i in questions] == list(QUESTION_ORDER)
    for item in questions:
        element = SKM_ELEMENTS[item.code]
        assert item.label == str(element.question) and item.required
        assert item.choices == [
            {"value": str(v), "label": str(a)} for v, a in enumerate(element.answers, start=1)
        ]
    for field in PROFILE:
        item = items[field.code]
        assert item.required is field.required is False
        expected = (
            []
            if field.choices is None
            else [{"value": c.value, "label": str(c.label)} for c in field.choices]
        )
        assert item.choices == expected
    members = stored_skm.scales.get(code="ikm").members.all()
    assert sorted(m.item.code for m in members) == sorted(ELEMENTS)


def test_reloading_is_a_no_op_until_the_definition_changes(stored_skm, monkeypatch):
    assert standard_instruments_load().unchanged.count(CODE) == 1
    changed = replace(SKM_ELEMENTS["sarana"], question="Bagaimana kualitas sarana?")
    monkeypatch.setitem(SKM_ELEMENTS, "sarana", changed)
    assert standard_instruments_load().updated == [CODE]
    assert Instrument.objects.get(code=CODE).versions.count() == 2


def test_the_public_form_asks_the_annex_questions_in_the_annex_order():
    form = SkmPublicForm()
    fields = form.element_fields()
    assert [f.name for f in fields] == list(QUESTION_ORDER)
    assert fields[7].label.startswith("8. ") and "sarana" in fields[7].label
    assert [label for _v, label in fields[7].field.choices] == ANNEX[7][3]
    assert [f.name for f in form.profile_fields()] == [p.field for p in PROFILE]
    assert not any(f.field.required for f in form.profile_fields())


def test_the_stored_profile_columns_take_the_codes_of_the_definition():
    for field in PROFILE:
        column = SkmResponse._meta.get_field(field.field)
        assert column.max_length == field.max_length
        assert column.choices == (field.choices.choices if field.choices else None)
