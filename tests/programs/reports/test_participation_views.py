import pytest
from django.urls import reverse

from tests.evaluation.helpers import as_text, csv_rows, xlsx_rows
from tests.factories import EnrollmentFactory

pytestmark = pytest.mark.django_db

URL = reverse("programs:participation")
TABLES = ("program", "cohort", "unit", "region", "reasons", "budget_program", "budget_cohort")


def test_it_shows_the_funnel_budget_and_bars(client, alice, programs):
    client.force_login(alice)
    response = client.get(URL)
    page = response.content.decode()
    assert response.status_code == 200
    for text in ("Pelatihan Pelayanan Prima", "57,1", "66,7", "10.500.000", "328.125", "<meter"):
        assert text in page
    assert "style=" not in page


def test_an_undefined_rate_is_a_dash_not_zero(client, alice, programs):
    client.force_login(alice)
    page = client.get(URL, {"program": programs.seminar.pk}).content.decode()
    assert '<td class="num">—</td>' in page


def test_an_htmx_request_gets_only_the_report_part(client, alice, programs):
    client.force_login(alice)
    full = client.get(URL, {"year": 2026}).content.decode()
    part = client.get(URL, {"year": 2026}, headers={"HX-Request": "true"}).content.decode()
    assert "<html" in full and "<html" not in part
    assert part.lstrip().startswith('<div id="report">')
    assert "Angkatan I" in part and "Angkatan Lama" not in part


@pytest.mark.parametrize("table", TABLES)
def test_each_csv_export_parses_back_to_the_rows_of_the_page(client, alice, programs, table):
    client.force_login(alice)
    page_rows = client.get(URL).context["report"].tables[table].rows
    response = client.get(URL, {"format": "csv", "table": table})
    assert response["Content-Disposition"] == f'attachment; filename="partisipasi-{table}.csv"'
    header, *rows = csv_rows(response)
    assert rows == [[as_text(value) for value in row] for row in page_rows]


def test_the_xlsx_export_has_the_same_numbers_as_the_page(client, alice, programs):
    client.force_login(alice)
    response = client.get(URL, {"format": "xlsx", "table": "budget_cohort"})
    header, _old, cohort_2026, _seminar = xlsx_rows(response)
    assert header[:4] == ["Program", "Angkatan", "Rencana (Rp)", "Realisasi (Rp)"]
    assert cohort_2026 == [
        "Pelatihan Pelayanan Prima", "Angkatan I", 12000000, 10500000, 87.5, 3, 32, 3500000, 328125,
    ]  # fmt: skip


def test_an_export_keeps_the_filters(client, alice, programs):
    client.force_login(alice)
    response = client.get(URL, {"year": 2025, "format": "csv", "table": "cohort"})
    assert [row[1] for row in csv_rows(response)[1:]] == ["Angkatan Lama"]


@pytest.mark.parametrize(
    "params", [{"format": "pdf", "table": "program"}, {"format": "csv", "table": "nope"}]
)
def test_an_unknown_export_is_a_bad_request(client, alice, programs, params):
    client.force_login(alice)
    assert client.get(URL, params).status_code == 400


def test_bob_sees_nothing_of_medan_on_the_page_or_in_any_export(client, bob, programs):
    client.force_login(bob)
    page = client.get(URL).content.decode()
    assert "Pelatihan Kearsipan Sumsel" in page
    assert "Medan" not in page and "Pelayanan Prima" not in page
    for table in TABLES:
        for fmt, read in (("csv", csv_rows), ("xlsx", xlsx_rows)):
            content = str(read(client.get(URL, {"format": fmt, "table": table})))
            assert "Medan" not in content and "Pelayanan Prima" not in content


def test_bob_cannot_filter_on_a_program_or_node_of_medan(client, bob, world, programs):
    client.force_login(bob)
    for params in ({"program": programs.training.pk}, {"node": world.medan.pk}):
        response = client.get(URL, params)
        assert response.context["report"] is None
        assert "Pelayanan Prima" not in response.content.decode()
        assert client.get(URL, {**params, "format": "csv", "table": "program"}).status_code == 400


def test_a_leader_sees_suppressed_cells_and_no_names(client, lina, programs):
    client.force_login(lina)
    page = client.get(URL).content.decode()
    assert "&lt; 5" in page
    assert "Warga Medan" not in page
    rows = csv_rows(client.get(URL, {"format": "csv", "table": "unit"}))
    assert rows[-1] == ["Dinas Perhubungan Kota Medan", *["< 5"] * 6]


def test_a_participant_may_not_read_the_report(client, pia, programs):
    client.force_login(pia)
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"format": "csv", "table": "program"}).status_code == 403


def test_the_page_queries_do_not_grow_with_the_number_of_people(
    client, alice, world, programs, django_assert_max_num_queries
):
    client.force_login(alice)
    for unit in (world.medan_health, world.medan_transport) * 15:
        EnrollmentFactory(cohort=programs.seminar_cohort, employee__unit=unit)
    with django_assert_max_num_queries(16):
        assert client.get(URL).status_code == 200
