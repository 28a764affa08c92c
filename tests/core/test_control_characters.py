"""Invisible control characters (NUL, \\x01 …) are refused where people type or upload, with
the character named, and a stored one never breaks a download (decision 0065)."""

import io

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from sieva.core.tables import UnreadableFile, read_table
from sieva.org.models import Employee
from tests.factories import EmployeeFactory
from tests.org.test_employee_import_page import HEADER, _upload
from tests.org.test_employee_views import _form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mid_2026():
    with time_machine.travel("2026-06-15 10:00 +0700", tick=False):
        yield


@pytest.mark.parametrize("character", ["\x01", "\x1b", "\x7f"])
def test_a_form_refuses_a_name_with_a_control_character_and_names_it(
    client, alice, world, character
):
    client.force_login(alice)
    response = client.post(reverse("org:employee_create"), _form(world, name=f"Ani{character}"))
    assert response.status_code == 200
    errors = response.context["form"].errors["name"]
    assert any(f"U+{ord(character):04X}" in e and "karakter kendali" in e for e in errors)
    assert not Employee.objects.exists()


def test_tabs_and_line_breaks_are_ordinary_text():
    table = read_table(b"nama;catatan\nAni;baris satu\tdua\n", "a.csv")
    assert list(table.rows) == [(2, ["Ani", "baris satu\tdua"])]


def test_an_import_names_the_row_column_and_character_and_stores_nothing(client, alice, world):
    client.force_login(alice)
    rows = [
        HEADER,
        ["19850312 201001 1 003", "Ani Lestari", "PNS", "III/d", "pelaksana", "MDN-DINKES"],
        ["198001012005012001", "Eko\x01 Prasetyo", "PNS", "4a", "pelaksana", "MDN-DISHUB"],
    ]
    page = client.post(reverse("org:employee_import"), {"file": _upload("pegawai.csv", rows)})
    text = page.content.decode()
    assert "Baris 3, kolom “NAMA”" in text and "U+0001" in text
    assert not Employee.objects.exists()


def test_a_nul_in_a_csv_cell_is_refused_by_the_shared_reader():
    with pytest.raises(UnreadableFile, match=r"Baris 2, kolom “nama”: .*\(U\+0000\)"):
        list(read_table(b"nama\nAni\x00\n", "a.csv").rows)


def test_a_stored_control_character_still_downloads_as_xlsx(client, alice, world):
    # U+0001 and U+001F, not NUL: PostgreSQL refuses NUL in text itself.
    EmployeeFactory(name="Ani\x01 Lestari\x1f", unit=world.medan_health)
    client.force_login(alice)
    response = client.get(reverse("org:employee_list"), {"format": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "Ani Lestari" in names
