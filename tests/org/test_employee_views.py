"""The employee pages: list (search, filters, export), detail, create, edit and import."""

from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from sieva.audit.models import AuditEvent
from sieva.org.imports import columns
from sieva.org.models import AsnKind, Employee, Gender, PositionKind
from tests.evaluation.factories import attend, date
from tests.evaluation.helpers import csv_rows, xlsx_rows
from tests.factories import CohortFactory, EmployeeFactory, EnrollmentFactory, SessionFactory

pytestmark = pytest.mark.django_db

LIST = reverse("org:employee_list")
CREATE = reverse("org:employee_create")
IMPORT = reverse("org:employee_import")
ANI_NIP = "198503122010011003"


@pytest.fixture(autouse=True)
def _mid_2026():
    with time_machine.travel("2026-06-15 10:00 +0700", tick=False):
        yield


@pytest.fixture
def staff(world):
    health, transport = world.medan_health, world.medan_transport
    ani = EmployeeFactory(name="Ani Lestari", nip=ANI_NIP, unit=health, grade="III/c")
    return {
        "ani": ani,
        "budi": EmployeeFactory(name="Budi Santoso", unit=world.medan_puskesmas, supervisor=ani),
        "cici": EmployeeFactory(
            name="Cici Rahma",
            unit=transport,
            asn_kind=AsnKind.PPPK,
            grade="IX",
            nip="199001152021211002",
            contract_start=date("2021-03-01"),
            position_kind=PositionKind.FUNCTIONAL_SKILLED,
            position_level="terampil",
        ),
        "dodi": EmployeeFactory(name="Dodi Pensiun", unit=transport, is_active=False),
        "ika": EmployeeFactory(name="Ika Palembang", unit=world.palembang_health),
    }


def _names(response):
    return [e.name for e in response.context["page"].object_list]


def _form(world, **overrides):
    data = {
        "nip": "19850312 201001 1 003",
        "name": "  Ani   Lestari ",
        "asn_kind": "PNS",
        "grade": "3a",
        "position_kind": PositionKind.PELAKSANA,
        "position_level": "",
        "position_name": "Analis Kepegawaian",
        "education": "S1",
        "unit": world.medan_health.pk,
        "supervisor": "",
        "contract_start": "",
        "is_active": "on",
    }
    return {**data, **overrides}


def test_alice_lists_the_active_employees_of_medan_only(client, alice, staff):
    client.force_login(alice)
    response = client.get(LIST)
    assert response.status_code == 200
    assert _names(response) == ["Ani Lestari", "Budi Santoso", "Cici Rahma"]
    assert "Ika Palembang" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("19850312 201001 1 003", ["Ani Lestari"]),
        ("19850312.201001", ["Ani Lestari"]),
        ("santo", ["Budi Santoso"]),
        ("211002", ["Cici Rahma"]),
    ],
)
def test_alice_searches_by_nip_with_spaces_or_by_name(client, alice, staff, query, expected):
    client.force_login(alice)
    assert _names(client.get(LIST, {"q": query})) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kusuma aditya", ["Aditya Kusuma"]),  # every word, in any order
        ("ADITYA  kus", ["Aditya Kusuma"]),
        ("Aisyah Maharani S.T.", ["Aisyah Maharani, S.T."]),  # no comma typed
        ("maharani st", ["Aisyah Maharani, S.T."]),  # no dots typed
        ("aisyah, s.t", ["Aisyah Maharani, S.T."]),
        ("aditya maharani", []),  # both words must match one person
        ("1990 0215 2015", ["Aisyah Maharani, S.T."]),  # NIP with spaces
    ],
)
def test_a_name_search_matches_every_word_whatever_the_punctuation(
    client, alice, world, query, expected
):
    EmployeeFactory(name="Aditya Kusuma", unit=world.medan_health)
    EmployeeFactory(name="Aisyah Maharani, S.T.", nip="199002152015032004", unit=world.medan)
    EmployeeFactory(name="Aditya Kusuma", unit=world.palembang_health)  # out of scope
    client.force_login(alice)
    assert _names(client.get(LIST, {"q": query})) == expected


def test_unit_options_are_indented_below_the_scope_root_and_show_their_codes(client, alice, world):
    client.force_login(alice)
    form = client.get(CREATE).context["form"]
    labels = [label for _, label in form.fields["unit"].choices][1:]
    assert labels[:3] == [
        "Pemerintah Kota Medan (PEMKOT-MDN)",
        "· Dinas Kesehatan Kota Medan (MDN-DINKES)",
        "· · Puskesmas Padang Bulan (MDN-PKM-01)",
    ]


def test_a_bad_nip_is_named_even_while_other_fields_are_empty(client, alice, world):
    client.force_login(alice)
    data = _form(world, nip="198513122010011003", name="", grade="3a", unit="")
    errors = client.post(CREATE, data).context["form"].errors
    assert errors["nip"] == ["Tanggal lahir pada NIP (digit 1-8: 19851312) tidak valid."]
    assert set(errors) == {"nip", "name", "unit"}
    assert not Employee.objects.exists()


def test_a_bad_golongan_is_named_alongside_other_errors(client, alice, world):
    client.force_login(alice)
    data = _form(world, asn_kind="PPPK", nip="199001152021211009", grade="3a", name="")
    errors = client.post(CREATE, data).context["form"].errors
    assert "grade" in errors and "name" in errors


def test_the_unit_filter_includes_the_units_below(client, alice, staff, world):
    client.force_login(alice)
    assert _names(client.get(LIST, {"unit": world.medan_health.pk})) == [
        "Ani Lestari",
        "Budi Santoso",  # Puskesmas, below Dinas Kesehatan
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"asn_kind": "PPPK"}, ["Cici Rahma"]),
        ({"grade": "III/c"}, ["Ani Lestari"]),
        ({"position_kind": PositionKind.FUNCTIONAL_SKILLED}, ["Cici Rahma"]),
        ({"active": "nonaktif"}, ["Dodi Pensiun"]),
        ({"active": "semua", "unit": "__transport__"}, ["Cici Rahma", "Dodi Pensiun"]),
    ],
)
def test_alice_filters_the_list(client, alice, staff, world, filters, expected):
    client.force_login(alice)
    if filters.get("unit") == "__transport__":
        filters["unit"] = world.medan_transport.pk
    assert _names(client.get(LIST, filters)) == expected


def test_a_unit_outside_the_scope_is_refused_as_a_filter(client, bob, staff, world):
    client.force_login(bob)
    response = client.get(LIST, {"unit": world.medan_health.pk})
    assert response.context["page"] is None
    assert "Ani Lestari" not in response.content.decode()
    assert client.get(LIST, {"unit": world.medan_health.pk, "format": "csv"}).status_code == 400


def test_the_list_is_paginated_with_the_filters_kept(client, alice, staff, world):
    for n in range(51):
        EmployeeFactory(name=f"Zaki {n:02d}", unit=world.medan_transport)
    client.force_login(alice)
    second = client.get(LIST, {"q": "Zaki", "page": 2})
    assert _names(second) == ["Zaki 50"]
    assert "q=Zaki&amp;page=1" in second.content.decode()


def test_the_list_runs_a_bounded_number_of_queries(
    client, alice, staff, world, django_assert_max_num_queries
):
    for _ in range(30):
        EmployeeFactory(unit=world.medan_puskesmas)
    client.force_login(alice)
    client.get(LIST)  # warms the session and the role caches
    with django_assert_max_num_queries(8):
        assert len(_names(client.get(LIST, {"unit": world.medan_health.pk}))) == 32


def test_an_htmx_request_gets_only_the_results(client, alice, staff):
    client.force_login(alice)
    page = client.get(LIST, {"q": "Ani"}, headers={"HX-Request": "true"}).content.decode()
    assert page.lstrip().startswith('<div id="results">') and "<html" not in page
    assert "Ani Lestari" in page


def test_the_export_follows_the_filters_in_csv_and_xlsx(client, alice, staff, world):
    client.force_login(alice)
    filters = {"unit": world.medan_health.pk, "active": "semua"}
    rows = csv_rows(client.get(LIST, {**filters, "format": "csv"}))
    header = rows[0]
    assert header[: len(columns.ALL)] == list(columns.ALL)
    assert [r[header.index("NAMA")] for r in rows[1:]] == ["Ani Lestari", "Budi Santoso"]
    budi = rows[2]
    assert budi[header.index("NIP_ATASAN")] == ANI_NIP
    assert budi[header.index("KODE_UNIT")] == "MDN-PKM-01"
    assert budi[header.index("AKTIF")] == "YA"
    sheet = xlsx_rows(client.get(LIST, {**filters, "format": "xlsx", "q": "ani"}))
    assert sheet[0][:2] == ["NIP", "NAMA"] and len(sheet) == 2
    assert sheet[1][0] == ANI_NIP and sheet[1][sheet[0].index("GOLONGAN")] == "III/c"


def test_an_unknown_export_format_is_a_bad_request(client, alice, staff):
    client.force_login(alice)
    assert client.get(LIST, {"format": "pdf"}).status_code == 400


def test_bob_sees_and_exports_nothing_of_medan(client, bob, staff):
    client.force_login(bob)
    assert _names(client.get(LIST)) == ["Ika Palembang"]
    exported = csv_rows(client.get(LIST, {"format": "csv", "active": "semua"}))
    assert [row[1] for row in exported[1:]] == ["Ika Palembang"]
    for name in ("programs:employee_detail", "org:employee_edit"):
        assert client.get(reverse(name, args=[staff["ani"].pk])).status_code == 404
    response = client.post(reverse("org:employee_edit", args=[staff["ani"].pk]), {"name": "X"})
    assert response.status_code == 404
    assert Employee.objects.get(pk=staff["ani"].pk).name == "Ani Lestari"


def test_lina_the_leader_is_refused_every_employee_page(client, lina, staff):
    client.force_login(lina)
    ani = staff["ani"].pk
    for url in (
        LIST,
        CREATE,
        IMPORT,
        reverse("programs:employee_detail", args=[ani]),
        reverse("org:employee_edit", args=[ani]),
        reverse("org:employee_import_errors"),
        reverse("org:employee_import_template") + "?format=csv",
    ):
        assert client.get(url).status_code == 403, url


def test_evan_the_evaluator_reads_but_does_not_edit(client, evan, staff):
    client.force_login(evan)
    assert client.get(LIST).status_code == 200
    assert "Pegawai baru" not in client.get(LIST).content.decode()
    assert (
        client.get(reverse("programs:employee_detail", args=[staff["ani"].pk])).status_code == 200
    )
    assert client.get(CREATE).status_code == 403
    assert client.get(reverse("org:employee_edit", args=[staff["ani"].pk])).status_code == 403


def test_the_detail_decodes_the_nip_and_shows_unit_path_supervisor_and_training(
    client, alice, staff
):
    budi, ani = staff["budi"], staff["ani"]
    cohort = CohortFactory(program__name="Pelatihan Pelayanan Prima", start_date=date("2026-03-02"))
    attend(
        EnrollmentFactory(cohort=cohort, employee=budi),
        SessionFactory(cohort=cohort, jp=Decimal("12")),
    )
    client.force_login(alice)
    response = client.get(reverse("programs:employee_detail", args=[ani.pk]))
    page = response.content.decode()
    assert "19850312 201001 1 003" in page
    assert "41 tahun" in page and "Januari 2010" in page  # 12 March 1985; TMT CPNS 01/2010
    assert "Budi Santoso" in page  # a direct subordinate
    context = client.get(reverse("programs:employee_detail", args=[budi.pk])).context
    detail, learning = context["detail"], context["learning"]
    assert [u.name for u in detail.unit_path] == [
        "Pemerintah Kota Medan",
        "Dinas Kesehatan Kota Medan",
        "Puskesmas Padang Bulan",
    ]  # the nodes above alice's scope are not shown
    assert detail.supervisor_in_scope
    assert [(t.program_name, t.jp) for t in learning.training] == [
        ("Pelatihan Pelayanan Prima", Decimal("12"))
    ]
    assert [(y.year, y.jp, y.meets_minimum) for y in learning.jp_years] == [
        (2026, Decimal("12"), False)
    ]
    assert learning.current_jp.jp == Decimal("12") and learning.jp_limit == 20
    assert "style=" not in page


def test_a_pppk_detail_shows_the_contract_year_against_the_cap(client, alice, staff):
    cici = staff["cici"]
    cohort = CohortFactory(start_date=date("2026-04-06"), end_date=date("2026-04-07"))
    attend(
        EnrollmentFactory(cohort=cohort, employee=cici),
        SessionFactory(cohort=cohort, jp=Decimal("30")),
    )
    client.force_login(alice)
    response = client.get(reverse("programs:employee_detail", args=[cici.pk]))
    page = response.content.decode()
    assert "NI PPPK" in page and "Tahun pengangkatan" in page
    assert "Tahun perjanjian kerja 1 Mar 2026 – 28 Feb 2027: 30 dari paling banyak 24 JP." in page
    assert "Melebihi batas" in page


def test_alice_creates_an_employee_with_birth_date_and_gender_from_the_nip(client, alice, world):
    client.force_login(alice)
    assert client.get(CREATE).status_code == 200
    response = client.post(CREATE, _form(world))
    employee = Employee.objects.get(nip=ANI_NIP)
    assert response.status_code == 302
    assert response["Location"] == reverse("programs:employee_detail", args=[employee.pk])
    assert (employee.name, employee.grade) == ("Ani Lestari", "III/a")
    assert (employee.birth_date, employee.gender) == (date("1985-03-12"), Gender.MALE)
    event = AuditEvent.objects.get(action="employee.create")
    assert event.object_id == str(employee.pk) and event.org_path == world.medan_health.path
    assert event.changes["nip"] == [None, ANI_NIP]


def test_an_invalid_nip_shows_the_reason_on_the_field_and_writes_nothing(client, alice, world):
    client.force_login(alice)
    response = client.post(CREATE, _form(world, nip="198513122010011003"))
    assert response.status_code == 200
    assert response.context["form"].errors["nip"] == [
        "Tanggal lahir pada NIP (digit 1-8: 19851312) tidak valid."
    ]
    page = response.content.decode()
    assert 'aria-describedby="id_nip_help id_nip_error"' in page
    assert 'id="id_nip_error"' in page and 'aria-invalid="true"' in page
    assert not Employee.objects.exists() and not AuditEvent.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"asn_kind": "PPPK", "nip": "199001152021211009", "grade": "IX"}, "contract_start",
         "PPPK wajib memiliki tanggal awal masa perjanjian kerja."),
        ({"asn_kind": "PPPK", "nip": "199001152021211009", "contract_start": "2022-01-01"},
         "grade", "Golongan 3a berbentuk golongan PNS; PPPK memakai golongan I sampai XVII."),
        ({"contract_start": "2022-01-01"}, "contract_start",
         "Awal masa perjanjian kerja hanya diisi untuk PPPK."),
        ({"position_kind": PositionKind.FUNCTIONAL_EXPERT}, "position_level",
         "Jabatan fungsional wajib memiliki jenjang."),
        ({"grade": ""}, "grade", "Bidang ini tidak boleh kosong."),
    ],
)  # fmt: skip
def test_it_refuses_inconsistent_employee_data(client, alice, world, overrides, field, message):
    client.force_login(alice)
    response = client.post(CREATE, _form(world, **overrides))
    assert message in response.context["form"].errors[field]
    assert not Employee.objects.exists()


def test_a_pppk_is_stored_with_the_golongan_of_pppk_and_a_contract_start(client, alice, world):
    client.force_login(alice)
    data = _form(world, asn_kind="PPPK", nip="199001152021211009", grade="9")
    client.post(CREATE, {**data, "contract_start": "2021-03-01"})
    employee = Employee.objects.get()
    assert (employee.grade, employee.contract_start) == ("IX", date("2021-03-01"))
    assert employee.gender == Gender.MALE


def test_units_and_supervisors_outside_the_scope_are_refused(client, alice, world, staff):
    client.force_login(alice)
    response = client.post(CREATE, _form(world, nip="198001012005012001", unit=world.palembang.pk))
    assert "unit" in response.context["form"].errors
    ika = staff["ika"]
    response = client.post(CREATE, _form(world, nip="198001012005012001", supervisor=ika.nip))
    assert response.context["form"].errors["supervisor"] == [
        f"Tidak ada pegawai dengan NIP {ika.nip} dalam cakupan Anda."
    ]
    units = response.context["form"].fields["unit"].queryset
    assert world.palembang not in units and world.medan_puskesmas in units
    assert not Employee.objects.filter(nip="198001012005012001").exists()


def test_a_taken_nip_is_refused(client, alice, world, staff):
    client.force_login(alice)
    response = client.post(CREATE, _form(world, nip=staff["ika"].nip))
    assert response.context["form"].errors["nip"] == [
        f"NIP {staff['ika'].nip} sudah terdaftar untuk pegawai lain."
    ]


def test_alice_edits_an_employee_and_the_change_is_audited(client, alice, world, staff):
    budi = staff["budi"]
    client.force_login(alice)
    form = client.get(reverse("org:employee_edit", args=[budi.pk])).context["form"]
    assert form.initial["supervisor"] == ANI_NIP
    data = {**_form(world), **{k: v for k, v in form.initial.items() if v is not None}}
    data.update(grade="iii/b", unit=world.medan_transport.pk, supervisor="", is_active="on")
    response = client.post(reverse("org:employee_edit", args=[budi.pk]), data)
    assert response.status_code == 302
    budi.refresh_from_db()
    assert (budi.grade, budi.unit, budi.supervisor) == ("III/b", world.medan_transport, None)
    event = AuditEvent.objects.get(action="employee.update")
    assert event.changes == {
        "grade": ["III/a", "III/b"],
        "unit_id": [world.medan_puskesmas.pk, world.medan_transport.pk],
        "supervisor_id": [staff["ani"].pk, None],
    }


def test_a_supervisor_chain_cannot_loop(client, alice, world, staff):
    ani, budi = staff["ani"], staff["budi"]
    client.force_login(alice)
    url = reverse("org:employee_edit", args=[ani.pk])
    data = _form(world, supervisor=budi.nip, grade="III/c")  # budi reports to ani
    response = client.post(url, data)
    assert response.context["form"].errors["supervisor"] == [
        "Atasan ini berada di bawah pegawai tersebut dalam rantai atasan."
    ]
    response = client.post(url, {**data, "supervisor": ani.nip})
    assert "supervisor" in response.context["form"].errors
    assert not AuditEvent.objects.exists()


def test_the_form_refuses_a_taken_nip_in_the_same_words_inside_or_outside_the_scope(
    client, alice, world
):
    EmployeeFactory(nip="198503122010011003", unit=world.medan_health, name="Ani Medan")
    EmployeeFactory(nip="199002152015032004", unit=world.palembang_health, name="Siti Palembang")
    client.force_login(alice)
    inside = client.post(CREATE, _form(world)).context["form"].errors["nip"]
    outside = client.post(CREATE, _form(world, nip="199002152015032004")).context["form"].errors
    assert inside == ["NIP 198503122010011003 sudah terdaftar untuk pegawai lain."]
    assert outside["nip"] == ["NIP 199002152015032004 sudah terdaftar untuk pegawai lain."]
    page = client.post(CREATE, _form(world, nip="199002152015032004")).content.decode()
    assert "Palembang" not in page and "Siti" not in page
