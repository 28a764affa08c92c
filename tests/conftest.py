"""Personas shared by the tests: the organisation of Medan and Palembang and one user per role.

alice  - admin instansi of Pemerintah Kota Medan
olga   - penyelenggara (organiser) in Medan
evan   - evaluator in Medan
lina   - pimpinan (leader) in Medan, aggregates only
pia    - peserta (participant), an employee of Dinas Kesehatan Medan
bob    - admin instansi of Pemerintah Kota Palembang: must see nothing of Medan
nadia  - admin nasional, sees everything
"""

from dataclasses import dataclass

import pytest

from sieva.org.models import OrgKind, OrgUnit, Role
from tests.e2e.accessibility import new_context  # noqa: F401 - every journey's pages meet axe
from tests.factories import EmployeeFactory, OrgUnitFactory, user_with_role


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(settings, tmp_path):
    """Files tests upload (evidence) never land in the working copy's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@dataclass
class World:
    national: OrgUnit
    medan_city: OrgUnit
    medan: OrgUnit  # Pemerintah Kota Medan (instansi)
    medan_health: OrgUnit
    medan_puskesmas: OrgUnit
    medan_transport: OrgUnit
    palembang_city: OrgUnit
    palembang: OrgUnit
    palembang_health: OrgUnit


@pytest.fixture
def world(db) -> World:
    national = OrgUnitFactory(kind=OrgKind.NATIONAL, code="ID", name="Indonesia")
    sumut = OrgUnitFactory(kind=OrgKind.PROVINCE, code="12", name="Sumatera Utara", parent=national)
    medan_city = OrgUnitFactory(kind=OrgKind.CITY, code="1275", name="Kota Medan", parent=sumut)
    medan = OrgUnitFactory(
        kind=OrgKind.AGENCY, code="PEMKOT-MDN", name="Pemerintah Kota Medan", parent=medan_city
    )
    medan_health = OrgUnitFactory(
        code="MDN-DINKES", name="Dinas Kesehatan Kota Medan", parent=medan
    )
    puskesmas = OrgUnitFactory(
        kind=OrgKind.SERVICE_UNIT,
        code="MDN-PKM-01",
        name="Puskesmas Padang Bulan",
        parent=medan_health,
    )
    transport = OrgUnitFactory(code="MDN-DISHUB", name="Dinas Perhubungan Kota Medan", parent=medan)
    sumsel = OrgUnitFactory(
        kind=OrgKind.PROVINCE, code="16", name="Sumatera Selatan", parent=national
    )
    plg_city = OrgUnitFactory(kind=OrgKind.CITY, code="1671", name="Kota Palembang", parent=sumsel)
    palembang = OrgUnitFactory(
        kind=OrgKind.AGENCY, code="PEMKOT-PLG", name="Pemerintah Kota Palembang", parent=plg_city
    )
    plg_health = OrgUnitFactory(
        code="PLG-DINKES", name="Dinas Kesehatan Kota Palembang", parent=palembang
    )
    return World(
        national,
        medan_city,
        medan,
        medan_health,
        puskesmas,
        transport,
        plg_city,
        palembang,
        plg_health,
    )


@pytest.fixture
def alice(world):
    return user_with_role("alice", Role.AGENCY_ADMIN, world.medan)


@pytest.fixture
def olga(world):
    return user_with_role("olga", Role.ORGANISER, world.medan)


@pytest.fixture
def evan(world):
    return user_with_role("evan", Role.EVALUATOR, world.medan)


@pytest.fixture
def lina(world):
    return user_with_role("lina", Role.LEADER, world.medan)


@pytest.fixture
def pia(world):
    employee = EmployeeFactory(name="Pia Lestari", unit=world.medan_health)
    return user_with_role("pia", Role.PARTICIPANT, world.medan_health, employee=employee)


@pytest.fixture
def bob(world):
    return user_with_role("bob", Role.AGENCY_ADMIN, world.palembang)


@pytest.fixture
def nadia(world):
    return user_with_role("nadia", Role.NATIONAL_ADMIN, world.national)
