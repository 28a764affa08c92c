import pytest
from django.urls import reverse

from sieva.audit.models import AuditEvent
from sieva.programs.models import AbsenceReason, Attendance, Enrollment, EnrollmentStatus
from tests.factories import EmployeeFactory
from tests.programs.helpers import csv_rows, tick, xlsx_rows

pytestmark = pytest.mark.django_db


def _url(name, pk):
    return reverse(f"programs:{name}", kwargs={"pk": pk})


def _enrolled(cohort):
    return sorted(cohort.enrollments.values_list("employee__name", flat=True))


def test_the_participant_page_lists_people_and_exports_them(client, alice, medan):
    client.force_login(alice)
    url = _url("enrollment_list", medan.cohort.pk)
    page = client.get(url).content.decode()
    assert "Ani Rahma" in page and medan.budi.nip in page
    header, *rows = csv_rows(client.get(url, {"format": "csv"}))
    assert header[0] == "NIP" and [r[1] for r in rows] == [
        "Ani Rahma",
        "Budi Santoso",
        "Citra Dewi",
    ]
    assert [r[1] for r in xlsx_rows(client.get(url, {"format": "xlsx"}))[1:]] == [
        "Ani Rahma", "Budi Santoso", "Citra Dewi"
    ]  # fmt: skip


def test_the_search_finds_employees_in_scope_and_marks_those_already_in(
    client, olga, medan, palembang
):
    client.force_login(olga)
    url = _url("enrollment_list", medan.cohort.pk)
    part = client.get(url, {"q": "a"}, headers={"HX-Request": "true"}).content.decode()
    assert "paling sedikit 2" in part
    part = client.get(url, {"q": "ani"}, headers={"HX-Request": "true"}).content.decode()
    assert part.lstrip().startswith('<div id="candidates"')
    assert "Ani Rahma" in part and "Sudah peserta" in part
    assert "Warga Palembang" not in client.get(url, {"q": "warga"}).content.decode()
    found = client.get(url, {"q": medan.dodi.nip[:10]}).context["candidates"]
    assert medan.dodi in found


def test_an_organiser_invites_one_employee_from_the_search(client, olga, medan):
    client.force_login(olga)
    response = client.post(_url("enrollment_add", medan.cohort.pk), {"employee": medan.dodi.pk})
    assert response.status_code == 302
    assert Enrollment.objects.get(employee=medan.dodi).status == EnrollmentStatus.INVITED


def test_inviting_someone_of_another_region_is_a_404(client, olga, medan, palembang):
    client.force_login(olga)
    data = {"employee": palembang.employee.pk}
    assert client.post(_url("enrollment_add", medan.cohort.pk), data).status_code == 404
    assert medan.cohort.enrollments.count() == 3


def test_a_pasted_nip_list_is_enrolled_in_one_go(client, olga, world, medan):
    eka = EmployeeFactory(name="Eka Putri", unit=world.medan_transport)
    client.force_login(olga)
    nips = f"{medan.dodi.nip}\n{eka.nip}, {medan.ani.nip}"
    response = client.post(
        _url("enrollment_bulk", medan.cohort.pk), {"nips": nips, "status": "terdaftar"}, follow=True
    )
    page = response.content.decode()
    assert "2 pegawai ditambahkan" in page and "Sudah menjadi peserta: Ani Rahma" in page
    assert _enrolled(medan.cohort) == [
        "Ani Rahma",
        "Budi Santoso",
        "Citra Dewi",
        "Dodi Saputra",
        "Eka Putri",
    ]
    assert AuditEvent.objects.filter(action="enrollment.add_bulk").count() == 1


def test_an_unknown_or_out_of_scope_nip_is_named_and_nothing_is_written(
    client, olga, medan, palembang
):
    client.force_login(olga)
    unknown = "199001012015011999"
    nips = "\n".join([medan.dodi.nip, unknown, palembang.employee.nip, "12345"])
    response = client.post(
        _url("enrollment_bulk", medan.cohort.pk), {"nips": nips, "status": "diundang"}
    )
    assert response.status_code == 200
    form = response.context["bulk_form"]
    errors = " ".join(form.non_field_errors())
    assert form.errors["nips"]  # the field is marked too
    assert "Tidak ada yang disimpan" in errors
    assert f"Tidak ditemukan dalam cakupan Anda: {unknown}, {palembang.employee.nip}" in errors
    assert "Bukan NIP 18 angka: 12345" in errors
    assert unknown in response.content.decode()
    assert _enrolled(medan.cohort) == ["Ani Rahma", "Budi Santoso", "Citra Dewi"]
    assert not AuditEvent.objects.filter(action__startswith="enrollment").exists()


def test_a_whole_unit_is_enrolled_and_another_regions_unit_is_refused(client, olga, world, medan):
    client.force_login(olga)
    url = _url("enrollment_bulk", medan.cohort.pk)
    refused = client.post(url, {"unit": world.palembang_health.pk, "status": "diundang"})
    assert "unit" in refused.context["bulk_form"].errors
    assert (
        client.post(url, {"unit": world.medan_health.pk, "status": "diundang"}).status_code == 302
    )
    assert "Dodi Saputra" in _enrolled(medan.cohort)


def test_withdrawing_needs_a_reason_and_stores_it(client, olga, medan):
    client.force_login(olga)
    url = _url("enrollment_edit", medan.e_budi.pk)
    missing = client.post(url, {"status": EnrollmentStatus.WITHDRAWN, "absence_reason": ""})
    assert "Alasan wajib diisi" in " ".join(missing.context["form"].errors["absence_reason"])
    assert Enrollment.objects.get(pk=medan.e_budi.pk).status == EnrollmentStatus.INVITED
    data = {"status": EnrollmentStatus.WITHDRAWN, "absence_reason": AbsenceReason.DUTY_CLASH}
    assert client.post(url, data).status_code == 302
    budi = Enrollment.objects.get(pk=medan.e_budi.pk)
    assert (budi.status, budi.absence_reason) == (
        EnrollmentStatus.WITHDRAWN,
        AbsenceReason.DUTY_CLASH,
    )


def test_passing_without_attendance_is_refused(client, olga, medan):
    client.force_login(olga)
    response = client.post(
        _url("enrollment_edit", medan.e_ani.pk), {"status": EnrollmentStatus.PASSED}
    )
    assert "memerlukan paling sedikit satu kehadiran" in " ".join(
        response.context["form"].errors["status"]
    )


def test_a_participant_without_attendance_can_be_removed_but_not_one_who_came(client, olga, medan):
    client.force_login(olga)
    assert client.post(_url("enrollment_remove", medan.e_citra.pk)).status_code == 302
    tick(client, medan.s1, medan.e_ani, htmx=False)
    response = client.post(_url("enrollment_remove", medan.e_ani.pk), follow=True)
    assert "tidak dapat dihapus" in response.content.decode()
    assert _enrolled(medan.cohort) == ["Ani Rahma", "Budi Santoso"]


def test_an_htmx_tick_saves_and_returns_the_row_the_funnel_and_the_rate(client, olga, medan):
    client.force_login(olga)
    response = tick(client, medan.s1, medan.e_ani)
    part = response.content.decode()
    assert response.status_code == 200 and "<html" not in part
    assert part.lstrip().startswith(f'<tr id="att-row-{medan.e_ani.pk}"')
    assert (
        'id="funnel" class="cards compact" aria-label="Corong partisipasi" hx-swap-oob="true"'
        in part
    )
    assert '<div class="value" id="participation-rate">33,3 %</div>' in part
    assert 'id="att-totals" hx-swap-oob="true"' in part
    assert response.context["funnel"].attended == 1
    assert Enrollment.objects.get(pk=medan.e_ani.pk).status == EnrollmentStatus.ATTENDING
    second = tick(client, medan.s1, medan.e_budi)
    assert '<div class="value" id="participation-rate">66,7 %</div>' in second.content.decode()


def test_unticking_the_only_session_lowers_the_rate_again(client, olga, medan):
    client.force_login(olga)
    tick(client, medan.s1, medan.e_ani)
    response = tick(client, medan.s1, medan.e_ani, present=False)
    assert '<div class="value" id="participation-rate">0,0 %</div>' in response.content.decode()
    assert not Attendance.objects.exists()
    assert Enrollment.objects.get(pk=medan.e_ani.pk).status == EnrollmentStatus.REGISTERED


def test_ticking_twice_records_one_attendance(client, olga, medan):
    client.force_login(olga)
    tick(client, medan.s2, medan.e_ani)
    tick(client, medan.s2, medan.e_ani)
    assert Attendance.objects.count() == 1
    assert AuditEvent.objects.filter(action="attendance.set").count() == 1


def test_a_tick_for_a_withdrawn_participant_is_refused_in_the_row(client, olga, medan):
    Enrollment.objects.filter(pk=medan.e_citra.pk).update(
        status=EnrollmentStatus.WITHDRAWN, absence_reason=AbsenceReason.SICK
    )
    client.force_login(olga)
    part = tick(client, medan.s1, medan.e_citra).content.decode()
    assert "telah mengundurkan diri" in part and "checked" not in part
    assert not Attendance.objects.exists()


def test_without_javascript_a_tick_redirects_back_to_the_grid(client, olga, medan):
    client.force_login(olga)
    response = tick(client, medan.s1, medan.e_ani, htmx=False)
    assert response["Location"] == _url("attendance", medan.cohort.pk)
    assert Attendance.objects.count() == 1


def test_a_tick_with_a_session_of_another_cohort_is_a_bad_request(client, olga, world, medan):
    from tests.factories import CohortFactory, SessionFactory

    other = SessionFactory(cohort=CohortFactory(program=medan.program))
    client.force_login(olga)
    assert tick(client, other, medan.e_ani).status_code == 400
    url = _url("attendance_set", medan.cohort.pk)
    assert client.post(url, {"session": "x", "enrollment": medan.e_ani.pk}).status_code == 400
    assert not Attendance.objects.exists()


def test_the_attendance_grid_and_its_export(client, alice, medan):
    client.force_login(alice)
    tick(client, medan.s1, medan.e_ani)
    tick(client, medan.s2, medan.e_ani)
    page = client.get(_url("attendance", medan.cohort.pk)).content.decode()
    assert page.count('type="checkbox"') == 6 and page.count(" checked") == 2
    header, *rows = csv_rows(client.get(_url("attendance", medan.cohort.pk), {"format": "csv"}))
    assert header == ["NIP", "Nama", "Status", "02-03-2026 Hari pertama", "03-03-2026 Hari kedua",
                      "Sesi dihadiri", "JP dihadiri"]  # fmt: skip
    assert rows[0] == [medan.ani.nip, "Ani Rahma", "Hadir", "1", "1", "2", "12"]
    assert xlsx_rows(client.get(_url("attendance", medan.cohort.pk), {"format": "xlsx"}))[2][
        3:
    ] == [0, 0, 0, 0]


def test_the_grid_queries_do_not_grow_with_the_participants(
    client, alice, world, medan, django_assert_max_num_queries
):
    from tests.factories import EnrollmentFactory

    for _ in range(20):
        EnrollmentFactory(cohort=medan.cohort, employee__unit=world.medan_health)
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        assert client.get(_url("attendance", medan.cohort.pk)).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(_url("enrollment_list", medan.cohort.pk)).status_code == 200
