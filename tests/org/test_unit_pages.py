"""The unit pages: the unit's own page, create, edit, move, deactivate and reactivate, the
import page, and who may do what. Plain forms: every step works without JavaScript."""

import io

import pytest
from django.urls import reverse

from sieva.audit.models import AuditEvent
from sieva.org.models import Employee, OrgKind, OrgUnit
from tests.core.readback import csv_rows, xlsx_rows
from tests.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

UNITS = reverse("org:unit_list")
CREATE = reverse("org:unit_create")
IMPORT = reverse("org:unit_import")


def _url(name, unit):
    return reverse(f"org:{name}", kwargs={"pk": unit.pk})


def _page(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# --- the unit's page -----------------------------------------------------------------------


def test_a_service_units_page_shows_code_kind_place_staff_skm_link_and_sample(client, alice, world):
    world.medan_puskesmas.service_population = 1000
    world.medan_puskesmas.save()
    EmployeeFactory.create_batch(2, unit=world.medan_puskesmas)
    client.force_login(alice)
    page = _page(client.get(_url("unit_detail", world.medan_puskesmas)))
    assert "<dt>Kode</dt><dd>MDN-PKM-01</dd>" in page
    assert "<dt>Jenis</dt><dd>Unit layanan</dd>" in page
    assert "Pemerintah Kota Medan</a> › <a" in page and "Dinas Kesehatan Kota Medan</a>" in page
    assert "Kota Medan</a> ›" not in page.replace("Pemerintah Kota Medan</a> ›", "")  # outside
    assert "<dt>Pegawai aktif</dt><dd>2 · <a" in page  # a leaf: no subtree total
    assert reverse("satisfaction:unit_link", kwargs={"pk": world.medan_puskesmas.pk}) in page
    # Krejcie & Morgan (1970) Table 1: N = 1000 → s = 278.
    assert "sampel minimum SKM 278 responden (Krejcie-Morgan)" in page


def test_a_departments_page_lists_its_subunits_with_their_codes(client, alice, world):
    client.force_login(alice)
    page = _page(client.get(_url("unit_detail", world.medan_health)))
    assert "Puskesmas Padang Bulan</a>" in page and "<td>MDN-PKM-01</td>" in page
    assert "satisfaction" not in page  # no SKM link for a perangkat daerah
    assert f'href="{CREATE}?induk={world.medan_health.pk}"' in page


def test_an_organiser_sees_the_page_without_the_buttons(client, olga, world):
    client.force_login(olga)
    page = _page(client.get(_url("unit_detail", world.medan_health)))
    assert "Dinas Kesehatan Kota Medan" in page
    for name in ("unit_edit", "unit_move", "unit_deactivate"):
        assert _url(name, world.medan_health) not in page
    assert "Tambah unit" not in _page(client.get(UNITS))


def test_alice_sees_no_edit_buttons_on_her_own_scope_root(client, alice, world):
    client.force_login(alice)
    page = _page(client.get(_url("unit_detail", world.medan)))
    assert _url("unit_edit", world.medan) not in page
    assert f"{CREATE}?induk={world.medan.pk}" in page  # but may add a unit under it
    assert client.get(_url("unit_edit", world.medan)).status_code == 403


WRITES = ["unit_edit", "unit_move", "unit_deactivate", "unit_reactivate"]


@pytest.mark.parametrize("persona", ["olga", "evan", "lina"])
def test_leaders_organisers_and_evaluators_are_refused_every_write(persona, request, client, world):
    client.force_login(request.getfixturevalue(persona))
    for url in [CREATE, IMPORT, *(_url(name, world.medan_transport) for name in WRITES)]:
        assert client.post(url, {"name": "X", "code": "X"}).status_code == 403, url
    assert client.get(CREATE).status_code == 403
    assert OrgUnit.objects.get(pk=world.medan_transport.pk).active


def test_bob_cannot_start_a_unit_under_a_medan_parent(client, bob, world):
    client.force_login(bob)
    assert client.get(CREATE, {"induk": world.medan.pk}).status_code == 404
    form = client.get(CREATE).context["form"]
    labels = [label for _value, label in form.fields["parent"].choices]
    assert labels == [
        "Pemerintah Kota Palembang (PEMKOT-PLG)",
        "· Dinas Kesehatan Kota Palembang (PLG-DINKES)",
    ]


# --- create, edit, move ------------------------------------------------------------------


def test_the_new_unit_form_offers_only_the_kinds_that_fit_somewhere_in_the_scope(
    client, alice, nadia, world
):
    client.force_login(alice)
    kinds = client.get(CREATE).context["form"].fields["kind"].choices
    assert [value for value, _label in kinds] == ["perangkat_daerah", "unit_layanan"]
    client.force_login(nadia)
    kinds = client.get(CREATE).context["form"].fields["kind"].choices
    assert [value for value, _label in kinds] == [
        "provinsi", "kabkota", "instansi", "perangkat_daerah", "unit_layanan"
    ]  # fmt: skip


def test_alice_adds_a_puskesmas_from_the_departments_page(client, alice, world):
    client.force_login(alice)
    form = client.get(CREATE, {"induk": world.medan_health.pk}).context["form"]
    assert [v for v, _label in form.fields["kind"].choices] == ["perangkat_daerah", "unit_layanan"]
    response = client.post(
        f"{CREATE}?induk={world.medan_health.pk}",
        {
            "parent": world.medan_health.pk,
            "kind": "unit_layanan",
            "code": "MDN-PKM-TELADAN",
            "name": "Puskesmas Teladan",
            "service_population": "15000",
        },
        follow=True,
    )
    unit = OrgUnit.objects.get(code="MDN-PKM-TELADAN")
    assert response.redirect_chain[-1][0] == _url("unit_detail", unit)
    assert _messages(response) == ["Unit Puskesmas Teladan dibuat."]
    assert unit.parent == world.medan_health and unit.service_population == 15_000


def test_a_misfit_kind_is_explained_on_the_form(client, alice, nadia, world):
    client.force_login(nadia)
    data = {"parent": world.medan.pk, "kind": "kabkota", "code": "X", "name": "X"}
    response = client.post(CREATE, data)
    assert response.context["form"].errors == {
        "parent": [
            "Kabupaten/Kota tidak dapat berada di bawah Instansi; induk yang sesuai: Provinsi."
        ]
    }
    # Neither a service unit (a leaf) nor a unit outside her scope is offered as a parent.
    client.force_login(alice)
    for parent in (world.medan_puskesmas, world.medan_city):
        data = {"parent": parent.pk, "kind": "perangkat_daerah", "code": "Y", "name": "Y"}
        assert "parent" in client.post(CREATE, data).context["form"].errors
    assert not OrgUnit.objects.filter(code__in=["X", "Y"]).exists()


def test_a_department_under_a_service_unit_is_refused_with_the_fitting_parents(
    client, nadia, world
):
    # The picker offers no service unit as a parent; the service says why if one is forced.
    client.force_login(nadia)
    response = client.post(
        CREATE,
        {"parent": world.medan_city.pk, "kind": "perangkat_daerah", "code": "Y", "name": "Y"},
    )
    assert response.context["form"].errors == {
        "parent": [
            "Perangkat daerah / unit kerja tidak dapat berada di bawah Kabupaten/Kota; induk "
            "yang sesuai: Instansi, Perangkat daerah / unit kerja."
        ]
    }


def test_alice_edits_a_service_units_population_and_code(client, alice, world):
    client.force_login(alice)
    url = _url("unit_edit", world.medan_puskesmas)
    assert client.get(url).context["form"].initial["code"] == "MDN-PKM-01"
    response = client.post(
        url,
        {"code": "MDN-PKM-PADANGBULAN", "name": "Puskesmas Padang Bulan", "service_population": "9000"},
    )  # fmt: skip
    assert response.status_code == 302
    unit = OrgUnit.objects.get(pk=world.medan_puskesmas.pk)
    assert (unit.code, unit.service_population) == ("MDN-PKM-PADANGBULAN", 9000)
    assert (
        "service_population"
        not in client.get(_url("unit_edit", world.medan_health)).context["form"].fields
    )


def test_a_taken_code_stays_on_the_form(client, alice, world):
    client.force_login(alice)
    response = client.post(
        _url("unit_edit", world.medan_transport), {"code": "MDN-DINKES", "name": "Dishub"}
    )
    assert response.context["form"].errors == {"code": ["Kode MDN-DINKES sudah dipakai unit lain."]}
    assert OrgUnit.objects.get(pk=world.medan_transport.pk).name == "Dinas Perhubungan Kota Medan"


def test_alice_moves_a_puskesmas_and_the_picker_offers_only_fitting_parents(client, alice, world):
    client.force_login(alice)
    url = _url("unit_move", world.medan_puskesmas)
    form = client.get(url).context["form"]
    assert [label for _v, label in form.fields["parent"].choices] == [
        "— pilih induk baru —",
        "Pemerintah Kota Medan (PEMKOT-MDN)",
        "· Dinas Perhubungan Kota Medan (MDN-DISHUB)",
    ]
    response = client.post(url, {"parent": world.medan_transport.pk}, follow=True)
    assert _messages(response) == [
        "Puskesmas Padang Bulan dipindahkan ke bawah Dinas Perhubungan Kota Medan."
    ]
    unit = OrgUnit.objects.get(pk=world.medan_puskesmas.pk)
    assert unit.path == f"{world.medan_transport.path}{unit.pk}/"


def test_a_department_is_not_offered_its_own_subtree(client, alice, world):
    client.force_login(alice)
    form = client.get(_url("unit_move", world.medan_health)).context["form"]
    assert [label for _v, label in form.fields["parent"].choices] == [
        "— pilih induk baru —",
        "Dinas Perhubungan Kota Medan (MDN-DISHUB)",
    ]
    response = client.post(
        _url("unit_move", world.medan_health), {"parent": world.medan_puskesmas.pk}
    )
    assert "parent" in response.context["form"].errors
    assert OrgUnit.objects.get(pk=world.medan_health.pk).parent_id == world.medan.pk


# --- deactivate and reactivate -------------------------------------------------------------


def test_the_confirmation_page_says_what_stands_in_the_way(client, alice, world):
    EmployeeFactory.create_batch(4, unit=world.medan_health)
    client.force_login(alice)
    page = _page(client.get(_url("unit_deactivate", world.medan_health)))
    assert "Masih ada 4 pegawai aktif di Dinas Kesehatan Kota Medan" in page
    assert "Masih ada 1 subunit aktif di bawah Dinas Kesehatan Kota Medan: Puskesmas Padang Bulan (MDN-PKM-01)" in page  # fmt: skip
    assert "Ya, nonaktifkan" not in page
    response = client.post(_url("unit_deactivate", world.medan_health), follow=True)
    assert len(_messages(response)) == 2
    assert OrgUnit.objects.get(pk=world.medan_health.pk).active


def test_alice_deactivates_a_puskesmas_and_reactivates_it(client, alice, world):
    client.force_login(alice)
    url = _url("unit_deactivate", world.medan_puskesmas)
    page = _page(client.get(url))
    assert "Formulir SKM publik unit ini berhenti menerima jawaban" in page
    response = client.post(url, follow=True)
    assert _messages(response) == ["Puskesmas Padang Bulan dinonaktifkan."]
    assert "Unit nonaktif tidak menerima jawaban SKM baru." in response.content.decode()
    assert not OrgUnit.objects.get(pk=world.medan_puskesmas.pk).active
    assert client.get(_url("unit_reactivate", world.medan_puskesmas)).status_code == 405
    response = client.post(_url("unit_reactivate", world.medan_puskesmas), follow=True)
    assert _messages(response) == ["Puskesmas Padang Bulan diaktifkan kembali."]
    assert [e.action for e in AuditEvent.objects.order_by("pk")] == [
        "org_unit.deactivate",
        "org_unit.reactivate",
    ]


@pytest.fixture
def closed_transport(world, alice):
    """Dinas Perhubungan, deactivated, with one former employee still pointing at it."""
    former = EmployeeFactory(unit=world.medan_transport, is_active=False, name="Budi Lama")
    world.medan_transport.active = False
    world.medan_transport.save()
    return former


def test_an_inactive_unit_leaves_the_tree_and_the_pickers_but_its_records_stay(
    client, alice, world, closed_transport
):
    client.force_login(alice)
    names = [row.unit.name for row in client.get(UNITS).context["rows"]]
    assert "Dinas Perhubungan Kota Medan" not in names
    rows = client.get(UNITS, {"nonaktif": "1"}).context["rows"]
    assert "Dinas Perhubungan Kota Medan" in [row.unit.name for row in rows]
    create = client.get(reverse("org:employee_create")).context["form"]
    assert world.medan_transport.pk not in [v.value for v, _l in create.fields["unit"].choices if v]
    # The former employee's record still shows the unit, and its edit form keeps it, marked.
    edit = client.get(reverse("org:employee_edit", kwargs={"pk": closed_transport.pk}))
    labels = {v.value: label for v, label in edit.context["form"].fields["unit"].choices if v}
    assert (
        labels[world.medan_transport.pk] == "· Dinas Perhubungan Kota Medan (MDN-DISHUB) — nonaktif"
    )
    # The employee filter still offers it, for looking up past records.
    listed = client.get(
        reverse("org:employee_list"), {"unit": world.medan_transport.pk, "active": "semua"}
    )
    assert [e.name for e in listed.context["page"]] == ["Budi Lama"]


def test_the_export_of_inactive_units_says_so(client, alice, world, closed_transport):
    client.force_login(alice)
    rows = csv_rows(client.get(UNITS, {"format": "csv", "nonaktif": "1"}))
    assert [rows[-1][0], rows[-1][5]] == ["MDN-DISHUB", "TIDAK"]
    assert "MDN-DISHUB" not in [row[0] for row in csv_rows(client.get(UNITS, {"format": "csv"}))]


# --- the import page -------------------------------------------------------------------------


def _csv(rows) -> io.BytesIO:
    upload = io.BytesIO("\n".join(";".join(row) for row in rows).encode("utf-8"))
    upload.name = "struktur.csv"
    return upload


HEADER = ["KODE", "NAMA", "JENIS", "KODE_INDUK"]


def test_alice_imports_units_and_sees_the_counts(client, alice, world):
    client.force_login(alice)
    rows = [HEADER, ["MDN-BAPPEDA", "Bappeda Kota Medan", "OPD", "PEMKOT-MDN"]]
    response = client.post(IMPORT, {"file": _csv(rows)}, follow=True)
    assert _messages(response) == ["Impor selesai: 1 unit baru, 0 diperbarui, 0 tidak berubah."]
    assert response.redirect_chain[-1][0] == UNITS
    assert OrgUnit.objects.filter(code="MDN-BAPPEDA", parent=world.medan).exists()


def test_a_rejected_import_shows_its_problems_and_offers_them_as_csv(client, alice, world):
    client.force_login(alice)
    rows = [HEADER, ["MDN-BAPPEDA", "Bappeda", "Kantor", "PEMKOT-MDN"]]
    page = _page(client.post(IMPORT, {"file": _csv(rows)}))
    assert "Berkas belum diimpor: 1 masalah" in page and "Jenis Kantor tidak dikenal" in page
    report = csv_rows(client.get(reverse("org:unit_import_errors")))
    assert report[0] == ["Baris", "Kolom", "Masalah"]
    assert report[1][:2] == ["2", "JENIS"]
    assert not OrgUnit.objects.filter(code="MDN-BAPPEDA").exists()


def test_the_import_refuses_other_file_types_and_offers_templates(client, alice, world):
    client.force_login(alice)
    upload = io.BytesIO(b"x")
    upload.name = "struktur.pdf"
    assert "file" in client.post(IMPORT, {"file": upload}).context["form"].errors
    template = reverse("org:unit_import_template")
    assert csv_rows(client.get(template, {"format": "csv"})) == [
        ["KODE", "NAMA", "JENIS", "KODE_INDUK", "POPULASI_LAYANAN", "AKTIF"]
    ]
    assert xlsx_rows(client.get(template, {"format": "xlsx"}))[0][:2] == ["KODE", "NAMA"]


def test_unit_page_queries_do_not_grow_with_the_number_of_subunits(
    client, alice, world, django_assert_max_num_queries
):
    for number in range(30):
        OrgUnit.objects.create(
            kind=OrgKind.SERVICE_UNIT, code=f"MDN-L-{number}", name=f"Loket {number}",
            parent=world.medan_transport,
        )  # fmt: skip
        EmployeeFactory(unit=OrgUnit.objects.get(code=f"MDN-L-{number}"))
    client.force_login(alice)
    client.get(_url("unit_detail", world.medan_transport))
    with django_assert_max_num_queries(12):
        page = _page(client.get(_url("unit_detail", world.medan_transport)))
    assert page.count("<td>MDN-L-") == 30
    assert Employee.objects.filter(unit__parent=world.medan_transport).count() == 30


def test_a_superuser_may_start_a_national_root_from_the_form(client, world):
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(root)
    form = client.get(CREATE).context["form"]
    assert form.fields["parent"].choices[0] == ("", "— tanpa induk (unit Nasional) —")
    response = client.post(
        CREATE, {"parent": "", "kind": "nasional", "code": "ID2", "name": "Cadangan"}
    )
    assert response.status_code == 302
    assert OrgUnit.objects.get(code="ID2").parent is None
