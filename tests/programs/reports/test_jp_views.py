from decimal import Decimal

import pytest
from django.urls import reverse

from sieva.org.access import user_access
from sieva.org.models import AsnKind
from sieva.programs.selectors import jp_report
from tests.evaluation.factories import date, employee_with_jp
from tests.evaluation.helpers import as_text, csv_rows, xlsx_rows
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

URL = reverse("programs:jp_report")


@pytest.fixture
def staff(world):
    """Health: 5 PNS (2 meet 20 JP, one has no training at all) and 1 PPPK over the cap.

    Transport: 2 PNS, neither meeting it. Palembang: 1 PNS with 30 JP.
    """
    health, transport = world.medan_health, world.medan_transport
    day = date("2026-03-10")
    people = {
        "ani": employee_with_jp(health, (day, "20"), name="Ani Medan", nip="198001012005012001"),
        "budi": employee_with_jp(world.medan_puskesmas, (day, "24"), name="Budi Medan"),
        "cici": employee_with_jp(health, (day, "19.5"), name="Cici Medan"),
        "dedi": EmployeeFactory(unit=health, name="Dedi Medan", nip="198202022006011002"),
        "eka": employee_with_jp(health, (date("2025-12-31"), "30"), name="Eka Medan"),
        "fajar": employee_with_jp(
            health,
            (day, "30"),
            name="Fajar Medan",
            asn_kind=AsnKind.PPPK,
            contract_start=date("2025-02-01"),
        ),  # fmt: skip
        "gita": employee_with_jp(transport, (day, "4"), name="Gita Medan"),
        "hadi": EmployeeFactory(unit=transport, name="Hadi Medan"),
        "sumsel": employee_with_jp(world.palembang_health, (day, "30"), name="Ika Sumsel"),
    }
    return people


def test_it_summarises_each_unit_and_lists_who_falls_short(alice, staff):
    report = jp_report(user_access(alice), 2026)
    assert report.tables["units"].rows == [
        ("Dinas Kesehatan Kota Medan", 5, 2, 40.0, 1, 1),
        ("Dinas Perhubungan Kota Medan", 2, 0, 0.0, 0, 0),
    ]
    below = report.tables["pns_below"].rows
    assert [(row[1], row[3], row[4]) for row in below] == [
        ("Cici Medan", Decimal("19.5"), Decimal("0.5")),
        ("Dedi Medan", Decimal("0"), Decimal("20")),
        ("Eka Medan", Decimal("0"), Decimal("20")),
        ("Gita Medan", Decimal("4"), Decimal("16")),
        ("Hadi Medan", Decimal("0"), Decimal("20")),
    ]
    assert report.tables["pppk_over"].rows == [
        (staff["fajar"].nip, "Fajar Medan", "Dinas Kesehatan Kota Medan", date("2026-02-01"),
         date("2027-01-31"), Decimal("30"), Decimal("6")),
    ]  # fmt: skip
    assert (report.summary.pns, report.summary.pns_meeting, report.summary.compliance) == (
        7, 2, 28.6,
    )  # fmt: skip


def test_the_page_lists_names_and_nips_for_an_admin(client, alice, staff):
    client.force_login(alice)
    page = client.get(URL, {"year": 2026}).content.decode()
    assert "Dedi Medan" in page and "198202022006011002" in page
    assert "Ani Medan" not in page  # she meets the minimum
    assert "40,0" in page and "<meter" in page and "style=" not in page


def test_a_leader_sees_the_unit_summary_only_with_small_units_suppressed(client, lina, staff):
    client.force_login(lina)
    response = client.get(URL, {"year": 2026})
    page = response.content.decode()
    assert set(response.context["report"].tables) == {"units"}
    for person in staff.values():
        assert person.name not in page and person.nip not in page
    assert "&lt; 5" in page
    rows = csv_rows(client.get(URL, {"year": 2026, "format": "csv", "table": "units"}))
    assert rows[1:] == [
        ["Dinas Kesehatan Kota Medan", "5", "2", "40.0", "< 5", "< 5"],
        ["Dinas Perhubungan Kota Medan", "< 5", "< 5", "< 5", "0", "0"],
    ]


@pytest.mark.parametrize("table", ["pns_below", "pppk_over"])
def test_a_leader_may_not_export_the_lists_of_names(client, lina, staff, table):
    client.force_login(lina)
    assert client.get(URL, {"format": "csv", "table": table}).status_code == 403


def test_bob_sees_nothing_of_medan_on_the_page_or_in_any_export(client, bob, staff):
    client.force_login(bob)
    page = client.get(URL, {"year": 2026}).content.decode()
    assert "Ika Sumsel" not in page  # she meets the minimum
    assert "Medan" not in page
    for table in ("units", "pns_below", "pppk_over"):
        for fmt, read in (("csv", csv_rows), ("xlsx", xlsx_rows)):
            content = str(read(client.get(URL, {"year": 2026, "format": fmt, "table": table})))
            assert "Medan" not in content
    units = csv_rows(client.get(URL, {"year": 2026, "format": "csv", "table": "units"}))
    assert units[1:] == [["Dinas Kesehatan Kota Palembang", "1", "1", "100.0", "0", "0"]]


def test_bob_cannot_narrow_the_report_to_a_unit_of_medan(client, bob, world, staff):
    client.force_login(bob)
    response = client.get(URL, {"unit": world.medan_health.pk})
    assert response.context["report"] is None and "Medan" not in response.content.decode()
    assert (
        client.get(
            URL, {"unit": world.medan_health.pk, "format": "csv", "table": "units"}
        ).status_code
        == 400
    )


def test_the_unit_filter_narrows_to_a_subtree(client, alice, world, staff):
    client.force_login(alice)
    response = client.get(URL, {"year": 2026, "unit": world.medan_transport.pk})
    assert [row[0] for row in response.context["report"].tables["units"].rows] == [
        "Dinas Perhubungan Kota Medan"
    ]


def test_the_year_defaults_to_the_current_one(client, alice, staff):
    client.force_login(alice)
    assert client.get(URL).context["report"].year == 2026


@pytest.mark.parametrize("table", ["units", "pns_below", "pppk_over"])
def test_each_export_parses_back_to_the_rows_of_the_page(client, alice, staff, table):
    client.force_login(alice)
    page_rows = client.get(URL, {"year": 2026}).context["report"].tables[table].rows
    csv_body = csv_rows(client.get(URL, {"year": 2026, "format": "csv", "table": table}))[1:]
    assert csv_body == [[as_text(value) for value in row] for row in page_rows]
    xlsx_body = xlsx_rows(client.get(URL, {"year": 2026, "format": "xlsx", "table": table}))[1:]
    assert len(xlsx_body) == len(page_rows)
    for sheet_row, page_row in zip(xlsx_body, page_rows, strict=True):
        assert [v.date() if hasattr(v, "date") else v for v in sheet_row] == [
            float(v) if isinstance(v, Decimal) else v for v in page_row
        ]


def test_an_htmx_request_gets_only_the_report_part(client, alice, staff):
    client.force_login(alice)
    part = client.get(URL, {"year": 2026}, headers={"HX-Request": "true"}).content.decode()
    assert part.lstrip().startswith('<div id="report">') and "<html" not in part
    assert "Dedi Medan" in part


def test_the_list_of_names_is_paged_and_keeps_the_filters(client, alice, world, staff):
    for _ in range(50):
        EmployeeFactory(unit=world.medan_transport)
    client.force_login(alice)
    response = client.get(URL, {"year": 2026})
    pns_list = response.context["lists"][0]
    assert (len(pns_list["rows"]), pns_list["page"].paginator.count) == (50, 55)
    assert 'href="?year=2026&amp;pns_page=2"' in response.content.decode()
    second = client.get(URL, {"year": 2026, "pns_page": 2}).context["lists"][0]
    assert len(second["rows"]) == 5


def test_the_page_queries_do_not_grow_with_the_number_of_employees(
    client, alice, world, staff, django_assert_max_num_queries
):
    client.force_login(alice)
    client.get(URL, {"year": 2026})  # the first visit makes the per-unit rows (decision 0070)
    with django_assert_max_num_queries(11):
        client.get(URL, {"year": 2026})
    for i in range(30):
        employee_with_jp(world.medan_puskesmas, (date("2026-01-05"), str(i)))
    with django_assert_max_num_queries(11):
        response = client.get(URL, {"year": 2026})
    assert response.context["report"].summary.pns == 37
