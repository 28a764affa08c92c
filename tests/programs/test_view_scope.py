"""Who reaches which program page: scope (404), capability (403) and personal data."""

import pytest
from django.urls import reverse

from sieva.programs.models import Enrollment, Program
from tests.programs.helpers import csv_rows, xlsx_rows

pytestmark = pytest.mark.django_db


def _pages(m) -> list[tuple[str, dict]]:
    """Every GET page of one Medan program, by URL name and kwargs."""
    return [
        ("program_detail", {"pk": m.program.pk}),
        ("program_edit", {"pk": m.program.pk}),
        ("subject_edit", {"pk": m.program.subjects.first().pk}),
        ("cohort_create", {"pk": m.program.pk}),
        ("cohort_detail", {"pk": m.cohort.pk}),
        ("cohort_edit", {"pk": m.cohort.pk}),
        ("session_create", {"pk": m.cohort.pk}),
        ("session_edit", {"pk": m.s1.pk}),
        ("budget", {"pk": m.cohort.pk}),
        ("enrollment_list", {"pk": m.cohort.pk}),
        ("enrollment_edit", {"pk": m.e_ani.pk}),
        ("attendance", {"pk": m.cohort.pk}),
    ]


def _posts(m) -> list[tuple[str, dict]]:
    """Every POST-only action on the same objects."""
    return [
        ("subject_create", {"pk": m.program.pk}),
        ("subject_delete", {"pk": m.program.subjects.first().pk}),
        ("session_delete", {"pk": m.s2.pk}),
        ("budget_line_delete", {"pk": m.line.pk}),
        ("enrollment_add", {"pk": m.cohort.pk}),
        ("enrollment_bulk", {"pk": m.cohort.pk}),
        ("enrollment_remove", {"pk": m.e_budi.pk}),
        ("attendance_set", {"pk": m.cohort.pk}),
    ]


def _exports(m) -> list[tuple[str, dict]]:
    return [
        ("cohort_export", {"pk": m.cohort.pk}),
        ("enrollment_list", {"pk": m.cohort.pk}),
        ("attendance", {"pk": m.cohort.pk}),
        ("budget", {"pk": m.cohort.pk}),
    ]


def _url(name, kwargs):
    return reverse(f"programs:{name}", kwargs=kwargs)


def test_every_page_renders_for_the_medan_admin(client, alice, medan):
    client.force_login(alice)
    assert client.get(reverse("programs:program_list")).status_code == 200
    assert client.get(reverse("programs:program_create")).status_code == 200
    for name, kwargs in _pages(medan):
        response = client.get(_url(name, kwargs))
        assert response.status_code == 200, name
        assert "style=" not in response.content.decode(), name


def test_the_palembang_admin_gets_404_on_every_medan_page_action_and_export(client, bob, medan):
    client.force_login(bob)
    for name, kwargs in _pages(medan) + _posts(medan):
        assert client.post(_url(name, kwargs)).status_code == 404, name
    for name, kwargs in _pages(medan):
        assert client.get(_url(name, kwargs)).status_code == 404, name
    for name, kwargs in _exports(medan):
        for fmt in ("csv", "xlsx"):
            assert client.get(_url(name, kwargs), {"format": fmt}).status_code == 404, name
    assert Enrollment.objects.filter(cohort=medan.cohort).count() == 3


def test_the_palembang_admin_cannot_tick_medan_attendance_from_his_own_cohort(
    client, bob, medan, palembang
):
    client.force_login(bob)
    url = _url("attendance_set", {"pk": palembang.cohort.pk})
    data = {"session": medan.s1.pk, "enrollment": medan.e_ani.pk, "present": "1"}
    assert client.post(url, data).status_code == 404
    assert not medan.e_ani.attendances.exists()


def test_the_program_list_and_its_exports_hold_only_the_users_programs(
    client, bob, medan, palembang
):
    client.force_login(bob)
    page = client.get(reverse("programs:program_list")).content.decode()
    assert "Pelatihan Kearsipan Sumsel" in page and "Pelayanan Publik" not in page
    url = reverse("programs:program_list")
    assert [r[1] for r in csv_rows(client.get(url, {"format": "csv"}))[1:]] == [
        "Pelatihan Kearsipan Sumsel"
    ]
    assert [r[1] for r in xlsx_rows(client.get(url, {"format": "xlsx"}))[1:]] == [
        "Pelatihan Kearsipan Sumsel"
    ]


def test_the_leader_reads_programs_and_cohorts_without_names_or_nips(client, lina, medan):
    client.force_login(lina)
    for name in ("program_detail", "cohort_detail", "budget"):
        kwargs = {"pk": medan.program.pk if name == "program_detail" else medan.cohort.pk}
        response = client.get(_url(name, kwargs))
        page = response.content.decode()
        assert response.status_code == 200, name
        assert "Ani Rahma" not in page and medan.ani.nip not in page, name
        assert "/ubah/" not in page and "Kelola" not in page, name
    counts = csv_rows(client.get(_url("cohort_export", {"pk": medan.cohort.pk}), {"format": "csv"}))
    assert counts[0] == ["Status", "Jumlah peserta"]
    assert ["Diundang", "2"] in counts and "Ani Rahma" not in str(counts)


def test_the_leader_may_not_open_participant_pages_or_change_anything(client, lina, medan):
    client.force_login(lina)
    for name in ("enrollment_list", "enrollment_edit", "attendance", "program_edit", "cohort_edit"):
        kwargs = {"pk": medan.e_ani.pk if name == "enrollment_edit" else medan.cohort.pk}
        if name == "program_edit":
            kwargs = {"pk": medan.program.pk}
        assert client.get(_url(name, kwargs)).status_code == 403, name
    assert client.get(reverse("programs:program_create")).status_code == 403
    for name, kwargs in _posts(medan):
        assert client.post(_url(name, kwargs)).status_code == 403, name
    budget = client.post(_url("budget", {"pk": medan.cohort.pk}), {"category": "evaluasi"})
    assert budget.status_code == 403
    assert (
        client.get(_url("attendance", {"pk": medan.cohort.pk}), {"format": "csv"}).status_code
        == 403
    )


def test_a_participant_may_not_open_the_program_pages(client, pia, medan):
    client.force_login(pia)
    assert client.get(reverse("programs:program_list")).status_code == 403
    assert client.get(_url("cohort_detail", {"pk": medan.cohort.pk})).status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, medan):
    response = client.get(reverse("programs:program_list"))
    assert response.status_code == 302 and "/akun/login/" in response["Location"]


def test_the_evaluator_reads_the_attendance_grid_without_checkboxes(client, evan, medan):
    client.force_login(evan)
    response = client.get(_url("attendance", {"pk": medan.cohort.pk}))
    page = response.content.decode()
    assert response.status_code == 200 and "Ani Rahma" in page
    assert 'type="checkbox"' not in page


def test_the_organiser_may_edit_a_program(client, olga, medan):
    client.force_login(olga)
    data = {
        "code": "PPP-01",
        "name": "Pelatihan Pelayanan Publik Terpadu",
        "kind": "pelatihan",
        "mode": "klasikal",
        "owner": medan.program.owner_id,
        "participation_target": 90,
    }
    response = client.post(_url("program_edit", {"pk": medan.program.pk}), data)
    assert response.status_code == 302
    program = Program.objects.get(pk=medan.program.pk)
    assert (program.name, program.participation_target) == (
        "Pelatihan Pelayanan Publik Terpadu",
        90,
    )
