"""The organisation tree page: the user's subtree with active employees per unit."""

import pytest
from django.urls import reverse

from tests.evaluation.helpers import csv_rows, xlsx_rows
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

UNITS = reverse("org:unit_list")


@pytest.fixture
def staff(world):
    for unit, active, inactive in (
        (world.medan, 1, 0),
        (world.medan_health, 2, 1),
        (world.medan_puskesmas, 3, 0),
        (world.palembang_health, 4, 0),
    ):
        EmployeeFactory.create_batch(active, unit=unit)
        EmployeeFactory.create_batch(inactive, unit=unit, is_active=False)


def _counts(response):
    return [
        (row.unit.name, row.level, row.employees, row.employees_in_subtree)
        for row in response.context["rows"]
    ]


def test_alice_sees_the_tree_of_medan_with_active_employees_per_unit(client, alice, staff):
    client.force_login(alice)
    response = client.get(UNITS)
    assert _counts(response) == [
        ("Pemerintah Kota Medan", 0, 1, 6),
        ("Dinas Kesehatan Kota Medan", 1, 2, 5),
        ("Puskesmas Padang Bulan", 2, 3, 3),
        ("Dinas Perhubungan Kota Medan", 1, 0, 0),
    ]
    assert "Palembang" not in response.content.decode()


def test_the_tree_narrows_to_a_subtree(client, alice, staff, world):
    client.force_login(alice)
    response = client.get(UNITS, {"unit": world.medan_health.pk})
    assert _counts(response) == [
        ("Dinas Kesehatan Kota Medan", 0, 2, 5),
        ("Puskesmas Padang Bulan", 1, 3, 3),
    ]


def test_bob_cannot_open_a_medan_subtree(client, bob, staff, world):
    client.force_login(bob)
    assert client.get(UNITS, {"unit": world.medan_health.pk}).status_code == 404
    assert client.get(UNITS, {"unit": world.medan.pk, "format": "csv"}).status_code == 404
    assert [row[1] for row in csv_rows(client.get(UNITS, {"format": "csv"}))[1:]] == [
        "Pemerintah Kota Palembang",
        "Dinas Kesehatan Kota Palembang",
    ]


def test_nadia_sees_the_whole_country(client, nadia, staff):
    client.force_login(nadia)
    counts = _counts(client.get(UNITS))
    assert counts[0] == ("Indonesia", 0, 0, 10)
    assert len(counts) == 11


def test_the_tree_exports_as_csv_and_xlsx(client, alice, staff, world):
    client.force_login(alice)
    world.medan_puskesmas.service_population = 12_000
    world.medan_puskesmas.save()
    rows = csv_rows(client.get(UNITS, {"format": "csv"}))
    # The organisation import's columns first (docs/org-import.md), so the CSV goes back in.
    assert rows[0] == [
        "KODE",
        "NAMA",
        "JENIS",
        "KODE_INDUK",
        "POPULASI_LAYANAN",
        "AKTIF",
        "TINGKAT",
        "PEGAWAI_AKTIF_DI_UNIT",
        "PEGAWAI_AKTIF_TERMASUK_SUBUNIT",
    ]
    assert rows[3] == [
        "MDN-PKM-01", "Puskesmas Padang Bulan", "unit_layanan", "MDN-DINKES", "12000", "YA",
        "2", "3", "3",
    ]  # fmt: skip
    assert rows[1][3] == ""  # the parent of the scope's top lies outside it
    sheet = xlsx_rows(client.get(UNITS, {"format": "xlsx", "unit": world.medan_health.pk}))
    assert [row[0] for row in sheet[1:]] == ["MDN-DINKES", "MDN-PKM-01"]
    assert sheet[1][8] == 5


def test_lina_the_leader_is_refused_the_tree(client, lina, staff):
    client.force_login(lina)
    assert client.get(UNITS).status_code == 403


def test_the_tree_runs_a_bounded_number_of_queries(
    client, alice, world, staff, django_assert_max_num_queries
):
    for _ in range(20):
        EmployeeFactory(unit=world.medan_transport)
    client.force_login(alice)
    client.get(UNITS)
    with django_assert_max_num_queries(6):
        assert _counts(client.get(UNITS))[-1][2] == 20


def test_a_subtree_link_says_where_it_leads(client, alice, staff, world):
    client.force_login(alice)
    page = client.get(UNITS).content.decode()
    link = f'<a href="?unit={world.medan_health.pk}" class="subtree-link"'
    assert link in page and "Lihat unit di bawahnya</a>" in page
    assert "subpohon" not in page
