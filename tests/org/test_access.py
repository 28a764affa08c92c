import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from sieva.org.access import Capability, get_employee_for_user, user_access
from tests.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_an_admin_of_medan_reaches_an_employee_of_medan(world, alice):
    employee = EmployeeFactory(unit=world.medan_puskesmas)
    assert get_employee_for_user(user_access(alice), employee.pk, write=True) == employee


def test_an_admin_of_palembang_gets_404_for_an_employee_of_medan(world, bob):
    employee = EmployeeFactory(unit=world.medan_health)
    with pytest.raises(Http404):
        get_employee_for_user(user_access(bob), employee.pk)


def test_an_organiser_may_read_but_not_edit_employees(world, olga):
    employee = EmployeeFactory(unit=world.medan_health)
    access = user_access(olga)
    assert get_employee_for_user(access, employee.pk) == employee
    with pytest.raises(PermissionDenied):
        get_employee_for_user(access, employee.pk, write=True)


def test_a_participant_reads_only_their_own_record(world, pia):
    access = user_access(pia)
    assert get_employee_for_user(access, access.employee_id).name == "Pia Lestari"
    colleague = EmployeeFactory(unit=world.medan_health)
    with pytest.raises(PermissionDenied):
        get_employee_for_user(access, colleague.pk)


def test_a_leader_sees_reports_but_no_personal_data(lina):
    access = user_access(lina)
    assert access.can(Capability.VIEW_REPORTS)
    assert not access.can(Capability.VIEW_PERSONAL_DATA)


def test_an_account_without_a_role_has_no_access(db):
    assert user_access(UserFactory()) is None


def test_a_superuser_without_a_role_covers_the_whole_tree(world):
    root = UserFactory(is_superuser=True)
    assert user_access(root).covers(world.palembang_health)


def test_the_tree_path_follows_the_parent(world):
    assert world.medan_puskesmas.is_within(world.medan)
    assert not world.medan_puskesmas.is_within(world.palembang)
    assert world.medan_puskesmas.ancestor_of_kind("instansi") == world.medan
