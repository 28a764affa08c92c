"""Every IKM figure shows its n and warns below the Krejcie–Morgan sample (decision 0057); SKM
pages open on the latest month with respondents."""

import pytest
from django.urls import reverse

from sieva.analysis.indices.ikm import STANDARD_ELEMENTS
from sieva.satisfaction.models import SkmUnitPeriod
from sieva.satisfaction.samples import sample_check
from sieva.satisfaction.services.submission import skm_response_submit

pytestmark = pytest.mark.django_db


def _respond(unit, count, value=4):
    for device in range(count):
        answers = dict.fromkeys(STANDARD_ELEMENTS, value)
        skm_response_submit(unit=unit, answers=answers, profile={}, fingerprint=f"d{device}")


@pytest.mark.parametrize(
    ("annual", "months", "population", "required"),
    [
        # Krejcie & Morgan (1970), Table 1: N=100 -> 80, N=1000 -> 278, N=10000 -> 370.
        (1200, 1, 100, 80),
        (4000, 3, 1000, 278),
        (10000, 12, 10000, 370),
        (1, 1, 1, 1),  # a tiny population needs every user: ceil(1/12) = 1, table N=1 -> 1
    ],
)
def test_the_required_sample_is_krejcie_morgan_for_the_periods_share_of_the_year(
    annual, months, population, required
):
    check = sample_check(50, annual, months)
    assert (check.population, check.required, check.basis) == (
        population,
        required,
        "krejcie-morgan",
    )
    assert check.below is (required > 50)


def test_without_a_population_the_documented_minimum_applies(settings):
    settings.SIEVA_SKM_MIN_RESPONDENTS = 30
    assert sample_check(29, None, 1).below
    assert not sample_check(30, None, 1).below
    assert sample_check(29, None, 1).basis == "minimum"


def test_the_unit_dashboard_warns_when_n_is_below_the_sample(client, alice, puskesmas):
    puskesmas.service_population = 1200  # 100 a month -> Krejcie-Morgan 80
    puskesmas.save()
    _respond(puskesmas, 6)
    client.force_login(alice)
    url = reverse("satisfaction:unit_dashboard", kwargs={"pk": puskesmas.pk})
    body = client.get(url).content.decode()
    assert 'id="sample-warning"' in body
    assert "n = 6 responden, di bawah sampel 80" in body and "populasi layanan 100" in body
    assert "IKM (n = 6)" in body
    overview = client.get(reverse("satisfaction:overview")).content.decode()
    assert "n = 6 di bawah sampel 80" in overview


def test_no_warning_once_the_sample_is_reached(client, alice, puskesmas, settings):
    settings.SIEVA_SKM_MIN_RESPONDENTS = 5
    _respond(puskesmas, 6)
    client.force_login(alice)
    body = client.get(
        reverse("satisfaction:unit_dashboard", kwargs={"pk": puskesmas.pk})
    ).content.decode()
    assert "sample-warning" not in body and "IKM (n = 6)" in body


def test_skm_pages_open_on_the_latest_month_with_respondents(client, alice, puskesmas):
    _respond(puskesmas, 5)  # May 2026 (the frozen clock)
    # A later month whose totals were rebuilt to nobody must not be the default.
    SkmUnitPeriod.objects.create(unit=puskesmas, period="2026-07-01", respondents=0)
    client.force_login(alice)
    for url in (
        reverse("satisfaction:overview"),
        reverse("satisfaction:unit_dashboard", kwargs={"pk": puskesmas.pk}),
    ):
        body = client.get(url).content.decode()
        assert 'value="2026-05"' in body or "05/2026" in body
        assert "07/2026" not in body.split("Tren 12 bulan")[0]
