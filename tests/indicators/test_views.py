"""Indicator pages: admins edit, leaders read, another region gets a 404."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from sieva.indicators.models import IndicatorActual, IndicatorDefinition, MonetisedBenefit
from tests.factories import ProgramFactory
from tests.indicators.factories import ActualFactory, DefinitionFactory, UnitIndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(world):
    definition = DefinitionFactory(owner=world.medan, code="WAKTU", name="Waktu layanan")
    return UnitIndicatorFactory(definition=definition, unit=world.medan_puskesmas)


def test_an_admin_defines_an_indicator_and_adopts_it_for_a_unit(client, alice, world):
    client.force_login(alice)
    response = client.post(
        reverse("indicators:definition_create"),
        {
            "owner": world.medan.pk,
            "code": "aduan",
            "name": "Jumlah pengaduan",
            "unit_of_measure": "pengaduan",
            "direction": "lower_is_better",
            "kind": "complaints",
            "frequency": "monthly",
        },
    )
    definition = IndicatorDefinition.objects.get(code="ADUAN")
    assert response.status_code == 302
    url = reverse("indicators:unit_indicator_create", kwargs={"pk": definition.pk})
    bad = client.post(url, {"unit": world.medan_puskesmas.pk, "baseline_period": "2025-13"})
    assert bad.status_code == 200 and "tidak valid" in bad.content.decode()
    ok = client.post(
        url,
        {
            "unit": world.medan_puskesmas.pk,
            "baseline_value": "12",
            "baseline_period": "2025-01",
            "target_value": "8",
            "target_period": "2026-12",
        },
    )
    assert ok.status_code == 302
    assert definition.unit_indicators.get().baseline_period == dt.date(2025, 1, 1)


def test_the_grid_saves_every_cell_or_none(client, alice, item):
    client.force_login(alice)
    url = reverse("indicators:actuals_entry", kwargs={"pk": item.definition.pk})
    unit = item.unit_id
    bad = client.post(
        url, {"tahun": "2026", f"v-{unit}-2026-01": "40", f"v-{unit}-2026-02": "empat puluh"}
    )
    assert bad.status_code == 400 and "bukan angka" in bad.content.decode()
    assert not IndicatorActual.objects.exists()
    good = client.post(
        url, {"tahun": "2026", f"v-{unit}-2026-01": "40", f"v-{unit}-2026-02": "38,5"}
    )
    assert good.status_code == 302
    assert IndicatorActual.objects.get(period=dt.date(2026, 2, 1)).value == Decimal("38.5")
    page = client.get(url + "?tahun=2026").content.decode()
    assert 'value="38.5"' in page


def test_the_unit_page_draws_the_trend_as_inline_svg(client, lina, item):
    for month, value in ((1, "40"), (2, "35")):
        ActualFactory(
            definition=item.definition,
            unit=item.unit,
            period=dt.date(2026, month, 1),
            value=Decimal(value),
        )
    client.force_login(lina)
    page = client.get(reverse("indicators:unit_indicator_detail", kwargs={"pk": item.pk}))
    html = page.content.decode()
    assert page.status_code == 200
    assert (
        html.count("<rect") == 2
        and 'class="target"' in html
        and "<script" not in html.split("</head>")[1]
    )


def test_a_leader_reads_but_cannot_write(client, lina, item):
    client.force_login(lina)
    grid = reverse("indicators:actuals_entry", kwargs={"pk": item.definition.pk})
    assert client.get(grid).status_code == 200
    assert "<input name=" not in client.get(grid).content.decode()
    assert client.post(grid, {f"v-{item.unit_id}-2026-01": "1"}).status_code == 403
    assert client.get(reverse("indicators:definition_create")).status_code == 403
    assert client.get(reverse("indicators:actuals_import")).status_code == 403
    assert not IndicatorActual.objects.exists()


def test_another_regions_admin_gets_404_and_an_empty_export(client, bob, item):
    ActualFactory(definition=item.definition, unit=item.unit)
    client.force_login(bob)
    for name, pk in (
        ("definition_detail", item.definition.pk),
        ("unit_indicator_detail", item.pk),
        ("actuals_entry", item.definition.pk),
    ):
        assert client.get(reverse(f"indicators:{name}", kwargs={"pk": pk})).status_code == 404
    export = client.get(reverse("indicators:definition_list") + "?format=csv").content.decode()
    assert "WAKTU" not in export


def test_the_import_page_shows_the_errors_and_stores_nothing(client, alice, item):
    client.force_login(alice)
    upload = io.BytesIO(b"KODE_UNIT,KODE_INDIKATOR,PERIODE,NILAI\nMDN-PKM-01,WAKTU,2026-1x,4\n")
    upload.name = "r.csv"
    response = client.post(reverse("indicators:actuals_import"), {"file": upload})
    assert response.status_code == 400
    assert "PERIODE" in response.content.decode()
    assert not IndicatorActual.objects.exists()


def test_an_admin_records_a_benefit_and_sees_the_roi(client, alice, world):
    program = ProgramFactory(owner=world.medan)
    client.force_login(alice)
    url = reverse("indicators:benefit_list", kwargs={"pk": program.pk})
    data = {
        "description": "Waktu tunggu berkurang",
        "annual_value": "100000000",
        "attribution": "0.5",
        "confidence": "0.8",
        "basis": "Hitungan",
        "period_start": "2026-01-01",
        "period_end": "2026-12-31",
    }
    assert client.post(url, {**data, "attribution": "1.5"}).status_code == 400
    assert client.post(url, {**data, "attribution_low": "0.6"}).status_code == 400
    assert client.post(url, data).status_code == 302
    benefit = MonetisedBenefit.objects.get()
    roi = client.get(reverse("indicators:program_roi", kwargs={"pk": program.pk}))
    assert "Belum ada realisasi anggaran" in roi.content.decode()
    delete = reverse("indicators:benefit_delete", kwargs={"pk": benefit.pk})
    assert client.post(delete).status_code == 302
    assert not MonetisedBenefit.objects.exists()
