"""The shared parts of list pages (filter form, pagination, export links) on the real pages,
with and without htmx: a whole page for a browser, only the swapped element for htmx."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from sieva.org.models import Employee
from tests.factories import EmployeeFactory, ProgramFactory
from tests.test_translations import compiled_catalogue

__all__ = ["compiled_catalogue"]

pytestmark = pytest.mark.django_db

# name → (query, the element htmx swaps, whether that element holds the filter form)
HTMX_LISTS = {
    "programs:program_list": ({"kind": "pelatihan"}, "results", False),
    "org:employee_list": ({"q": "ani"}, "results", True),
    "instruments:instrument_list": ({"purpose": "reaksi"}, "results", False),
    "instruments:campaign_list": ({"status": "berjalan"}, "results", False),
    "programs:participation": ({"year": 2026}, "report", True),
    "programs:jp_report": ({"year": 2026}, "report", True),
}


@pytest.mark.parametrize("name", sorted(HTMX_LISTS))
def test_a_list_page_is_whole_for_a_browser_and_only_its_results_for_htmx(client, alice, name):
    query, target, form_inside = HTMX_LISTS[name]
    client.force_login(alice)
    url = reverse(name)
    page = client.get(url, query).content.decode()
    assert "<html" in page
    assert f'class="filters" hx-get="{url}" hx-target="#{target}"' in page

    part = client.get(url, query, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in part
    assert re.match(rf'<(div|section) id="{target}"', part.lstrip())
    assert ('class="filters"' in part) is form_inside


def test_the_filter_form_shows_every_field_and_keeps_what_was_chosen(client, alice):
    client.force_login(alice)
    page = client.get(reverse("org:employee_list"), {"q": "ani", "asn_kind": "PPPK"})
    html = page.content.decode()
    for field in page.context["form"]:
        assert f'name="{field.name}"' in html, field.name
    assert 'value="ani"' in html and '<option value="PPPK" selected>' in html


def test_a_long_list_is_paged_with_links_that_keep_the_filters(client, alice, world):
    for n in range(51):
        ProgramFactory(owner=world.medan, kind="pelatihan", name=f"Program {n:02}")
    client.force_login(alice)
    url = reverse("programs:program_list")
    first = client.get(url, {"kind": "pelatihan"}).content.decode()
    assert "Halaman 1 dari 2 (51 program)" in first
    assert 'href="?kind=pelatihan&amp;page=2">Berikutnya</a>' in first
    assert "Sebelumnya" not in first
    assert 'href="?kind=pelatihan&amp;format=xlsx" download>Unduh XLSX</a>' in first
    second = client.get(url, {"kind": "pelatihan", "page": 2}).content.decode()
    assert 'href="?kind=pelatihan&amp;page=1">Sebelumnya</a>' in second
    assert "Berikutnya" not in second


def test_the_page_count_reads_naturally_in_english(client, alice, world, compiled_catalogue):
    for _ in range(51):
        EmployeeFactory(unit=world.medan_health)
    client.force_login(alice)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("org:employee_list")).content.decode()
    assert f"Page 1 of 2 ({Employee.objects.count()} employees)" in page


def test_a_short_list_has_no_page_links(client, alice, world):
    ProgramFactory(owner=world.medan)
    client.force_login(alice)
    page = client.get(reverse("programs:program_list")).content.decode()
    assert 'class="pagination"' not in page
