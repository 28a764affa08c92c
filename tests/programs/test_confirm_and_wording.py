"""Deletes ask first (hx-confirm, or a confirmation page without JavaScript); bulk errors one
per line; funnel stages and current statuses are labelled apart; exports read as numbers."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sieva.programs.models import BudgetLine, Enrollment, Session
from tests.programs.helpers import csv_rows

pytestmark = pytest.mark.django_db


def _url(name, pk):
    return reverse(f"programs:{name}", kwargs={"pk": pk})


def _deletes(m):
    return [
        ("session_delete", m.s2.pk, "Yakin hapus sesi “Hari kedua” (03-03-2026)?", Session),
        ("budget_line_delete", m.line.pk, "Yakin hapus pos anggaran “Penyelenggaraan”?", BudgetLine),
        ("enrollment_remove", m.e_budi.pk, "Yakin hapus Budi Santoso dari angkatan Angkatan I?", Enrollment),
    ]  # fmt: skip


def test_a_get_on_a_delete_url_asks_first_and_deletes_nothing(client, olga, medan):
    client.force_login(olga)
    for name, pk, question, model in _deletes(medan):
        before = model.objects.count()
        response = client.get(_url(name, pk))
        page = response.content.decode()
        assert response.status_code == 200, name
        assert question in page, name
        assert f'<form method="post" action="{_url(name, pk)}"' in page, name
        assert model.objects.count() == before, name


def test_the_confirmed_post_deletes_and_htmx_is_sent_on_as_a_whole_page(client, olga, medan):
    client.force_login(olga)
    response = client.post(_url("session_delete", medan.s2.pk), headers={"HX-Request": "true"})
    assert response["HX-Redirect"] == _url("cohort_detail", medan.cohort.pk)
    assert not Session.objects.filter(pk=medan.s2.pk).exists()
    response = client.post(_url("budget_line_delete", medan.line.pk))
    assert response["Location"] == _url("budget", medan.cohort.pk)
    assert not BudgetLine.objects.exists()


def test_the_delete_links_carry_hx_confirm(client, olga, medan):
    client.force_login(olga)
    cohort = client.get(_url("cohort_detail", medan.cohort.pk)).content.decode()
    assert 'hx-confirm="Yakin hapus sesi “Hari pertama”?"' in cohort
    budget = client.get(_url("budget", medan.cohort.pk)).content.decode()
    assert 'hx-confirm="Yakin hapus pos anggaran “Penyelenggaraan”?"' in budget
    people = client.get(_url("enrollment_list", medan.cohort.pk)).content.decode()
    assert 'hx-confirm="Yakin hapus Budi Santoso dari angkatan ini?"' in people


def test_another_regions_admin_gets_404_on_the_confirmation_page_too(client, bob, medan):
    client.force_login(bob)
    for name, pk, _question, model in _deletes(medan):
        before = model.objects.count()
        assert client.get(_url(name, pk)).status_code == 404, name
        assert client.post(_url(name, pk)).status_code == 404, name
        assert model.objects.count() == before, name


def test_bulk_errors_are_one_per_line_and_an_impossible_nip_says_why(client, olga, medan):
    client.force_login(olga)
    impossible = "198613402015051001"  # month 13
    nips = "\n".join([impossible, "12345", "199001012015011999"])
    response = client.post(
        _url("enrollment_bulk", medan.cohort.pk), {"nips": nips, "status": "diundang"}
    )
    errors = list(response.context["bulk_form"].non_field_errors())
    assert errors[0].startswith("Tidak ada yang disimpan")
    assert "Bukan NIP 18 angka: 12345" in errors
    assert "Tidak ditemukan dalam cakupan Anda: 199001012015011999" in errors
    [reason] = [e for e in errors if e.startswith(f"NIP {impossible} tidak valid: ")]
    assert "lahir" in reason.lower() or "tanggal" in reason.lower()
    assert impossible not in " ".join(e for e in errors if e.startswith("Tidak ditemukan"))
    assert '<ul class="errorlist nonfield">' in response.content.decode()


def test_the_leader_sees_cumulative_stages_and_current_statuses_apart(client, lina, medan):
    client.force_login(lina)
    page = client.get(_url("cohort_detail", medan.cohort.pk)).content.decode()
    assert "Pernah diundang (total)" in page and "Pernah terdaftar (total)" in page
    assert "Status saat ini" in page and "kumulatif" in page


def test_the_participation_report_uses_the_same_labels(client, alice, medan):
    client.force_login(alice)
    page = client.get(reverse("programs:participation")).content.decode()
    assert "Pernah diundang (total)" in page and "kumulatif" in page


def test_exports_print_whole_numbers_and_xlsx_formats_them(client, alice, medan):
    client.force_login(alice)
    url = _url("budget", medan.cohort.pk)
    rows = csv_rows(client.get(url, {"format": "csv"}))
    assert rows[1][:3] == ["Penyelenggaraan", "10000000", "9000000"]
    response = client.get(url, {"format": "xlsx"})
    assert "anggaran-ppp-01-angkatan-i-20260302.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    first = sheet.freeze_panes[1:]  # the first row below the frozen header
    assert sheet[f"B{first}"].number_format == "#,##0" and sheet[f"B{first}"].value == 10000000
    assert sheet[f"D{first}"].number_format == "0.0"


def test_the_program_list_file_name_says_what_it_covers(client, alice, medan):
    client.force_login(alice)
    response = client.get(
        reverse("programs:program_list"), {"kind": "pelatihan", "year": 2026, "format": "csv"}
    )
    assert 'filename="program-' in response["Content-Disposition"]
    assert "-2026-pelatihan.csv" in response["Content-Disposition"]
