"""No page scrolls sideways on a 390 px phone: wide tables scroll inside their wrapper, long
unit names in a <select> shrink to the screen, filter forms wrap."""

from decimal import Decimal

import pytest

from sieva.org.models import OrgKind, Role
from sieva.programs.models import CostCategory, EnrollmentStatus
from tests.factories import (
    PASSWORD,
    BudgetLineFactory,
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    OrgUnitFactory,
    ProgramFactory,
    SessionFactory,
    SubjectFactory,
    user_with_role,
)

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
LONG_UNIT = "Unit Pelaksana Teknis Daerah Laboratorium Kesehatan dan Kalibrasi Alat Kesehatan"


@pytest.fixture
def busy_medan(world):
    """Enough rows with long names that every list and report has a full table."""
    lab = OrgUnitFactory(
        kind=OrgKind.SERVICE_UNIT, code="MDN-UPTD-LABKES", name=LONG_UNIT, parent=world.medan_health
    )
    sub = OrgUnitFactory(
        code="MDN-UPTD-LABKES-SUB", name=f"Subbagian Tata Usaha {LONG_UNIT}", parent=lab
    )
    people = [
        EmployeeFactory(
            name=f"Prof. Dr. Hj. Raden Ajeng Kusumawardhani Maharani Putri {i}, S.T., M.Kes.",
            unit=sub if i % 2 else world.medan_puskesmas,
            position_name="Pranata Laboratorium Kesehatan Ahli Madya Penanggung Jawab Mutu",
        )
        for i in range(6)
    ]
    program = ProgramFactory(
        owner=world.medan,
        name="Pelatihan Kepemimpinan Pengawas Angkatan Khusus Tenaga Kesehatan Kota Medan",
        code="PKP-NAKES-2026",
    )
    SubjectFactory(program=program, name="Kepemimpinan pelayanan publik berorientasi warga")
    cohort = CohortFactory(program=program, name="Angkatan I Tenaga Kesehatan Puskesmas")
    SessionFactory(cohort=cohort, jp=Decimal("8"))
    for person in people:
        EnrollmentFactory(cohort=cohort, employee=person, status=EnrollmentStatus.PASSED)
    for category in CostCategory.values:
        BudgetLineFactory(
            cohort=cohort,
            category=category,
            note="Honorarium narasumber dan penyusunan bahan ajar tingkat lanjut",
            planned=Decimal("123456789012"),
            realised=Decimal("98765432109"),
        )
    return program, cohort


# The elements sticking out of the screen (outside a scrolling wrapper), to name the culprit.
_CULPRITS = """[...document.querySelectorAll("body *")]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest(".table-wrap"))
  .slice(0, 3).map(e => `${e.tagName}.${e.className}: ${(e.textContent || "").trim().slice(0, 40)}`)"""


def sign_in_on_a_phone(new_context, base_url: str, username: str):
    page = new_context(viewport=PHONE).new_page()
    page.goto(f"{base_url}/akun/login/")
    page.get_by_label("Nama pengguna", exact=False).fill(username)
    page.get_by_label("Sandi", exact=False).fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base_url}/")
    return page


def too_wide(page, base_url: str, paths: list[str]) -> dict[str, object]:
    """Each path whose page is wider than the screen, with its width and the culprits."""
    found = {}
    for path in paths:
        page.goto(f"{base_url}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > page.evaluate("window.innerWidth") + 1:
            found[path] = (width, page.evaluate(_CULPRITS))
    return found


def test_main_pages_do_not_scroll_sideways_on_a_phone(new_context, live_server, alice, busy_medan):
    program, cohort = busy_medan
    page = sign_in_on_a_phone(new_context, live_server.url, "alice")
    paths = [
        "/",
        "/pegawai/",
        "/pegawai/unit/",
        f"/pegawai/{cohort.enrollments.first().employee_id}/",
        "/pegawai/baru/",
        "/pegawai/impor/",
        "/program/",
        f"/program/{program.pk}/",
        f"/program/angkatan/{cohort.pk}/",
        f"/program/angkatan/{cohort.pk}/anggaran/",
        f"/program/angkatan/{cohort.pk}/peserta/",
        f"/program/angkatan/{cohort.pk}/kehadiran/",
        "/partisipasi/?year=2026",
        "/partisipasi/jp/?year=2026",
        "/evaluasi/",
        "/instrumen/",
        "/instrumen/kampanye/",
        "/skm/",
        "/indikator/",
        f"/indikator/program/{program.pk}/manfaat/",
    ]
    assert too_wide(page, live_server.url, paths) == {}

    # A failed submit lands keyboard and screen-reader users on the list of problems.
    page.goto(f"{live_server.url}/pegawai/baru/")
    page.get_by_label("NIP / NI PPPK", exact=False).fill("123")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_function("document.activeElement.id === 'form-errors'")
    assert "isian yang perlu diperbaiki" in page.locator("#form-errors").inner_text()
    page.context.close()


def test_a_participants_home_table_fits_a_phone(new_context, live_server, world, busy_medan):
    _, cohort = busy_medan
    person = cohort.enrollments.first().employee
    user_with_role("pia", Role.PARTICIPANT, person.unit, employee=person)
    page = sign_in_on_a_phone(new_context, live_server.url, "pia")
    assert too_wide(page, live_server.url, ["/"]) == {}
    status = page.get_by_role("cell", name="Selesai / lulus").first
    box = status.bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE["width"]
    page.context.close()
