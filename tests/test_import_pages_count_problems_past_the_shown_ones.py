"""Import pages list the first 200 problems and count the rest, never render them all."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "header"),
    [
        ("indicators:actuals_import", "KODE_UNIT,KODE_INDIKATOR,PERIODE,NILAI"),
        ("lms:completion_import", "NIP,ID_AKTIVITAS,STATUS,TANGGAL"),
    ],
)
def test_a_file_with_hundreds_of_bad_rows_shows_200_and_counts_the_rest(
    client, alice, world, url, header
):
    columns = header.count(",") + 1
    bad = ",".join(["?"] * columns)
    content = "\n".join([header] + [bad] * 300).encode()
    client.force_login(alice)
    response = client.post(reverse(url), {"file": SimpleUploadedFile("a.csv", content)})
    page = response.content.decode()
    assert page.count('<tr><td class="num">') == 200
    assert "masalah lain." in page
