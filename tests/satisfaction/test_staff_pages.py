import re
import shutil
import subprocess

import pytest
from django.urls import reverse

from sieva.analysis.indices.ikm import STANDARD_ELEMENTS
from sieva.satisfaction.models import SkmLink
from sieva.satisfaction.services.submission import skm_response_submit

pytestmark = pytest.mark.django_db


def _respond(unit, values):
    for device, value in enumerate(values):
        answers = dict.fromkeys(STANDARD_ELEMENTS, value)
        skm_response_submit(unit=unit, answers=answers, profile={}, fingerprint=f"d{device}")


def _login(client, user):
    client.force_login(user)
    return client


def _unit_urls(unit):
    return [
        reverse(f"satisfaction:{name}", kwargs={"pk": unit.pk})
        for name in ("unit_dashboard", "unit_link", "qr_png", "qr_svg", "poster_pdf")
    ]


def test_the_overview_lists_service_units_in_scope_with_their_latest_ikm(
    client, alice, puskesmas, palembang_puskesmas
):
    _respond(puskesmas, [4, 4, 3, 3, 4])
    _respond(palembang_puskesmas, [1, 1, 1, 1, 1])
    body = _login(client, alice).get(reverse("satisfaction:overview")).content.decode()
    assert "Puskesmas Padang Bulan" in body and "Puskesmas Sekip" not in body
    assert "90,00" in body  # NRR 3.6 everywhere -> NIK 90.00, grade A
    assert "Sangat Baik" in body


def test_a_unit_dashboard_shows_nrr_per_element_ikm_grade_and_trend(client, evan, puskesmas):
    _respond(puskesmas, [4, 4, 3, 3, 4])
    response = _login(client, evan).get(
        reverse("satisfaction:unit_dashboard", kwargs={"pk": puskesmas.pk})
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Penanganan pengaduan, saran dan masukan" in body
    assert "3,6000" in body and "90,00" in body
    assert "Tren 12 bulan" in body and "05/2026" in body


def test_fewer_than_five_responses_are_never_broken_down(client, lina, puskesmas):
    _respond(puskesmas, [4, 1, 2, 3])
    client = _login(client, lina)
    body = client.get(
        reverse("satisfaction:unit_dashboard", kwargs={"pk": puskesmas.pk})
    ).content.decode()
    assert "Kurang dari 5 responden" in body
    assert "NRR" not in body.split("Tren 12 bulan")[0].split("<h2>")[-1]
    assert "2,5000" not in body and "62,50" not in body
    export = client.get(
        reverse("satisfaction:overview") + "?period=2026-05&format=csv"
    ).content.decode("utf-8-sig")
    line = next(row for row in export.splitlines() if "MDN-PKM-01" in row)
    assert line.endswith(",4" + "," * 12)  # respondents only; every score left blank


def test_exports_hold_the_per_unit_period_table(client, alice, puskesmas):
    _respond(puskesmas, [4, 4, 3, 3, 4])
    client = _login(client, alice)
    csv_text = client.get(
        reverse("satisfaction:overview") + "?period=2026-05&format=csv"
    ).content.decode("utf-8-sig")
    assert "MDN-PKM-01,Puskesmas Padang Bulan,2026-05,5," in csv_text
    xlsx = client.get(
        reverse("satisfaction:unit_dashboard", kwargs={"pk": puskesmas.pk}) + "?format=xlsx"
    )
    assert xlsx.content[:2] == b"PK"
    assert (
        client.get(reverse("satisfaction:overview") + "?period=2026-05&format=pdf").status_code
        == 400
    )


def test_a_bad_period_is_explained(client, alice, puskesmas):
    body = (
        _login(client, alice)
        .get(reverse("satisfaction:overview") + "?period=2026-13")
        .content.decode()
    )
    assert "Bulan 13 tidak ada." in body


def test_bob_of_palembang_gets_404_on_every_medan_unit_page(client, bob, puskesmas):
    client = _login(client, bob)
    for url in _unit_urls(puskesmas):
        assert client.get(url).status_code == 404, url
    assert not SkmLink.objects.exists()  # the link page did not create a link for him


def test_a_participant_cannot_see_skm_dashboards(client, pia, puskesmas):
    client = _login(client, pia)
    assert client.get(reverse("satisfaction:overview")).status_code == 403
    assert client.get(_unit_urls(puskesmas)[0]).status_code == 403


def test_only_service_units_have_skm_pages(client, alice, world):
    url = reverse("satisfaction:unit_link", kwargs={"pk": world.medan_health.pk})
    assert _login(client, alice).get(url).status_code == 404


def test_the_link_page_gives_the_public_link_and_valid_qr_files(client, alice, puskesmas):
    client = _login(client, alice)
    body = client.get(
        reverse("satisfaction:unit_link", kwargs={"pk": puskesmas.pk})
    ).content.decode()
    link = SkmLink.objects.get(unit=puskesmas)
    assert f"/skm/isi/{link.token}/" in body
    png = client.get(reverse("satisfaction:qr_png", kwargs={"pk": puskesmas.pk}))
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG\r\n\x1a\n")
    svg = client.get(reverse("satisfaction:qr_svg", kwargs={"pk": puskesmas.pk}))
    assert svg.content.startswith(b"<?xml") and b"<svg" in svg.content
    assert SkmLink.objects.count() == 1  # created once, reused


def test_the_poster_is_an_a4_pdf_naming_the_unit(client, alice, puskesmas, tmp_path):
    response = _login(client, alice).get(
        reverse("satisfaction:poster_pdf", kwargs={"pk": puskesmas.pk})
    )
    assert response.content.startswith(b"%PDF")
    path = tmp_path / "poster.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    text = " ".join(text.split())
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info and re.search(r"^Pages:\s+1$", info, re.MULTILINE)
    assert "Puskesmas Padang Bulan" in text
    assert "Pindai kode QR" in text
    assert "/skm/isi/" in text


def test_the_import_page_lists_row_column_and_reason_and_offers_the_report(client, olga, puskesmas):
    from tests.satisfaction.conftest import csv_file, upload_and_import

    client = _login(client, olga)
    rows = [["MDN-PKM-01", "2026-04-02 08:00", 4, 4, 4, 4, 4, 4, 4, 4, 4]] * 5
    upload = csv_file([*rows, ["MDN-PKM-01", "2026-04-02 09:00", 4, 4, 5, 4, 4, 4, 4, 4, 4]])
    response = upload_and_import(client, upload.getvalue())
    assert response.status_code == 400
    body = response.content.decode()
    assert "waktu" in body and "Jawaban 5 tidak sah" in body
    assert "Berkas dibaca sebagai UTF-8, pemisah koma." in body  # helps when columns are off
    report = client.get(reverse("satisfaction:import_errors")).content.decode("utf-8-sig")
    assert '7,waktu,"Jawaban 5 tidak sah' in report


def test_bobs_overview_and_export_name_nothing_of_medan(
    client, bob, puskesmas, palembang_puskesmas
):
    _respond(puskesmas, [4, 4, 3, 3, 4])
    _respond(palembang_puskesmas, [2, 2, 2, 2, 2])
    client = _login(client, bob)
    body = client.get(reverse("satisfaction:overview")).content.decode()
    assert "Puskesmas Sekip" in body and "Padang Bulan" not in body
    export = client.get(reverse("satisfaction:overview") + "?period=2026-05&format=csv")
    text = export.content.decode("utf-8-sig")
    assert "PLG-PKM-01" in text and "MDN-PKM-01" not in text
