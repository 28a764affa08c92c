"""The 1.5 KB XLSX with one cell at XFD1048576 (which once asked for a grid of 17 billion
cells and aborted the server) through every HTTP import endpoint: each answers with a clear
message naming the cell, stores nothing, and the server keeps serving."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sieva.api.models import TokenScope
from sieva.audit.models import AuditEvent
from tests.api.conftest import make_token
from tests.core.workbooks import far_cell_workbook
from tests.instruments.campaign_setup import make_campaign, medan_setting

__all__ = ["medan_setting"]
pytestmark = pytest.mark.django_db


def _file():
    content = far_cell_workbook()
    assert len(content) < 2_000
    return SimpleUploadedFile("data.xlsx", content)


def _endpoints(world, campaign):
    """(name, URL, extra form fields) of every page that takes an uploaded table."""
    return [
        ("employees", reverse("org:employee_import"), {}),
        ("units", reverse("org:unit_import"), {}),
        ("skm", reverse("satisfaction:import"), {}),
        ("responses", reverse("instruments:response_import", args=[campaign.pk]), {"source": ""}),
        ("instrument", reverse("instruments:instrument_import"), {"owner": world.medan.pk}),
        ("indicators", reverse("indicators:actuals_import"), {}),
        ("lms completions", reverse("lms:completion_import"), {}),
    ]


def test_every_import_page_names_the_far_cell_and_keeps_serving(
    client, alice, world, medan_setting
):
    campaign = make_campaign(medan_setting)
    client.force_login(alice)
    writes_before = AuditEvent.objects.count()
    for name, url, fields in _endpoints(world, campaign):
        # The SKM import shows its preview first (decision 0052): the message is there.
        response = client.post(url, {"file": _file(), **fields}, follow=True)
        assert response.status_code in (200, 400), (name, response.status_code)
        page = response.content.decode()
        assert "XFD1048576" in page and "di luar batas impor" in page, name
        assert client.get(url).status_code == 200, name  # the server survived
    assert AuditEvent.objects.count() == writes_before  # nothing was stored anywhere


def test_the_api_import_names_the_far_cell(client, alice, world):
    token = make_token(alice, TokenScope.WRITE)
    response = client.post(
        "/api/v1/employees/import/",
        {"file": _file()},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 422
    assert "XFD1048576" in response.json()["errors"][0]["message"]
