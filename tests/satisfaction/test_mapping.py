"""The Django-free mapping of SKM exports: which column holds what, and answers as 1–4."""

import subprocess
import sys

import pytest

from sieva.satisfaction.annex import ANNEX, QUESTION_ORDER
from sieva.satisfaction.mapping import (
    BAD,
    IGNORE,
    ProblemCode,
    Reason,
    answer_maps,
    parse_overrides,
    propose,
)

ELEMENT_HEADERS = [
    "Kesesuaian persaratan pelayanan",  # a common misspelling
    "Kemudahan prosedur",
    "Kecepatan waktu pelayanan",
    "Kewajaran biaya / tarif",
    "Kesesuaian produk layanan",
    "Kompentensi petugas",  # another
    "Prilaku petugas (kesopanan dan keramahan)",
    "Penanganan pengaduan",
    "Kualitas sarana dan pra sarana",
]


def test_question_texts_and_spelling_variants_are_recognised_without_confirmation():
    mapping = propose(["Timestamp", *ELEMENT_HEADERS], need_unit=False)
    assert mapping.ok, mapping.problems
    targets = [c.target for c in mapping.columns]
    assert targets == ["tanggal", "persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana"]  # fmt: skip
    assert {c.reason for c in mapping.columns[1:]} == {Reason.QUESTION}


def test_the_annex_questions_with_their_numbers_read_by_text_not_number():
    headers = [f"{ANNEX[c].question_number}. {ANNEX[c].question}" for c in QUESTION_ORDER]
    mapping = propose(["Cap waktu", *headers], need_unit=False)
    assert mapping.ok and not mapping.unconfirmed
    assert mapping.layout["sarana"] == 8 and mapping.layout["pengaduan"] == 9


@pytest.mark.parametrize(
    ("prefix", "eighth"), [("U", "pengaduan"), ("Q", "sarana"), ("unsur/u", "pengaduan")]
)
def test_bare_numbers_8_and_9_are_proposed_but_unconfirmed(prefix, eighth):
    header = ["tanggal", *[f"{prefix}{i}" for i in range(1, 10)]]
    mapping = propose(header, need_unit=False)
    assert [c.header for c in mapping.unconfirmed] == [f"{prefix}8", f"{prefix}9"]
    assert mapping.layout[eighth] == 8
    assert [p.code for p in mapping.problems] == [ProblemCode.AMBIGUOUS] * 2
    confirmed = propose(header, overrides={f"{prefix}8": "sarana", f"{prefix}9": "pengaduan"}, need_unit=False)  # fmt: skip
    assert confirmed.ok and confirmed.layout["sarana"] == 8


def test_kobo_ids_prefer_the_uuid_and_every_unused_column_is_listed():
    header = ["start", "_id", "_uuid", "_submission_time", *[f"grp/{c}" for c in ANNEX], "_index"]
    mapping = propose(header, need_unit=False)
    assert mapping.ok
    assert mapping.layout["id_respon"] == 2 and mapping.layout["tanggal"] == 3
    assert mapping.ignored == ["start", "_id", "_index"]


def test_a_saved_mapping_is_used_and_the_users_choice_wins_over_it():
    header = ["submitdate", *[f"Q{i}" for i in range(1, 10)]]
    saved = {"Q8": "sarana", "Q9": "pengaduan", "Q7": "perilaku", "gone": "biaya"}
    mapping = propose(header, saved=saved, need_unit=False)
    assert mapping.ok and mapping.columns[8].reason == Reason.SAVED
    swapped = propose(header, saved=saved, overrides={"Q8": "pengaduan", "Q9": "sarana"}, need_unit=False)  # fmt: skip
    assert swapped.layout["pengaduan"] == 8 and swapped.columns[8].reason == Reason.USER


def test_user_choices_name_unknown_columns_and_targets_and_two_columns_for_one_element():
    header = ["tanggal", *ANNEX, "persyaratan lagi"]
    mapping = propose(header, overrides={"nope": "biaya", "waktu": "jam", "persyaratan lagi": "persyaratan"}, need_unit=False)  # fmt: skip
    codes = {p.code for p in mapping.problems}
    assert codes == {ProblemCode.UNKNOWN_COLUMN, ProblemCode.UNKNOWN_TARGET}
    assert mapping.layout["persyaratan"] == 10  # the user's column; the other is listed
    assert "persyaratan" in mapping.ignored
    twice = propose(header, overrides={"persyaratan": "biaya", "biaya": "biaya"}, need_unit=False)
    assert [p.code for p in twice.problems if p.code == ProblemCode.TWICE] == [ProblemCode.TWICE]
    ignored = propose(header, overrides={"persyaratan lagi": "-"}, need_unit=False)
    assert ignored.ok and ignored.columns[-1].target == IGNORE


def test_missing_elements_time_and_unit_are_each_named():
    mapping = propose(["persyaratan", "prosedur"])
    missing = [p.params.get("element") for p in mapping.problems if p.code == ProblemCode.MISSING_ELEMENT]  # fmt: skip
    assert missing == ["waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana"]
    assert {ProblemCode.MISSING_TIME, ProblemCode.MISSING_UNIT} <= {
        p.code for p in mapping.problems
    }


def test_answers_as_numbers_labels_letters_and_limesurvey_codes():
    maps = answer_maps()
    assert [maps["biaya"][v] for v in ("Gratis", " sangat  MAHAL ", "A3", 2.0, "4", "d. Gratis", "")] == [4, 1, 3, 2, 4, 4, 0]  # fmt: skip
    assert [maps["pengaduan"][v] for v in ("Dikelola dengan baik", "Ada tetapi tidak berfungsi")] == [4, 2]  # fmt: skip
    # A label of another element, 0, 5, 3.5 and text are not answers.
    assert [maps["biaya"][v] for v in ("Sangat sesuai", 0, 5, 3.5, "3,5", "ya")] == [BAD] * 6


def test_map_options_are_parsed_and_a_pair_without_equals_is_refused():
    assert parse_overrides(["U8=sarana", " Q9 = pengaduan", "a=b=c"]) == {"U8": "sarana", "Q9": "pengaduan", "a=b": "c"}  # fmt: skip
    with pytest.raises(ValueError, match="U8"):
        parse_overrides(["U8"])


def test_the_mapping_imports_without_django():
    code = "import sys, sieva.satisfaction.mapping; print(any(m.startswith('django') for m in sys.modules))"  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
