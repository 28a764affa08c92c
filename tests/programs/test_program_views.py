import pytest
from django.urls import reverse

from sieva.audit.models import AuditEvent
from sieva.programs.models import CohortStatus, Program
from tests.factories import CohortFactory, ProgramFactory
from tests.programs.helpers import csv_rows, xlsx_rows

pytestmark = pytest.mark.django_db

LIST = reverse("programs:program_list")
CREATE = reverse("programs:program_create")


def _valid(world, **overrides):
    data = {
        "code": "SEM-02",
        "name": "Seminar Pelayanan Digital",
        "kind": "seminar",
        "mode": "daring",
        "owner": world.medan_health.pk,
        "objectives": "Memahami layanan digital",
        "target_competencies": "Literasi digital",
        "participation_target": 75,
    }
    return {**data, **overrides}


def test_the_list_filters_by_kind_mode_year_status_and_text(client, alice, world, medan):
    seminar = ProgramFactory(name="Seminar Etika", kind="seminar", mode="daring", owner=world.medan)
    CohortFactory(program=seminar, start_date="2025-05-05", end_date="2025-05-05")
    client.force_login(alice)

    def names(params):
        return [p.name for p in client.get(LIST, params).context["page"].object_list]

    assert names({}) == ["Pelatihan Pelayanan Publik", "Seminar Etika"]
    assert names({"kind": "seminar"}) == ["Seminar Etika"]
    assert names({"mode": "klasikal"}) == ["Pelatihan Pelayanan Publik"]
    assert names({"year": 2025}) == ["Seminar Etika"]
    assert names({"status": CohortStatus.RUNNING}) == ["Pelatihan Pelayanan Publik"]
    assert names({"year": 2026, "status": CohortStatus.FINISHED}) == []
    assert names({"q": "ppp-01"}) == ["Pelatihan Pelayanan Publik"]


def test_the_year_and_status_filters_do_not_inflate_the_cohort_count(client, alice, medan):
    CohortFactory(program=medan.program, status=CohortStatus.RUNNING)
    client.force_login(alice)
    [program] = client.get(LIST, {"status": CohortStatus.RUNNING}).context["page"].object_list
    assert program.cohort_count == 2
    assert program.total_jp == 12


def test_an_htmx_search_gets_only_the_results(client, alice, medan):
    client.force_login(alice)
    part = client.get(LIST, {"q": "Pelayanan"}, headers={"HX-Request": "true"}).content.decode()
    assert part.lstrip().startswith('<section id="results"')
    assert "Pelatihan Pelayanan Publik" in part and "<html" not in part


def test_the_exports_keep_the_filters_and_parse_back(client, alice, world, medan):
    ProgramFactory(name="Seminar Etika", kind="seminar", owner=world.medan)
    client.force_login(alice)
    rows = csv_rows(client.get(LIST, {"kind": "pelatihan", "format": "csv"}))
    assert rows == [
        ["Kode", "Nama program", "Jenis", "Moda", "Pemilik", "Angkatan", "Total JP"],
        ["PPP-01", "Pelatihan Pelayanan Publik", "Pelatihan", "Klasikal (tatap muka)",
         "Pemerintah Kota Medan", "1", "12"],
    ]  # fmt: skip
    header, row = xlsx_rows(client.get(LIST, {"kind": "pelatihan", "format": "xlsx"}))
    assert row == ["PPP-01", "Pelatihan Pelayanan Publik", "Pelatihan", "Klasikal (tatap muka)",
                   "Pemerintah Kota Medan", 1, 12]  # fmt: skip


def test_an_unknown_export_format_is_a_bad_request(client, alice, medan):
    client.force_login(alice)
    assert client.get(LIST, {"format": "pdf"}).status_code == 400


def test_the_detail_shows_objectives_competencies_curriculum_and_cohorts(client, alice, medan):
    client.force_login(alice)
    page = client.get(reverse("programs:program_detail", kwargs={"pk": medan.program.pk}))
    text = page.content.decode()
    for expected in ("Meningkatkan mutu layanan", "Komunikasi publik", "Etika pelayanan",
                     "Komunikasi efektif", "Angkatan I", "Berjalan"):  # fmt: skip
        assert expected in text
    assert page.context["detail"].total_jp == 12


def test_an_organiser_creates_a_program_and_it_is_audited(client, olga, world):
    client.force_login(olga)
    response = client.post(CREATE, _valid(world))
    program = Program.objects.get(code="SEM-02")
    assert response.status_code == 302
    assert response["Location"] == reverse("programs:program_detail", kwargs={"pk": program.pk})
    assert program.owner == world.medan_health
    assert AuditEvent.objects.filter(action="program.create", object_id=str(program.pk)).exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": "  "}, "name", "tidak boleh kosong"),
        ({"code": "PPP-01"}, "code", "Kode program PPP-01 sudah dipakai program lain."),
        ({"participation_target": 120}, "participation_target", "100"),
        ({"kind": "arisan"}, "kind", "arisan"),
    ],
)
def test_invalid_input_shows_the_field_error_and_writes_nothing(
    client, alice, world, medan, overrides, field, message
):
    client.force_login(alice)
    response = client.post(CREATE, _valid(world, **overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not Program.objects.filter(name="Seminar Pelayanan Digital").exists()
    assert not AuditEvent.objects.filter(action="program.create").exists()


def test_a_program_cannot_be_owned_by_another_region(client, alice, world):
    client.force_login(alice)
    response = client.post(CREATE, _valid(world, owner=world.palembang.pk))
    assert response.status_code == 200 and "owner" in response.context["form"].errors
    assert not Program.objects.exists()


def test_the_curriculum_is_edited_on_the_program_form(client, olga, medan):
    client.force_login(olga)
    url = reverse("programs:subject_create", kwargs={"pk": medan.program.pk})
    assert client.post(url, {"name": "Studi kasus", "jp": "2.5"}).status_code == 302
    bad = client.post(url, {"name": "Terlalu halus", "jp": "1.25"})
    assert bad.status_code == 200
    assert "1 angka desimal" in " ".join(bad.context["subject_form"].errors["jp"])
    names = list(medan.program.subjects.values_list("name", "order"))
    assert names == [("Etika pelayanan", 1), ("Komunikasi efektif", 2), ("Studi kasus", 3)]
