"""Importing campaign responses: all rows or none, identity by NIP, aggregates, saved mappings."""

import pytest
from django.core.exceptions import ValidationError
from django_tasks.signals import task_finished

from sieva.audit.models import AuditEvent
from sieva.instruments.imports.services import import_start, import_submit, mapping_save
from sieva.instruments.models import Answer, Invitation, ItemAggregate, Response
from sieva.instruments.models.imports import ImportMapping, ImportStatus
from sieva.instruments.services.aggregates import compare_with_raw
from tests.factories import EmployeeFactory
from tests.instruments.campaign_setup import make_campaign, medan_setting
from tests.instruments.import_files import (
    GOOGLE_HEADER,
    KOBO_HEADER,
    LIMESURVEY_HEADER,
    csv_bytes,
    google_row,
    kobo_row,
    limesurvey_row,
    xlsx_bytes,
)

__all__ = ["medan_setting"]


def run(campaign, content, name="jawaban.csv", actor=None, targets=None):
    job = import_start(actor=actor, campaign=campaign, filename=name, content=content)
    if targets is not None:
        mapping_save(actor=actor, job=job, targets=targets)
    return import_submit(job=job)


@pytest.fixture
def campaign(medan_setting):
    return make_campaign(medan_setting)


def test_a_google_forms_file_stores_every_row_with_its_respondent(campaign, medan_setting, olga):
    people = medan_setting.participants[:3]
    content = csv_bytes(GOOGLE_HEADER, [google_row(p.nip) for p in people])
    job = run(campaign, content, actor=olga)

    assert job.status == ImportStatus.DONE and job.imported == 3 and job.invitations_answered == 3
    assert job.content == b""  # the file is not kept once its rows are stored
    responses = Response.objects.filter(campaign=campaign)
    assert {r.respondent for r in responses} == set(people)
    first = responses.get(respondent=people[0])
    assert first.unit == people[0].unit
    answers = {a.item.code: a for a in first.answers.select_related("item")}
    assert answers["puas"].value_number == 5 and answers["bosan"].value_number == 2
    assert answers["moda"].value_text == "kelas"
    assert answers["topik"].value_json == ["a", "b"]
    assert answers["tgl"].value_text == "2026-06-05"
    assert answers["nilai"].value_json == {"materi": "4", "waktu": "3"}
    invitation = Invitation.objects.get(campaign=campaign, employee=people[0])
    assert invitation.answered_at is not None and invitation.response == first
    assert AuditEvent.objects.filter(action="campaign.response_import").count() == 1


def test_aggregates_after_an_import_equal_a_rebuild_from_raw_answers(campaign, medan_setting):
    rows = [
        google_row(p.nip, **{"Saya puas.": str(3 + n % 3)})
        for n, p in enumerate(medan_setting.participants)
    ]
    run(campaign, csv_bytes(GOOGLE_HEADER, rows))
    expected, differences = compare_with_raw()
    assert differences == []
    assert sum(c.count for (item, row, *_rest), c in expected.items() if row == "") > 0
    puas = ItemAggregate.objects.filter(item__code="puas")
    assert sum(a.count for a in puas) == 6


def test_a_kobo_xlsx_and_a_limesurvey_csv_import_through_their_auto_mapping(
    campaign, medan_setting
):
    people = medan_setting.participants
    kobo = run(campaign, xlsx_bytes(KOBO_HEADER, [kobo_row(people[0].nip, 1)]), "kobo.xlsx")
    assert kobo.status == ImportStatus.DONE, kobo.errors
    answers = {
        a.item.code: a
        for a in Answer.objects.filter(response__respondent=people[0]).select_related("item")
    }
    assert answers["topik"].value_json == ["a", "b"] and answers["koneksi"].value_text == "Lancar"
    assert answers["umur"].value_number == 41

    lime = run(
        campaign, csv_bytes(LIMESURVEY_HEADER, [limesurvey_row(people[1].nip, 7)]), "lime.csv"
    )
    assert lime.status == ImportStatus.DONE, lime.errors
    answers = {
        a.item.code: a
        for a in Answer.objects.filter(response__respondent=people[1]).select_related("item")
    }
    assert answers["topik"].value_json == ["a"] and answers["nilai"].value_json == {
        "materi": "2",
        "waktu": "2",
    }


def test_every_kind_of_problem_is_reported_with_row_and_column_and_nothing_is_stored(
    campaign, medan_setting, world
):
    p = medan_setting.participants
    outsider = EmployeeFactory(unit=world.palembang_health)
    stranger = EmployeeFactory(unit=world.medan_health)  # in scope but not invited
    rows = [
        google_row(p[0].nip),  # row 2: fine
        google_row(p[1].nip, **{"Saya puas.": "6"}),  # 3: Likert 6 on 1–5
        google_row(p[2].nip, **{"Saya bosan.": "5"}),  # 4: SKM-like 5 on 1–4
        google_row(p[3].nip, Moda="Hybrid"),  # 5: unknown choice
        google_row(p[4].nip, Umur=""),  # 6: required
        google_row(p[5].nip, Tanggal="31/2/2026"),  # 7: bad date
        google_row(p[0].nip, Umur="31"),  # 8: same NIP as row 2
        google_row("199001012015011999"),  # 9: unknown NIP
        google_row(outsider.nip),  # 10: out of scope
        google_row(stranger.nip),  # 11: not invited
        google_row(p[0].nip),  # 12: identical to row 2 (and its NIP again)
        google_row(p[1].nip, Umur="70"),  # 13: above the item's maximum
    ]
    job = run(campaign, csv_bytes(GOOGLE_HEADER, rows))

    assert job.status == ImportStatus.FAILED
    found = {(row, column): reason for row, column, reason in job.errors}
    assert "antara 1 dan 5" in found[(3, "Saya puas.")]
    assert "antara 1 dan 4" in found[(4, "Saya bosan.")]
    assert "Hybrid" in found[(5, "Moda")]
    assert found[(6, "Umur")] == "Wajib diisi."
    assert "tidak valid" in found[(7, "Tanggal")]
    assert "baris 2" in found[(8, "NIP")]
    assert "tidak ditemukan" in found[(9, "NIP")]
    # Another region's employee reads exactly like an unknown NIP (decision 0066).
    assert found[(10, "NIP")] == found[(9, "NIP")].replace("199001012015011999", outsider.nip)
    assert "tidak diundang" in found[(11, "NIP")]
    assert "sama persis dengan baris 2" in found[(12, "")]
    assert "maksimal 65" in found[(13, "Umur")]
    assert (2, "NIP") not in found
    assert job.error_count == len(job.errors)
    # All or nothing: the good row 2 was not stored either.
    assert not Response.objects.exists() and not Answer.objects.exists()
    assert not ItemAggregate.objects.exists()
    assert not Invitation.objects.filter(answered_at__isnull=False).exists()


def test_a_person_who_already_answered_cannot_be_imported_again(campaign, medan_setting):
    person = medan_setting.participants[0]
    assert (
        run(campaign, csv_bytes(GOOGLE_HEADER, [google_row(person.nip)])).status
        == ImportStatus.DONE
    )
    again = run(campaign, csv_bytes(GOOGLE_HEADER, [google_row(person.nip, Umur="44")]))
    assert again.status == ImportStatus.FAILED
    assert "sudah menjawab" in again.errors[0][2]
    assert Response.objects.count() == 1


def test_the_same_file_cannot_be_imported_twice(campaign, medan_setting):
    content = csv_bytes(GOOGLE_HEADER, [google_row(medan_setting.participants[0].nip)])
    run(campaign, content)
    with pytest.raises(ValidationError, match="sudah diimpor"):
        import_start(actor=None, campaign=campaign, filename="lagi.csv", content=content)


def test_an_anonymous_campaign_keeps_pseudonyms_and_only_the_day(medan_setting):
    campaign = make_campaign(medan_setting, anonymous=True)
    person = medan_setting.participants[0]
    run(campaign, csv_bytes(GOOGLE_HEADER, [google_row(person.nip)]))
    response = Response.objects.get()
    assert response.respondent is None and len(response.pseudonym) == 64
    local = response.submitted_at.astimezone(response.submitted_at.tzinfo)
    assert (local.hour, local.minute) in ((17, 0), (0, 0))  # 00:00 WIB stored in UTC
    invitation = Invitation.objects.get(campaign=campaign, employee=person)
    assert invitation.answered_at is not None and invitation.response is None


def test_without_a_nip_column_responses_are_anonymous_and_counted_for_the_campaign_owner(campaign):
    header = [h for h in GOOGLE_HEADER if h != "NIP"]
    rows = [row[:1] + row[2:] for row in (google_row("x"), google_row("y", Umur="40"))]
    job = run(campaign, csv_bytes(header, rows))
    assert job.imported == 2 and job.invitations_answered == 0
    assert {(r.respondent, r.unit) for r in Response.objects.all()} == {(None, campaign.owner)}


def test_a_corrected_mapping_is_saved_and_reused_for_the_next_upload(campaign, medan_setting):
    header = ["Cap waktu", "NIP", "P1 (kepuasan)", "Moda", "Umur"]
    people = medan_setting.participants
    first = import_start(
        actor=None,
        campaign=campaign,
        filename="a.csv",
        content=csv_bytes(header, [["1/6/2026 10:00:00", people[0].nip, "5", "Kelas", "30"]]),
    )
    assert first.targets[2] == ""  # nothing guessed for an unrelated column name
    mapping_save(actor=None, job=first, targets=["=waktu", "=nip", "puas", "moda", "umur"])
    assert import_submit(job=first).status == ImportStatus.DONE
    assert (
        ImportMapping.objects.get(version=campaign.version, source="google").columns["p1_kepuasan"]
        == "puas"
    )

    second = import_start(
        actor=None,
        campaign=campaign,
        filename="b.csv",
        content=csv_bytes(header, [["2/6/2026 10:00:00", people[1].nip, "4", "Daring", "33"]]),
    )
    assert second.targets == ["=waktu", "=nip", "puas", "moda", "umur"]


def test_mapping_one_item_to_two_columns_is_refused(campaign, medan_setting):
    job = import_start(
        actor=None,
        campaign=campaign,
        filename="a.csv",
        content=csv_bytes(GOOGLE_HEADER, [google_row(medan_setting.participants[0].nip)]),
    )
    targets = list(job.targets)
    targets[3] = "puas"
    with pytest.raises(ValidationError, match="puas"):
        mapping_save(actor=None, job=job, targets=targets)


def test_a_large_file_runs_as_a_background_task_to_100_percent(
    campaign, medan_setting, settings, monkeypatch
):
    settings.SIEVA_RESPONSE_IMPORT_BACKGROUND_ROWS = 2
    monkeypatch.setattr("sieva.instruments.imports.validate.PROGRESS_EVERY", 1)
    finished = []

    def record(sender, task_result, **kwargs):
        finished.append((task_result.task.name, task_result.args, task_result.status))

    task_finished.connect(record)
    rows = [google_row(p.nip) for p in medan_setting.participants[:4]]
    job = run(campaign, csv_bytes(GOOGLE_HEADER, rows))
    task_finished.disconnect(record)
    assert finished == [("run_response_import", [job.pk], "SUCCESSFUL")]
    assert job.status == ImportStatus.DONE and job.progress == 100
    assert job.processed_rows == 4 and job.imported == 4


def test_a_nip_stored_as_a_spreadsheet_number_is_refused_with_the_reason(campaign, medan_setting):
    row = kobo_row(medan_setting.participants[0].nip, 1)
    row[2] = float(row[2])
    job = run(campaign, xlsx_bytes(KOBO_HEADER, [row]), "kobo.xlsx")
    assert job.status == ImportStatus.FAILED
    assert job.errors[0][:2] == [2, "identitas/nip"] and "sebagai teks" in job.errors[0][2]
