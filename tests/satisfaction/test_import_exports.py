"""Exports of the three tools people use, unedited, to stored SKM responses and aggregates."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sieva.analysis.indices.ikm import ikm_from_responses
from sieva.org.access import user_access
from sieva.satisfaction.elements import ELEMENTS
from sieva.satisfaction.models import SkmAggregate, SkmResponse
from sieva.satisfaction.services.imports import import_skm
from sieva.satisfaction.services.rebuild import aggregates_compare
from tests.satisfaction.exports import google_forms_id, kobo_xlsx, limesurvey_csv, respondents

pytestmark = pytest.mark.django_db
CONFIRM = {"Q8": "sarana", "Q9": "pengaduan"}


def _import(user, content, name, unit, columns=None, **kwargs):
    return import_skm(
        io.BytesIO(content),
        name,
        actor=user,
        access=user_access(user),
        unit=unit,
        columns=columns,
        **kwargs,
    )


def _stored_answers():
    rows = SkmResponse.objects.order_by("submitted_at").values_list(*ELEMENTS)
    return [list(row) for row in rows]


def test_a_google_forms_export_in_the_indonesian_locale_imports_with_its_labels(alice, puskesmas):
    people = respondents(12)
    result = _import(alice, google_forms_id(people), "SKM Puskesmas.csv", puskesmas)
    assert result.ok, result.errors
    assert (result.rows, result.unit_months) == (12, 1)
    assert _stored_answers() == people  # labels read per element, sarana/pengaduan by text
    first = SkmResponse.objects.order_by("submitted_at").first()
    # 03/02/2025 08.00.00 WIB is 3 February, 01:00 UTC.
    assert first.submitted_at.isoformat() == "2025-02-03T01:00:00+00:00"
    assert (first.unit_id, first.age_band, first.gender) == (puskesmas.pk, "20-29", "L")
    assert result.mapping.ignored == ["Saran dan masukan"]  # listed, not dropped silently
    assert aggregates_compare() == []


def test_a_kobo_xlsx_export_needs_u8_and_u9_confirmed_and_reads_utc_submission_times(
    alice, puskesmas
):
    people = respondents(8, seed=1)
    content = kobo_xlsx(people)
    refused = _import(alice, content, "skm_kobo.xlsx", puskesmas)
    assert [(e.row, e.column) for e in refused.errors] == [(1, "unsur/u8"), (1, "unsur/u9")]
    assert SkmResponse.objects.count() == 0
    columns = {"unsur/u8": "sarana", "unsur/u9": "pengaduan"}
    result = _import(alice, content, "skm_kobo.xlsx", puskesmas, columns)
    assert result.ok, result.errors
    assert _stored_answers() == people
    first = SkmResponse.objects.order_by("submitted_at").first()
    assert first.submitted_at.isoformat() == "2025-04-15T03:00:00+00:00"  # Kobo writes UTC
    assert str(first.period) == "2025-04-01" and first.age_band == "30-39"
    assert set(result.mapping.ignored) == {"start", "end", "_id", "_validation_status", "_index"}


def test_kobo_submission_times_as_date_cells_are_utc_too(alice, puskesmas):
    columns = {"unsur/u8": "sarana", "unsur/u9": "pengaduan"}
    result = _import(alice, kobo_xlsx(respondents(3), dates=True), "k.xlsx", puskesmas, columns)
    assert result.ok, result.errors
    first = SkmResponse.objects.order_by("submitted_at").first()
    assert first.submitted_at.isoformat() == "2025-04-15T03:00:00+00:00"


def test_a_limesurvey_export_with_answer_codes_imports_once_confirmed(alice, puskesmas):
    people = respondents(10, seed=2)
    result = _import(alice, limesurvey_csv(people), "results-survey123.csv", puskesmas, CONFIRM)
    assert result.ok, result.errors
    assert _stored_answers() == people
    sarana = SkmAggregate.objects.get(unit=puskesmas, element="sarana")
    assert sarana.count == 10 and sarana.total == sum(p[8] for p in people)


def test_a_label_outside_its_elements_list_is_refused_with_row_and_column(alice, puskesmas):
    content = google_forms_id(respondents(4)).decode().replace("Gratis", "Mahal sekali", 1)
    result = _import(alice, content.encode(), "skm.csv", puskesmas)
    assert not result.ok
    [error] = result.errors
    assert error.column.startswith("4. Bagaimana pendapat Saudara tentang kewajaran biaya")
    assert "Mahal sekali" in error.message and "4 Gratis" in error.message
    assert SkmResponse.objects.count() == 0 and SkmAggregate.objects.count() == 0


def test_a_reexported_file_reports_rows_already_imported_and_adds_only_the_new(alice, puskesmas):
    people = respondents(60, seed=3)
    assert _import(alice, limesurvey_csv(people[:57]), "export-1.csv", puskesmas, CONFIRM).ok
    again = _import(alice, limesurvey_csv(people), "export-2.csv", puskesmas, CONFIRM)
    assert again.ok, again.errors
    assert (again.already, again.rows, again.file_rows) == (57, 3, 60)
    assert again.already_on is not None
    assert SkmResponse.objects.count() == 60
    assert SkmAggregate.objects.get(unit=puskesmas, element="persyaratan").count == 60
    assert aggregates_compare() == []


def test_a_google_forms_file_saved_again_is_recognised_by_time_and_answers(alice, puskesmas):
    people = respondents(20, seed=4)
    assert _import(alice, google_forms_id(people[:15]), "skm.csv", puskesmas).ok
    resaved = google_forms_id(people).decode().replace("\n", "\r\n").encode()
    again = _import(alice, resaved, "skm (1).csv", puskesmas)
    assert (again.already, again.rows) == (15, 5)
    assert SkmResponse.objects.count() == 20


def test_the_mapping_confirmed_once_is_offered_for_the_next_file_of_the_source(alice, puskesmas):
    assert _import(alice, limesurvey_csv(respondents(3)), "a.csv", puskesmas, CONFIRM).ok
    later = limesurvey_csv(respondents(4, seed=9), first_id=4)
    result = _import(alice, later, "b.csv", puskesmas)  # no --map this time
    assert result.ok, result.errors
    assert SkmResponse.objects.count() == 7


def test_the_command_takes_the_unit_the_mapping_and_a_dry_run(tmp_path, alice, puskesmas, capsys):
    path = tmp_path / "results-survey.csv"
    path.write_bytes(limesurvey_csv(respondents(6)))
    with pytest.raises(CommandError):
        call_command("import_skm", str(path), "--unit", puskesmas.code)
    err = capsys.readouterr().err
    assert "baris 1, kolom Q8" in err and "BELUM DIPASTIKAN" in err
    maps = ["--map", "Q8=sarana", "--map", "Q9=pengaduan"]
    call_command("import_skm", str(path), "--unit", puskesmas.code, *maps, "--dry-run")
    assert "6 respons akan diimpor" in capsys.readouterr().out
    assert SkmResponse.objects.count() == 0
    call_command("import_skm", str(path), "--unit", puskesmas.code.lower(), *maps, "--json")
    import json

    out = json.loads(capsys.readouterr().out)
    assert (out["ok"], out["rows"], out["already_imported"]) == (True, 6, 0)
    assert {"column": "Q8", "target": "sarana", "recognised_by": "user", "unconfirmed": False} in out["columns"]  # fmt: skip
    assert set(out["ignored"]) == {"lastpage", "startlanguage", "seed"}
    assert SkmResponse.objects.count() == 6


def test_analyze_ikm_reads_the_same_exports_without_a_database(tmp_path, capsys):
    from sieva.analyze_cli import main

    people = respondents(9, seed=5)
    google = tmp_path / "google.csv"
    google.write_bytes(google_forms_id(people))
    lime = tmp_path / "lime.csv"
    lime.write_bytes(limesurvey_csv(people))
    expected = ikm_from_responses({code: [p[i] for p in people] for i, code in enumerate(ELEMENTS)})
    assert main(["ikm", str(google), "--json"]) == 0
    import json

    assert json.loads(capsys.readouterr().out)["nik"] == expected.nik
    assert main(["ikm", str(lime), "--json"]) == 1
    assert "Kolom Q8 hanya bernomor" in capsys.readouterr().err
    assert main(["ikm", str(lime), "--json", "--map", "Q8=sarana", "--map", "Q9=pengaduan"]) == 0
    assert json.loads(capsys.readouterr().out)["nik"] == expected.nik
