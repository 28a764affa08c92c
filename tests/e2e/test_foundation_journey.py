"""Issue 2's journey, as a new Medan admin would click it: create a cohort, give it a session,
enrol people by pasting their NIPs, tick attendance and watch the participation rate move.
Then Palembang's admin tries the cohort's address and finds nothing."""

from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from sieva.programs.models import Attendance, Cohort, Enrollment
from tests.factories import PASSWORD, EmployeeFactory, ProgramFactory, SubjectFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def medan_program(world):
    program = ProgramFactory(owner=world.medan, name="Komunikasi Efektif", code="KOM-01")
    SubjectFactory(program=program, name="Menulis naskah dinas", jp=Decimal("4"))
    return program


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/akun/login/")
    page.get_by_label("Nama pengguna", exact=False).fill(username)
    page.get_by_label("Sandi", exact=False).fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def test_medan_admin_runs_a_cohort_and_palembang_admin_cannot_open_it(
    page, live_server, world, alice, bob, medan_program
):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    ani = EmployeeFactory(name="Ani Rahma", unit=world.medan_health)
    budi = EmployeeFactory(name="Budi Santoso", unit=world.medan_puskesmas)

    sign_in(page, live_server.url, "alice")
    page.get_by_role("link", name="Program", exact=True).click()
    page.get_by_role("link", name="Komunikasi Efektif").click()
    page.get_by_role("link", name="Angkatan baru").click()

    # A cohort that ends before it starts is refused on the field, and nothing is written.
    page.get_by_label("Nama angkatan", exact=False).fill("Angkatan Uji")
    # Dates in the past: attendance for a session still ahead cannot be ticked (decision 0004).
    page.get_by_label("Tanggal mulai", exact=False).fill("2026-03-09")
    page.get_by_label("Tanggal selesai", exact=False).fill("2026-03-02")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("alert").first).to_be_visible()
    assert not Cohort.objects.filter(name="Angkatan Uji").exists()
    page.get_by_label("Tanggal selesai", exact=False).fill("2026-03-11")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("heading", name="Angkatan Uji")).to_be_visible()
    cohort = Cohort.objects.get(name="Angkatan Uji")

    page.get_by_role("link", name="Tambah sesi").click()
    page.get_by_label("Judul sesi", exact=False).fill("Hari pertama")
    page.get_by_label("JP").fill("4")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("cell", name="Hari pertama")).to_be_visible()

    page.get_by_role("link", name="Kelola peserta").click()
    page.get_by_label("atau tempelkan daftar NIP", exact=False).fill(f"{ani.nip}\n{budi.nip}")
    page.get_by_role("button", name="Tambahkan").click()
    expect(page.get_by_role("cell", name="Ani Rahma")).to_be_visible()
    assert Enrollment.objects.filter(cohort=cohort).count() == 2

    page.get_by_role("link", name="Daftar hadir").first.click()
    rate = page.locator("#participation-rate")
    expect(rate).to_have_text("0,0 %")
    page.get_by_label("Ani Rahma hadir di Hari pertama").check()
    expect(rate).to_have_text("50,0 %")
    assert Attendance.objects.filter(enrollment__employee=ani).count() == 1
    assert errors == []

    page.get_by_role("button", name="Keluar").click()
    sign_in(page, live_server.url, "bob")
    response = page.goto(f"{live_server.url}/program/angkatan/{cohort.pk}/")
    assert response is not None and response.status == 404
    expect(page.get_by_text("Angkatan Uji")).to_have_count(0)
    expect(page.get_by_text("Ani Rahma")).to_have_count(0)
