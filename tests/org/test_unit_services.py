"""The unit services: kinds that fit, scope, loops, subtree paths after a move, deactivation
refusals that say how many and where, and an audit event for every write."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sieva.audit.models import AuditEvent
from sieva.demo.orgtree import create_tree
from sieva.org.access import user_access
from sieva.org.models import OrgKind, OrgUnit
from sieva.org.services import (
    employee_create,
    unit_create,
    unit_deactivate,
    unit_move,
    unit_reactivate,
    unit_update,
)
from sieva.org.services.unit_rules import PARENT_KINDS, kind_problem
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

K = OrgKind


def _errors(exc: pytest.ExceptionInfo) -> dict[str, list[str]]:
    return {field: [str(m) for m in messages] for field, messages in exc.value.message_dict.items()}


def _create(user, parent, kind=K.DEPARTMENT, code="MDN-BAPPEDA", name="Bappeda Kota Medan", **kw):
    return unit_create(
        actor=user, access=user_access(user), parent=parent, kind=kind, code=code, name=name, **kw
    )


def _expected_path(unit: OrgUnit) -> str:
    """The path rebuilt by walking parents one query at a time: the slow, obvious answer."""
    ids = []
    node = unit
    while node is not None:
        ids.append(node.pk)
        node = node.parent
    return "/" + "".join(f"{pk}/" for pk in reversed(ids))


# --- kinds -------------------------------------------------------------------------------


def test_every_unit_of_the_demo_tree_fits_the_kind_rules():
    create_tree()
    misfits = [
        (unit.code, unit.kind, unit.parent.kind if unit.parent else None)
        for unit in OrgUnit.objects.select_related("parent")
        if kind_problem(unit.kind, unit.parent.kind if unit.parent else None)
    ]
    assert misfits == []
    # The demo needs each branch of the rules at least once: an instansi under a city and
    # under a province (DKI Jakarta), service units under perangkat daerah.
    agency_parents = set(
        OrgUnit.objects.filter(kind=K.AGENCY).values_list("parent__kind", flat=True)
    )
    assert agency_parents == {K.CITY, K.PROVINCE}


@pytest.mark.parametrize("kind", [k for k in K if k != K.NATIONAL])
@pytest.mark.parametrize("parent_kind", list(K))
def test_a_kind_is_accepted_exactly_under_the_parents_the_rules_name(kind, parent_kind):
    problem = kind_problem(kind, parent_kind)
    assert (problem is None) == (parent_kind in PARENT_KINDS[kind])


def test_a_ministry_hangs_from_the_national_root(nadia, world):
    ministry = _create(nadia, world.national, K.AGENCY, "KEMENKES", "Kementerian Kesehatan")
    assert ministry.parent == world.national and ministry.depth == 1


def test_a_misfit_names_the_parents_that_would_fit(alice, world):
    with pytest.raises(ValidationError) as exc:
        _create(alice, world.medan_puskesmas, K.DEPARTMENT)
    assert _errors(exc) == {
        "parent": [
            "Perangkat daerah / unit kerja tidak dapat berada di bawah Unit layanan; induk yang "
            "sesuai: Instansi, Perangkat daerah / unit kerja."
        ]
    }


def test_only_the_national_kind_goes_without_a_parent(alice, world):
    with pytest.raises(ValidationError) as exc:
        _create(alice, None, K.DEPARTMENT)
    assert _errors(exc)["parent"] == ["Hanya unit Nasional yang tanpa induk; pilih induknya."]
    with pytest.raises(ValidationError) as exc:
        _create(alice, None, K.NATIONAL, "ID2", "Indonesia")
    assert "admin seluruh pohon" in _errors(exc)["parent"][0]


# --- create and edit ---------------------------------------------------------------------


def test_alice_creates_a_department_under_her_scope_root_and_it_is_audited(alice, world):
    unit = _create(alice, world.medan, name="  Badan   Perencanaan  Kota Medan ")
    assert unit.name == "Badan Perencanaan Kota Medan"
    assert unit.path == f"{world.medan.path}{unit.pk}/" and unit.depth == world.medan.depth + 1
    assert unit.active
    event = AuditEvent.objects.get(action="org_unit.create")
    assert event.actor == alice and event.object_id == str(unit.pk)
    assert event.changes["code"] == [None, "MDN-BAPPEDA"]
    assert event.org_path == unit.path


def test_bob_cannot_hang_a_unit_under_medan(bob, world):
    with pytest.raises(ValidationError) as exc:
        _create(bob, world.medan)
    assert _errors(exc) == {"parent": ["Induk harus unit dalam cakupan Anda."]}
    assert not OrgUnit.objects.filter(code="MDN-BAPPEDA").exists()


@pytest.mark.parametrize("persona", ["olga", "evan", "lina", "pia"])
def test_only_admins_write_units(persona, request, world):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        _create(user, world.medan)
    with pytest.raises(PermissionDenied):
        unit_deactivate(actor=user, access=user_access(user), unit=world.medan_transport)


def test_codes_are_unique_whatever_their_case_and_have_no_spaces(alice, world):
    with pytest.raises(ValidationError) as exc:
        _create(alice, world.medan, code="mdn-dinkes")
    assert _errors(exc) == {"code": ["Kode mdn-dinkes sudah dipakai unit lain."]}
    with pytest.raises(ValidationError) as exc:
        _create(alice, world.medan, code="MDN BAPPEDA", name="")
    assert set(_errors(exc)) == {"code", "name"}


def test_the_service_population_belongs_to_service_units_only(alice, world):
    with pytest.raises(ValidationError) as exc:
        _create(alice, world.medan, service_population=5000)
    assert _errors(exc) == {
        "service_population": ["Populasi layanan hanya diisi untuk unit layanan."]
    }
    unit = _create(
        alice, world.medan_health, K.SERVICE_UNIT, "MDN-PKM-02", "Puskesmas Teladan",
        service_population=24_000,
    )  # fmt: skip
    assert unit.service_population == 24_000


def test_an_edit_changes_code_name_and_population_and_records_old_and_new(alice, world):
    unit = world.medan_puskesmas
    unit_update(
        actor=alice,
        access=user_access(alice),
        unit=unit,
        code="MDN-PKM-PADANGBULAN",
        name="UPT Puskesmas Padang Bulan",
        service_population=18_500,
    )
    unit.refresh_from_db()
    assert (unit.code, unit.name, unit.service_population) == (
        "MDN-PKM-PADANGBULAN",
        "UPT Puskesmas Padang Bulan",
        18_500,
    )
    event = AuditEvent.objects.get(action="org_unit.update")
    assert event.changes == {
        "code": ["MDN-PKM-01", "MDN-PKM-PADANGBULAN"],
        "name": ["Puskesmas Padang Bulan", "UPT Puskesmas Padang Bulan"],
        "service_population": [None, 18_500],
    }


def test_an_instansi_admin_cannot_change_her_own_scope_root_but_the_national_admin_can(
    alice, nadia, world
):
    with pytest.raises(PermissionDenied):
        unit_update(actor=alice, access=user_access(alice), unit=world.medan, code="X", name="X")
    unit_update(
        actor=nadia,
        access=user_access(nadia),
        unit=world.national,
        code="ID",
        name="Republik Indonesia",
    )
    assert OrgUnit.objects.get(pk=world.national.pk).name == "Republik Indonesia"


# --- move --------------------------------------------------------------------------------


@pytest.fixture
def branch(alice, world):
    """Dinas Kesehatan → Bidang Pelayanan → UPT Laboratorium, below Medan's Dinkes."""
    field = _create(
        alice, world.medan_health, K.DEPARTMENT, "MDN-DINKES-YANKES", "Bidang Pelayanan"
    )
    lab = _create(alice, field, K.SERVICE_UNIT, "MDN-LABKES", "UPT Laboratorium Kesehatan")
    return field, lab


def test_a_move_rewrites_the_path_and_depth_of_the_whole_subtree(alice, world, branch):
    field, lab = branch
    unit_move(
        actor=alice,
        access=user_access(alice),
        unit=world.medan_health,
        parent=world.medan_transport,
    )
    for unit in OrgUnit.objects.filter(path__startswith=world.medan.path):
        assert unit.path == _expected_path(unit), unit.code
        assert unit.depth == unit.path.count("/") - 2, unit.code
    lab.refresh_from_db()
    assert lab.depth == world.medan.depth + 4
    assert lab.is_within(world.medan_transport)


def test_a_move_to_a_shallower_parent_lifts_the_subtree(alice, world, branch):
    field, lab = branch
    unit_move(actor=alice, access=user_access(alice), unit=field, parent=world.medan)
    field.refresh_from_db()
    lab.refresh_from_db()
    assert lab.path == f"{world.medan.path}{field.pk}/{lab.pk}/"
    assert lab.depth == world.medan.depth + 2
    event = AuditEvent.objects.get(action="org_unit.move")
    assert event.changes["parent_id"] == [world.medan_health.pk, world.medan.pk]
    assert event.changes["path"] == [f"{world.medan_health.path}{field.pk}/", field.path]


def test_a_unit_cannot_move_below_itself(alice, world, branch):
    field, lab = branch
    for target in (field, world.medan_puskesmas, world.medan_health):
        with pytest.raises(ValidationError) as exc:
            unit_move(
                actor=alice, access=user_access(alice), unit=world.medan_health, parent=target
            )
        assert _errors(exc) == {
            "parent": ["Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau subunitnya."]
        }
    assert OrgUnit.objects.get(pk=world.medan_health.pk).parent_id == world.medan.pk


def test_a_move_stays_inside_the_scope_and_the_kinds(alice, bob, world):
    with pytest.raises(ValidationError) as exc:
        unit_move(
            actor=alice,
            access=user_access(alice),
            unit=world.medan_transport,
            parent=world.palembang,
        )
    assert _errors(exc) == {"parent": ["Induk harus unit dalam cakupan Anda."]}
    with pytest.raises(ValidationError) as exc:
        unit_move(
            actor=alice, access=user_access(alice), unit=world.medan_transport,
            parent=world.medan_puskesmas,
        )  # fmt: skip
    assert "tidak dapat berada di bawah Unit layanan" in _errors(exc)["parent"][0]
    with pytest.raises(PermissionDenied):
        unit_move(
            actor=bob, access=user_access(bob), unit=world.medan_transport, parent=world.palembang
        )
    with pytest.raises(PermissionDenied):  # the scope root itself does not move
        unit_move(actor=alice, access=user_access(alice), unit=world.medan, parent=world.national)


def test_the_national_admin_moves_an_instansi_between_provinces(nadia, bob, world):
    unit_move(actor=nadia, access=user_access(nadia), unit=world.medan, parent=world.palembang_city)
    puskesmas = OrgUnit.objects.get(pk=world.medan_puskesmas.pk)
    assert puskesmas.path == _expected_path(puskesmas)
    assert puskesmas.is_within(world.palembang_city)
    # Bob's scope (Pemerintah Kota Palembang) is a sibling, not an ancestor: still nothing.
    assert not user_access(bob).covers(puskesmas)


# --- deactivate and reactivate -------------------------------------------------------------


def test_a_unit_with_active_employees_is_not_deactivated_and_the_message_says_how_many(
    alice, world
):
    EmployeeFactory.create_batch(2, unit=world.medan_transport)
    EmployeeFactory(unit=world.medan_transport, is_active=False)
    with pytest.raises(ValidationError) as exc:
        unit_deactivate(actor=alice, access=user_access(alice), unit=world.medan_transport)
    assert exc.value.messages == [
        "Masih ada 2 pegawai aktif di Dinas Perhubungan Kota Medan; pindahkan atau "
        "nonaktifkan mereka lebih dahulu."
    ]
    assert OrgUnit.objects.get(pk=world.medan_transport.pk).active
    assert not AuditEvent.objects.filter(action="org_unit.deactivate").exists()


def test_a_unit_with_active_subunits_is_not_deactivated_and_the_message_names_them(alice, world):
    for number in range(2, 8):
        _create(
            alice, world.medan_health, K.SERVICE_UNIT, f"MDN-PKM-0{number}", f"Puskesmas {number}"
        )
    with pytest.raises(ValidationError) as exc:
        unit_deactivate(actor=alice, access=user_access(alice), unit=world.medan_health)
    assert exc.value.messages == [
        "Masih ada 7 subunit aktif di bawah Dinas Kesehatan Kota Medan: Puskesmas 2 (MDN-PKM-02), "
        "Puskesmas 3 (MDN-PKM-03), Puskesmas 4 (MDN-PKM-04), Puskesmas 5 (MDN-PKM-05), "
        "Puskesmas 6 (MDN-PKM-06) dan 2 lainnya. Nonaktifkan subunit itu lebih dahulu."
    ]


def test_deactivation_from_the_leaves_up_then_reactivation_from_the_top_down(alice, world):
    access = user_access(alice)
    with pytest.raises(ValidationError):
        unit_deactivate(actor=alice, access=access, unit=world.medan_health)
    unit_deactivate(actor=alice, access=access, unit=world.medan_puskesmas)
    unit_deactivate(actor=alice, access=access, unit=world.medan_health)
    assert not OrgUnit.objects.get(pk=world.medan_health.pk).active
    with pytest.raises(ValidationError) as exc:
        unit_reactivate(
            actor=alice, access=access, unit=OrgUnit.objects.get(pk=world.medan_puskesmas.pk)
        )
    assert exc.value.messages == [
        "Induk Dinas Kesehatan Kota Medan tidak aktif; aktifkan induknya lebih dahulu."
    ]
    unit_reactivate(actor=alice, access=access, unit=OrgUnit.objects.get(pk=world.medan_health.pk))
    assert [e.action for e in AuditEvent.objects.order_by("pk")] == [
        "org_unit.deactivate",
        "org_unit.deactivate",
        "org_unit.reactivate",
    ]
    assert AuditEvent.objects.order_by("pk").last().changes == {"active": [False, True]}


def test_nothing_active_goes_under_an_inactive_unit(alice, world):
    access = user_access(alice)
    unit_deactivate(actor=alice, access=access, unit=world.medan_transport)
    inactive = OrgUnit.objects.get(pk=world.medan_transport.pk)
    with pytest.raises(ValidationError) as exc:
        _create(alice, inactive, K.SERVICE_UNIT, "MDN-TERM", "Terminal Amplas")
    assert _errors(exc) == {
        "parent": [
            "Induk Dinas Perhubungan Kota Medan tidak aktif; aktifkan induknya lebih dahulu."
        ]
    }
    with pytest.raises(ValidationError):
        unit_move(actor=alice, access=access, unit=world.medan_puskesmas, parent=inactive)
    with pytest.raises(ValidationError) as exc:
        employee_create(
            actor=alice, access=access, nip="198503122010011003", name="Ani", asn_kind="PNS",
            unit=inactive, position_kind="pelaksana", grade="III/a",
        )  # fmt: skip
    assert _errors(exc)["unit"] == [
        "Unit Dinas Perhubungan Kota Medan tidak aktif; pegawai aktif harus berada di unit yang aktif."
    ]


def test_an_inactive_unit_may_be_filed_under_an_inactive_parent(alice, world):
    access = user_access(alice)
    unit_deactivate(actor=alice, access=access, unit=world.medan_transport)
    unit_deactivate(actor=alice, access=access, unit=world.medan_puskesmas)
    archive = OrgUnit.objects.get(pk=world.medan_transport.pk)
    moved = unit_move(
        actor=alice,
        access=access,
        unit=OrgUnit.objects.get(pk=world.medan_puskesmas.pk),
        parent=archive,
    )
    assert moved.parent_id == archive.pk and not moved.active


def test_a_deep_tree_is_refused_before_the_path_overflows(alice, world):
    parent = world.medan_transport
    created = 0
    with pytest.raises(ValidationError) as exc:
        while created < 30:
            parent = _create(alice, parent, K.DEPARTMENT, f"MDN-BID-{created}", f"Bidang {created}")
            created += 1
    assert _errors(exc) == {"parent": ["Pohon unit paling dalam 20 tingkat di bawah akar."]}
    assert parent.depth == 20
    assert len(parent.path) <= OrgUnit._meta.get_field("path").max_length
