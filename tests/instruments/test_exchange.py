"""JSON and XLSForm-style XLSX: round trips, and imports refused whole with row/column/reason."""

import io
import json

import pytest
from openpyxl import Workbook, load_workbook

from sieva.instruments import services
from sieva.instruments.exchange import export_json, export_xlsx, parse_file
from sieva.instruments.exchange.document import document_content, version_document
from sieva.instruments.models import Instrument
from sieva.org.access import user_access


def _reimport(alice, world, filename, data):
    document, problems = parse_file(filename, data)
    assert problems == []
    document["instrument"]["code"] = "SALINAN"
    return services.instrument_import(
        actor=alice, access=user_access(alice), owner=world.medan_health, document=document
    )


@pytest.mark.parametrize(("filename", "export"), [("a.json", export_json), ("a.xlsx", export_xlsx)])
def test_an_exported_instrument_imports_back_identical(
    alice, world, medan_instrument, filename, export
):
    original = medan_instrument.versions.get()
    copy = _reimport(alice, world, filename, export(original))
    assert document_content(version_document(copy.versions.get())) == document_content(
        version_document(original)
    )
    assert copy.purpose == medan_instrument.purpose


def test_the_xlsx_uses_xlsform_sheets_and_columns(medan_instrument):
    workbook = load_workbook(io.BytesIO(export_xlsx(medan_instrument.versions.get())))
    assert workbook.sheetnames == ["survey", "choices", "settings", "scales"]
    survey = list(workbook["survey"].values)
    assert survey[0][:6] == ("type", "name", "label", "hint", "required", "relevant")
    moda = next(r for r in survey if r[1] == "moda")
    assert moda[0] == "select_one moda"
    group = next(r for r in survey if r[0] == "begin_group" and r[2] == "Daring")
    assert group[5] == "${moda} = 'daring'"
    assert ("moda", "daring", "Daring") in list(workbook["choices"].values)


def _xlsx(survey_rows, choices_rows=(), settings=("F1", "Formulir", "reaksi")):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "survey"
    sheet.append(["type", "name", "label", "required", "relevant"])
    for row in survey_rows:
        sheet.append(list(row))
    choices = workbook.create_sheet("choices")
    choices.append(["list_name", "name", "label"])
    for row in choices_rows:
        choices.append(list(row))
    settings_sheet = workbook.create_sheet("settings")
    settings_sheet.append(["form_id", "form_title", "sieva_purpose"])
    settings_sheet.append(list(settings))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_plain_kobo_style_xlsform_imports_with_inferred_kinds():
    data = _xlsx(
        [
            ("select_one yn", "hadir", "Hadir?", "yes", ""),
            ("integer", "jumlah", "Jumlah", "no", "${hadir} = 'ya'"),
            ("text", "nama", "Nama", "", ""),
        ],
        [("yn", "ya", "Ya"), ("yn", "tidak", "Tidak")],
    )
    document, problems = parse_file("form.xlsx", data)
    assert problems == []
    items = document["sections"][0]["items"]
    assert [(i["code"], i["kind"], i["required"]) for i in items] == [
        ("hadir", "single", True),
        ("jumlah", "number", False),
        ("nama", "short_text", False),
    ]
    assert items[1]["show_if"] == {"item": "hadir", "value": "ya"}


def test_an_xlsform_is_read_by_the_shared_reader_and_its_limits(settings):
    settings.SIEVA_IMPORT_MAX_COLUMNS = 4  # the survey sheet has five
    document, problems = parse_file("form.xlsx", _xlsx([("text", "nama", "Nama", "", "")]))
    assert document == {}
    assert [(p.where, p.reason) for p in problems] == [
        (
            "berkas",
            "Lembar “survey”: sel E1 berada di luar batas impor (1.000.000 baris data, 4 "
            "kolom). Hapus isi sel di luar tabel data lalu simpan ulang.",
        )
    ]
    assert parse_file("form.xlsx", b"PK rusak")[1][0].reason.startswith(
        "Berkas XLSX tidak dapat dibaca: rusak"
    )


def test_a_bad_xlsx_reports_every_problem_by_row_and_column_and_stores_nothing(alice, world):
    data = _xlsx(
        [
            ("select_one yn", "hadir", "Hadir?", "yes", ""),
            ("select_one hilang", "q2", "Dua", "yes", ""),
            ("integer", "hadir", "Ganda", "mungkin", ""),
            ("geopoint", "lokasi", "Lokasi", "", ""),
            ("text", "q5", "", "", "${q9} > 3"),
        ],
        [("yn", "ya", "Ya")],
        settings=("F1", "Formulir", "entah"),
    )
    document, problems = parse_file("form.xlsx", data)
    found = {(p.sheet, p.row, p.column) for p in problems}
    assert ("survey", 3, "type") in found  # unknown choice list
    assert ("survey", 4, "required") in found
    assert ("survey", 5, "type") in found  # unsupported type
    assert ("survey", 6, "relevant") in found
    assert "Lembar survey baris 3 kolom type" in str(problems[0])
    # Structure was readable for the rest, so the content checks name rows too.
    document, problems = parse_file(
        "form.xlsx",
        _xlsx(
            [
                ("integer", "hadir", "A", "", ""),
                ("integer", "hadir", "B", "", ""),
                ("text", "c", "", "", ""),
            ],
            settings=("F1", "Formulir", "entah"),
        ),
    )
    found = {(p.sheet, p.row, p.column) for p in problems}
    assert {
        ("survey", 3, "name"),
        ("survey", 4, "label"),
        ("settings", 2, "sieva_purpose"),
    } <= found
    with pytest.raises(services.DocumentRefused):
        services.instrument_import(
            actor=alice, access=user_access(alice), owner=world.medan, document=document
        )
    assert not Instrument.objects.exists()


def test_a_json_file_with_an_unknown_schema_or_bad_content_is_refused():
    assert parse_file("x.json", b"{not json")[1][0].where == "berkas"
    assert parse_file("x.json", json.dumps({"schema": "lain"}).encode())[1][0].where == "schema"
    document = {
        "schema": "sieva.instrument",
        "schema_version": 1,
        "instrument": {"code": "A", "title": "A", "purpose": "reaksi"},
        "sections": [
            {
                "title": "S",
                "items": [
                    {
                        "code": "q",
                        "kind": "likert5",
                        "label": "Q",
                        "choices": [{"value": "0", "label": "nol"}],
                    }
                ],
            }
        ],
    }
    problems = parse_file("x.json", json.dumps(document).encode())[1]
    assert [p.where for p in problems] == ["sections[0].items[0].choices"]
    assert parse_file("x.csv", b"")[1][0].reason.startswith("Jenis berkas tidak didukung")


def test_a_deeply_nested_json_file_is_refused_with_a_message_not_a_crash():
    # Found by the probe: 100,000 nested brackets raised RecursionError, a 500 on upload.
    document, problems = parse_file("dalam.json", b"[" * 100_000 + b"]" * 100_000)
    assert document == {}
    assert [p.where for p in problems] == ["berkas"]
    assert "bersarang terlalu dalam" in problems[0].reason
