"""The export writer behind real pages: a value stored through the product that a workbook
cannot hold, and the title block a filtered list carries, downloaded from the real URLs."""

import io

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from sieva.instruments.models import Answer
from sieva.org.models import Employee, PositionKind
from sieva.programs.models import ProgramKind
from tests.core.readback import csv_rows, xlsx_rows, xlsx_title
from tests.factories import CohortFactory, EmployeeFactory, ProgramFactory
from tests.instruments.campaign_setup import links, make_campaign, medan_setting

__all__ = ["medan_setting"]

pytestmark = pytest.mark.django_db

# "\x01" (start of heading) arrives with text pasted from old systems; openpyxl refuses it
# (IllegalCharacterError), which turned every XLSX export of the list into a 500. Forms and
# imports now refuse it (decision 0065); rows stored before that must still download.
PASTED_NAME = "Ani\x01 Lestari\x1b"


def _workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def _create_employee(client, world, name: str) -> None:
    """Ani, typed into the employee form as a signed-in admin would."""
    form = {
        "nip": "198503122010011003",
        "name": name,
        "asn_kind": "PNS",
        "grade": "III/a",
        "position_kind": PositionKind.PELAKSANA,
        "position_name": "Analis Kepegawaian",
        "unit": world.medan_health.pk,
        "is_active": "on",
    }
    assert client.post(reverse("org:employee_create"), form).status_code == 302


def test_an_employee_name_with_a_control_character_still_downloads_as_a_workbook(
    client, alice, world
):
    client.force_login(alice)
    EmployeeFactory(name=PASTED_NAME, unit=world.medan_health)  # stored before 0065
    assert Employee.objects.get().name == PASTED_NAME

    response = client.get(reverse("org:employee_list"), {"format": "xlsx"})
    _workbook(response)
    names = [row[1] for row in xlsx_rows(response)[1:]]
    assert names == ["Ani Lestari"]
    csv_names = [row[1] for row in csv_rows(client.get(reverse("org:employee_list"), {"format": "csv"}))[1:]]  # fmt: skip
    assert csv_names == ["Ani Lestari"]


def test_a_response_answer_with_a_control_character_still_downloads_as_a_workbook(
    client, evan, medan_setting
):
    campaign = make_campaign(medan_setting)
    tokens = links(campaign)
    answers = {"puas": "4", "moda": "daring", "umur": "30", "koneksi": "putus sambung"}
    for person in medan_setting.participants[:5]:
        posted = client.post(reverse("instruments:respond", args=[tokens[person.pk]]), answers)
        assert posted.status_code == 302, posted.content.decode()[:500]
    # Answers stored before decision 0065, when the form still let "\x01" through.
    Answer.objects.filter(value_text="putus sambung").update(value_text="putus\x01 sambung")

    client.force_login(evan)
    url = reverse("instruments:campaign_responses", args=[campaign.pk])
    response = client.get(url, {"format": "xlsx"})
    book = _workbook(response)
    header, *rows = xlsx_rows(response)
    assert [row[header.index("koneksi")] for row in rows] == ["putus sambung"] * 5
    assert book.active.title.startswith("Tanggapan kampanye")


@time_machine.travel("2026-05-04 03:15Z", tick=False)
def test_a_filtered_list_names_itself_its_scope_and_filters_above_the_table(client, alice, world):
    program = ProgramFactory(owner=world.medan, kind=ProgramKind.TRAINING, name="Prima")
    CohortFactory(program=program)
    client.force_login(alice)
    url = reverse("programs:program_list")
    response = client.get(url, {"kind": "pelatihan", "format": "xlsx"})
    _workbook(response)
    assert xlsx_title(response) == [
        "Program pengembangan",
        "Cakupan: Pemerintah Kota Medan beserta unit di bawahnya",
        "Filter: Jenis: Pelatihan",
        "Diunduh: 4 Mei 2026, 10.15 WIB",
    ]
    assert [row[1] for row in xlsx_rows(response)[1:]] == ["Prima"]
    assert csv_rows(client.get(url, {"kind": "pelatihan", "format": "csv"}))[0][0] == "Kode"


def test_palembangs_admin_reads_his_own_scope_in_the_title_block(client, bob, world):
    EmployeeFactory(unit=world.palembang_health, name="Dodi")
    client.force_login(bob)
    response = client.get(reverse("org:employee_list"), {"format": "xlsx", "active": "semua"})
    assert xlsx_title(response)[1:3] == [
        "Cakupan: Pemerintah Kota Palembang beserta unit di bawahnya",
        "Filter: Status: Semua",
    ]


def test_a_cohort_download_names_the_cohort_and_program(client, alice, world):
    program = ProgramFactory(owner=world.medan, code="PPP-01", name="Pelayanan Prima")
    cohort = CohortFactory(program=program, name="Angkatan I")
    client.force_login(alice)
    response = client.get(reverse("programs:budget", args=[cohort.pk]), {"format": "xlsx"})
    assert xlsx_title(response)[0] == "Anggaran Angkatan I, Pelayanan Prima (PPP-01)"


def test_the_import_template_stays_a_bare_table_to_fill_in(client, alice):
    client.force_login(alice)
    response = client.get(reverse("org:employee_import_template"), {"format": "xlsx"})
    assert xlsx_title(response) == []
    assert _workbook(response).active["A1"].value == "NIP"


def test_the_employee_csv_export_uploads_again_as_it_stands(client, alice, world):
    client.force_login(alice)
    _create_employee(client, world, "Ani Lestari")
    exported = client.get(reverse("org:employee_list"), {"format": "csv"})
    upload = io.BytesIO(exported.content)
    upload.name = "pegawai.csv"
    response = client.post(reverse("org:employee_import"), {"file": upload})
    assert response.status_code == 302, response.context["errors"][:3]
    ani = Employee.objects.get()
    assert (ani.name, ani.position_name, ani.grade) == (
        "Ani Lestari",
        "Analis Kepegawaian",
        "III/a",
    )
