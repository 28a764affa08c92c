"""The import pages: upload → mapping → preview → result, the error report, htmx polling, scope."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sieva.instruments.models import Response
from sieva.instruments.models.imports import ImportStatus, ResponseImport
from tests.instruments.campaign_setup import make_campaign, medan_setting
from tests.instruments.import_files import GOOGLE_HEADER, csv_bytes, google_row

__all__ = ["medan_setting"]


@pytest.fixture
def campaign(medan_setting):
    return make_campaign(medan_setting)


def upload(client, campaign, content, name="jawaban.csv"):
    return client.post(
        reverse("instruments:response_import", kwargs={"pk": campaign.pk}),
        {"file": SimpleUploadedFile(name, content, content_type="text/csv"), "source": ""},
    )


def walk(client, campaign, content):
    """Upload, keep the proposed mapping, and import; returns the result page."""
    response = upload(client, campaign, content)
    assert response.status_code == 302, response.content.decode()[:2000]
    job = ResponseImport.objects.latest("pk")
    mapping = client.get(response["Location"])
    assert "Berkas dibaca sebagai UTF-8 dengan BOM, pemisah koma." in mapping.content.decode()
    form = mapping.context["form"]
    client.post(response["Location"], {name: form[name].initial for name in form.fields})
    preview_url = reverse("instruments:response_import_preview", kwargs={"pk": job.pk})
    preview = client.get(preview_url)
    assert preview.status_code == 200
    return job, preview, client.post(preview_url, follow=True)


def test_an_organiser_imports_a_file_through_the_four_steps(client, olga, campaign, medan_setting):
    client.force_login(olga)
    rows = [google_row(p.nip) for p in medan_setting.participants]
    job, preview, result = walk(client, campaign, csv_bytes(GOOGLE_HEADER, rows))
    assert len(preview.context["preview"].rows) == 6
    assert "Sangat setuju" not in preview.content.decode()  # shown as stored: 5
    assert result.status_code == 200
    assert "6 tanggapan tersimpan" in result.content.decode()
    assert Response.objects.filter(campaign=campaign).count() == 6


def test_the_preview_shows_the_first_ten_rows_only(client, olga, campaign, medan_setting):
    client.force_login(olga)
    header = [h for h in GOOGLE_HEADER if h != "NIP"]
    rows = [
        google_row("x", Umur=str(20 + n))[:1] + google_row("x", Umur=str(20 + n))[2:]
        for n in range(12)
    ]
    job, preview, _result = walk(client, campaign, csv_bytes(header, rows))
    assert [r.row for r in preview.context["preview"].rows] == list(range(2, 12))


def test_a_rejected_file_shows_the_problems_and_offers_a_report(
    client, olga, campaign, medan_setting
):
    client.force_login(olga)
    rows = [
        google_row(medan_setting.participants[0].nip),
        google_row(medan_setting.participants[1].nip, Moda="Hybrid"),
    ]
    job, _preview, result = walk(client, campaign, csv_bytes(GOOGLE_HEADER, rows))
    assert result.status_code == 200
    page = result.content.decode()
    assert "Berkas ditolak: 1 masalah" in page and "Hybrid" in page
    report = client.get(reverse("instruments:response_import_errors", kwargs={"pk": job.pk}))
    text = (
        b"".join(report.streaming_content).decode()
        if hasattr(report, "streaming_content")
        else report.content.decode()
    )
    assert "Baris" in text and "3" in text and "Moda" in text and "Hybrid" in text
    assert not Response.objects.exists()


def test_an_unreadable_upload_is_refused_on_the_form(client, olga, campaign):
    client.force_login(olga)
    response = upload(client, campaign, b"", "kosong.csv")
    assert response.status_code == 400
    assert not ResponseImport.objects.exists()


def test_the_status_partial_polls_while_running_and_stops_when_done(
    client, olga, campaign, medan_setting
):
    client.force_login(olga)
    job = ResponseImport.objects.create(
        campaign=campaign,
        filename="a.csv",
        sha256="x",
        source="google",
        status=ImportStatus.RUNNING,
        total_rows=100,
        processed_rows=50,
    )
    url = reverse("instruments:response_import_status", kwargs={"pk": job.pk})
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert partial.lstrip().startswith('<div id="import-progress"')
    assert 'hx-trigger="every 2s"' in partial and 'value="45"' in partial
    assert "<html" not in partial
    full = client.get(url).content.decode()
    assert "<html" in full and 'hx-trigger="every 2s"' in full
    ResponseImport.objects.filter(pk=job.pk).update(status=ImportStatus.DONE, imported=100)
    done = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in done and "100" in done


def test_a_finished_job_has_no_mapping_or_preview_any_more(client, olga, campaign):
    client.force_login(olga)
    job = ResponseImport.objects.create(
        campaign=campaign, filename="a.csv", sha256="x", source="google", status=ImportStatus.DONE
    )
    for name in ("response_import_mapping", "response_import_preview"):
        assert client.get(reverse(f"instruments:{name}", kwargs={"pk": job.pk})).status_code == 404


def test_another_regions_admin_gets_404_on_every_import_page(client, bob, campaign):
    client.force_login(bob)
    job = ResponseImport.objects.create(
        campaign=campaign, filename="a.csv", sha256="x", source="google", errors=[[2, "Moda", "x"]]
    )
    assert (
        client.get(reverse("instruments:response_import", kwargs={"pk": campaign.pk})).status_code
        == 404
    )
    for name in ("mapping", "preview", "status", "errors"):
        url = reverse(f"instruments:response_import_{name}", kwargs={"pk": job.pk})
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404


@pytest.mark.parametrize("who", ["lina", "pia"])
def test_roles_that_cannot_edit_programs_are_refused(client, request, who, campaign):
    client.force_login(request.getfixturevalue(who))
    assert (
        client.get(reverse("instruments:response_import", kwargs={"pk": campaign.pk})).status_code
        == 403
    )
