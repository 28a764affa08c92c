"""Auto-mapping of export headers to items, for the three survey tools, and saved mappings."""

from sieva.instruments.answers import FormSpec, ItemSpec
from sieva.instruments.imports.headers import IGNORE, NIP, WHEN, auto_map, detect_source
from tests.instruments.import_files import GOOGLE_HEADER, KOBO_HEADER, LIMESURVEY_HEADER

FOUR = tuple((str(n), str(n)) for n in range(1, 5))
SPEC = FormSpec(
    items=(
        ItemSpec("puas", "likert5", "Saya puas."),
        ItemSpec("bosan", "likert4", "Saya bosan.", required=False),
        ItemSpec("moda", "single", "Moda", choices=(("kelas", "Kelas"), ("daring", "Daring"))),
        ItemSpec("topik", "multiple", "Topik", choices=(("a", "A"), ("b", "B"))),
        ItemSpec("umur", "number", "Umur"),
        ItemSpec("tgl", "date", "Tanggal"),
        ItemSpec(
            "nilai",
            "matrix",
            "Nilai pengajar",
            choices=FOUR,
            rows=(("materi", "Materi"), ("waktu", "Waktu")),
        ),
        ItemSpec("koneksi", "short_text", "Koneksi?"),
        ItemSpec("catatan", "long_text", "Catatan"),
    )
)


def mapped(header, spec=SPEC, saved=None):
    return dict(zip(header, auto_map(header, spec, saved), strict=True))


def test_google_forms_question_texts_map_to_items_and_grid_rows():
    got = mapped(GOOGLE_HEADER)
    assert got == {
        "Cap waktu": WHEN,
        "NIP": NIP,
        "Saya puas.": "puas",
        "Saya bosan.": "bosan",
        "Moda": "moda",
        "Topik": "topik",
        "Umur": "umur",
        "Tanggal": "tgl",
        "Nilai pengajar [Materi]": "nilai[materi]",
        "Nilai pengajar [Waktu]": "nilai[waktu]",
        "Koneksi?": "koneksi",
        "Catatan": "catatan",
    }
    assert detect_source(GOOGLE_HEADER) == "google"


def test_google_forms_english_timestamp_and_a_slightly_edited_question_still_map():
    got = mapped(["Timestamp", "Saya puas sekali.", "Nilai pengajar [materi]"])
    assert got == {
        "Timestamp": WHEN,
        "Saya puas sekali.": IGNORE,
        "Nilai pengajar [materi]": "nilai[materi]",
    }
    assert mapped(["Saya  puas"])["Saya  puas"] == "puas"  # punctuation and spacing differ
    assert mapped(["Saya pua."])["Saya pua."] == "puas"  # a typo above the similarity bar


def test_two_questions_that_look_alike_are_left_for_the_person_to_choose():
    spec = FormSpec(
        items=(
            ItemSpec("p1", "likert5", "Materi jelas 1"),
            ItemSpec("p2", "likert5", "Materi jelas 2"),
        )
    )
    assert mapped(["Materi jelas"], spec) == {"Materi jelas": IGNORE}


def test_kobo_names_map_after_their_group_and_metadata_is_ignored():
    got = mapped(KOBO_HEADER)
    assert got["identitas/nip"] == NIP
    assert got["umum/puas"] == "puas"
    assert got["umum/topik"] == "topik"
    # The 0/1 columns repeat the multiple choice answer that umum/topik already holds.
    assert got["umum/topik/a"] == IGNORE and got["umum/topik/b"] == IGNORE
    assert got["umum/nilai/materi"] == "nilai[materi]"
    assert got["daring/koneksi"] == "koneksi"
    assert got["_submission_time"] == WHEN
    assert {got[h] for h in ("start", "end", "_id", "_uuid", "_validation_status", "_index")} == {
        IGNORE
    }
    assert detect_source(KOBO_HEADER) == "kobo"


def test_kobo_option_columns_map_when_the_combined_column_is_missing():
    got = mapped(["grup/topik/a", "grup/topik/b"])
    assert got == {"grup/topik/a": "topik[a]", "grup/topik/b": "topik[b]"}


def test_limesurvey_codes_and_bracketed_subquestions_map():
    got = mapped(LIMESURVEY_HEADER)
    assert got["submitdate"] == WHEN
    assert got["NIP"] == NIP
    assert got["puas"] == "puas"
    assert got["topik[a]"] == "topik[a]" and got["topik[b]"] == "topik[b]"
    assert got["nilai[materi]"] == "nilai[materi]"
    assert {got[h] for h in ("id", "lastpage", "startlanguage", "seed")} == {IGNORE}
    assert detect_source(LIMESURVEY_HEADER) == "limesurvey"


def test_limesurvey_q_codes_with_sq_rows_and_code_dot_text_headers():
    spec = FormSpec(
        items=(
            ItemSpec("Q01", "likert5", "Materi relevan"),
            ItemSpec(
                "Q05",
                "matrix",
                "Nilai",
                choices=FOUR,
                rows=(("SQ001", "Materi"), ("SQ002", "Waktu")),
            ),
        )
    )
    got = mapped(
        ["Q01. Materi relevan dengan tugas", "Q05[SQ001]", "Q05[SQ002]", "Q05[SQ009]"], spec
    )
    assert got == {
        "Q01. Materi relevan dengan tugas": "Q01",
        "Q05[SQ001]": "Q05[SQ001]",
        "Q05[SQ002]": "Q05[SQ002]",
        "Q05[SQ009]": IGNORE,  # no such row
    }


def test_a_saved_mapping_wins_over_guessing_and_each_item_is_taken_once():
    header = ["Pertanyaan 1", "Saya puas.", "puas"]
    got = auto_map(header, SPEC, {"pertanyaan_1": "puas", "saya_puas": "bosan"})
    assert got == ["puas", "bosan", IGNORE]
    assert auto_map(["x"], SPEC, {"x": "hilang"}) == [IGNORE]  # a stale saved target is dropped
