import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from sieva.programs.models import Cohort, CohortStatus, Session
from tests.evaluation.factories import attend
from tests.factories import EmployeeFactory
from tests.programs.helpers import csv_rows, xlsx_rows

pytestmark = pytest.mark.django_db


def _url(name, pk):
    return reverse(f"programs:{name}", kwargs={"pk": pk})


def _cohort_data(**overrides):
    data = {
        "name": "Angkatan II",
        "start_date": "2026-08-03",
        "end_date": "2026-08-07",
        "location": "BKPSDM Medan",
        "capacity": 25,
        "status": CohortStatus.PLANNED,
    }
    return {**data, **overrides}


def test_an_organiser_opens_a_cohort(client, olga, medan):
    client.force_login(olga)
    response = client.post(_url("cohort_create", medan.program.pk), _cohort_data())
    cohort = Cohort.objects.get(name="Angkatan II")
    assert response["Location"] == _url("cohort_detail", cohort.pk)
    assert (cohort.program, cohort.capacity) == (medan.program, 25)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"end_date": "2026-08-01"}, "end_date", "tidak boleh sebelum tanggal mulai"),
        ({"capacity": 0}, "capacity", "sama dengan 1"),
        ({"status": CohortStatus.CANCELLED}, "status", "dibatalkan"),
        ({"start_date": "kemarin"}, "start_date", "tanggal"),
    ],
)
def test_invalid_cohort_input_shows_the_field_error_and_writes_nothing(
    client, alice, medan, overrides, field, message
):
    client.force_login(alice)
    response = client.post(_url("cohort_create", medan.program.pk), _cohort_data(**overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field]).lower()
    assert not Cohort.objects.filter(name="Angkatan II").exists()


def test_a_cohort_status_moves_only_along_its_lifecycle(client, alice, medan):
    client.force_login(alice)
    url = _url("cohort_edit", medan.cohort.pk)
    data = _cohort_data(name="Angkatan I", start_date="2026-03-02", end_date="2026-03-04")
    form = client.get(url).context["form"]
    assert [c for c, _label in form.fields["status"].choices] == [
        CohortStatus.OPEN, CohortStatus.RUNNING, CohortStatus.FINISHED, CohortStatus.CANCELLED
    ]  # fmt: skip
    assert client.post(url, {**data, "status": CohortStatus.FINISHED}).status_code == 302
    back = client.post(url, {**data, "status": CohortStatus.PLANNED})
    assert back.status_code == 200 and "status" in back.context["form"].errors
    assert Cohort.objects.get(pk=medan.cohort.pk).status == CohortStatus.FINISHED


def test_moving_the_dates_away_from_the_sessions_is_refused(client, alice, medan):
    client.force_login(alice)
    data = _cohort_data(name="Angkatan I", status=CohortStatus.RUNNING)
    response = client.post(_url("cohort_edit", medan.cohort.pk), data)
    assert "2 sesi" in " ".join(response.context["form"].errors["start_date"])
    assert Cohort.objects.get(pk=medan.cohort.pk).start_date == dt.date(2026, 3, 2)


def test_the_cohort_page_shows_funnel_participants_sessions_and_budget(client, alice, medan):
    attend(medan.e_ani, medan.s1)
    client.force_login(alice)
    response = client.get(_url("cohort_detail", medan.cohort.pk))
    page = response.content.decode()
    for text in ("Ani Rahma", medan.ani.nip, "Hari pertama", "Hari kedua", "9.000.000",
                 'id="participation-rate"', "33,3 %", "Kelola peserta"):  # fmt: skip
        assert text in page, text
    assert response.context["page"].funnel.invited == 3


def test_sessions_are_created_only_within_the_cohort_dates(client, olga, medan):
    client.force_login(olga)
    url = _url("session_create", medan.cohort.pk)
    bad = client.post(url, {"title": "Hari keempat", "date": "2026-03-09", "jp": "4"})
    assert bad.status_code == 200
    assert "02-03-2026 dan 04-03-2026" in " ".join(bad.context["form"].errors["date"])
    times = {
        "title": "Sore",
        "date": "2026-03-04",
        "jp": "2",
        "start_time": "15:00",
        "end_time": "14:00",
    }
    assert "end_time" in client.post(url, times).context["form"].errors
    assert medan.cohort.sessions.count() == 2
    ok = client.post(url, {"title": "Hari ketiga", "date": "2026-03-04", "jp": "4"})
    assert ok["Location"].endswith("#sesi")
    assert medan.cohort.sessions.count() == 3


def test_a_session_is_edited_and_an_attended_one_is_not_deleted(client, olga, medan):
    attend(medan.e_ani, medan.s1)
    client.force_login(olga)
    data = {"title": "Pembukaan", "date": "2026-03-02", "jp": "6"}
    assert client.post(_url("session_edit", medan.s1.pk), data).status_code == 302
    assert Session.objects.get(pk=medan.s1.pk).jp == Decimal("6")
    response = client.post(_url("session_delete", medan.s1.pk), follow=True)
    assert "1 catatan kehadiran" in response.content.decode()
    assert client.post(_url("session_delete", medan.s2.pk)).status_code == 302
    assert list(medan.cohort.sessions.all()) == [medan.s1]


def test_the_budget_page_sets_a_line_and_rejects_fractions(client, olga, medan):
    client.force_login(olga)
    url = _url("budget", medan.cohort.pk)
    data = {"category": "waktu_peserta", "planned": "3000000", "realised": "2500000", "note": ""}
    assert client.post(url, data).status_code == 302
    bad = client.post(url, {**data, "category": "evaluasi", "planned": "-5"})
    assert bad.status_code == 200 and "planned" in bad.context["form"].errors
    assert sorted(medan.cohort.budget_lines.values_list("category", flat=True)) == [
        "penyelenggaraan", "waktu_peserta"
    ]  # fmt: skip
    assert client.post(_url("budget_line_delete", medan.line.pk)).status_code == 302
    assert medan.cohort.budget_lines.count() == 1


def test_the_budget_export_has_the_lines_and_the_total(client, alice, medan):
    client.force_login(alice)
    rows = csv_rows(client.get(_url("budget", medan.cohort.pk), {"format": "csv"}))
    assert rows == [
        ["Kategori biaya", "Rencana (Rp)", "Realisasi (Rp)", "Realisasi (%)"],
        ["Penyelenggaraan", "10000000", "9000000", "90.0"],
        ["Jumlah", "10000000", "9000000", "90.0"],
    ]
    assert xlsx_rows(client.get(_url("budget", medan.cohort.pk), {"format": "xlsx"}))[1] == [
        "Penyelenggaraan", 10000000, 9000000, 90
    ]  # fmt: skip


def test_the_participant_export_lists_people_with_their_jp(client, alice, medan):
    attend(medan.e_ani, medan.s1, medan.s2)
    client.force_login(alice)
    response = client.get(_url("cohort_export", medan.cohort.pk), {"format": "xlsx"})
    assert "peserta-ppp-01-angkatan-i-20260302.xlsx" in response["Content-Disposition"]
    header, *rows = xlsx_rows(response)
    assert header[:2] == ["NIP", "Nama"]
    assert rows[0][:2] == [medan.ani.nip, "Ani Rahma"] and rows[0][-2:] == [2, 12]
    assert len(rows) == 3


def test_a_session_names_its_facilitator_by_nip_or_an_outside_name(client, olga, world, medan):
    client.force_login(olga)
    url = _url("session_create", medan.cohort.pk)
    widyaiswara = EmployeeFactory(name="Wina Widyaiswara", unit=world.medan_health)
    base = {"title": "Hari ketiga", "date": "2026-03-04", "jp": "4"}
    both = client.post(
        url, {**base, "facilitator": widyaiswara.nip, "facilitator_name": "Pak Luar"}
    )
    assert "facilitator_name" in both.context["form"].errors
    no_role = client.post(url, {**base, "facilitator": widyaiswara.nip})
    assert "facilitator_role" in no_role.context["form"].errors
    palembang = EmployeeFactory(unit=world.palembang_health)
    outside = client.post(url, {**base, "facilitator": palembang.nip, "facilitator_role": "coach"})
    assert "di cakupan Anda" in " ".join(outside.context["form"].errors["facilitator"])
    ok = client.post(
        url, {**base, "facilitator": widyaiswara.nip, "facilitator_role": "widyaiswara"}
    )
    assert ok.status_code == 302
    session = Session.objects.get(title="Hari ketiga")
    assert session.facilitator == widyaiswara
    page = client.get(_url("cohort_detail", medan.cohort.pk)).content.decode()
    assert "Wina Widyaiswara" in page and "Widyaiswara" in page
