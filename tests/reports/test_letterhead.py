"""The kop: set per organisation node by its admins, and the nearest one up the tree is used."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from sieva.audit.models import AuditEvent
from sieva.reports.models import Letterhead
from sieva.reports.pdf import render_pdf
from sieva.reports.selectors import letterhead_for
from tests.reports.builders import medan_report
from tests.reports.readback import pdf_text


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "#1d3557").save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_nearest_letterhead_up_the_tree_is_used(world):
    Letterhead.objects.create(unit=world.medan_city, lines="KOTA MEDAN")
    Letterhead.objects.create(unit=world.medan, lines="PEMERINTAH KOTA MEDAN\nBKPSDM")
    assert letterhead_for(world.medan_puskesmas).first_line == "PEMERINTAH KOTA MEDAN"
    assert letterhead_for(world.medan).line_list == ["PEMERINTAH KOTA MEDAN", "BKPSDM"]
    Letterhead.objects.create(unit=world.medan_health, lines="DINAS KESEHATAN")
    assert letterhead_for(world.medan_puskesmas).first_line == "DINAS KESEHATAN"
    assert letterhead_for(world.palembang) is None


def test_an_admin_sets_the_kop_with_a_logo_and_it_is_audited(client, alice, world):
    client.force_login(alice)
    url = reverse("reports:letterhead", args=[world.medan.pk])
    logo = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    response = client.post(url, {"lines": "PEMERINTAH KOTA MEDAN\nBKPSDM", "logo": logo})
    assert response.status_code == 302
    head = Letterhead.objects.get(unit=world.medan)
    assert head.logo_type == "image/png" and bytes(head.logo) == _png()
    assert AuditEvent.objects.filter(action="report.letterhead_set").count() == 1
    assert "data:image/png;base64," in client.get(url).content.decode()


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_stored(client, alice, world):
    client.force_login(alice)
    fake = SimpleUploadedFile("logo.png", b"not an image", content_type="image/png")
    response = client.post(
        reverse("reports:letterhead", args=[world.medan.pk]), {"lines": "X", "logo": fake}
    )
    assert response.status_code == 200
    assert "bukan gambar PNG atau JPEG" in response.content.decode()
    assert not Letterhead.objects.exists()


def test_only_admins_in_scope_may_set_a_kop(client, evan, bob, world):
    url = reverse("reports:letterhead", args=[world.medan.pk])
    client.force_login(evan)
    assert client.get(url).status_code == 403
    client.force_login(bob)
    assert client.post(url, {"lines": "PALEMBANG"}).status_code == 404
    assert not Letterhead.objects.exists()


def test_the_pdf_prints_the_kop_on_its_first_page(world):
    snapshot = medan_report(world.medan)
    document = {
        **snapshot.document,
        "letterhead": {"lines": ["PEMERINTAH KOTA MEDAN", "BADAN KEPEGAWAIAN"], "logo": ""},
    }
    text = pdf_text(render_pdf(document))
    assert text.index("PEMERINTAH KOTA MEDAN BADAN KEPEGAWAIAN") < text.index("Laporan Evaluasi")
