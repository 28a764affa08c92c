"""Demo employees: structural heads, staff by unit, supervisors, NIPs and golongan.

Structure follows the simplified bureaucracy (penyederhanaan birokrasi): a perangkat daerah has
a head (JPT pratama), a secretary and heads of division (administrator) and a few heads of
sub-division (pengawas); functional staff report to the heads of division. A unit layanan is
led by a pengawas (Kepala Puskesmas, Kepala Terminal, Lurah...) who reports to the first head of
division of its perangkat daerah (or to the Camat for a kelurahan).
"""

import datetime as dt
import random
from dataclasses import dataclass

from sieva.demo.identifiers import NipRegistry
from sieva.demo.jobs import (
    ENTRY_AGE,
    SERVICE_YEARS,
    STAFF_MIXES,
    age_limit,
    pns_grade,
    pppk_grade,
)
from sieva.demo.names import person_name
from sieva.demo.orgtree import AGENCIES, PlacedUnit, Tree
from sieva.org.models import AsnKind, Employee, Gender, OrgKind, PositionKind

JPT_MADYA = PositionKind.JPT_MADYA
JPT_PRATAMA = PositionKind.JPT_PRATAMA
ADMIN = PositionKind.ADMINISTRATOR
PENGAWAS = PositionKind.PENGAWAS

PPPK_INTAKES = tuple(
    dt.date(*ymd)
    for ymd in (
        (2022, 3, 1),
        (2022, 7, 1),
        (2023, 1, 1),
        (2023, 10, 1),
        (2024, 3, 1),
        (2024, 11, 1),
        (2025, 3, 1),
        (2025, 10, 1),
    )
)
TMT_MONTHS = (1, 1, 2, 3, 3, 4, 12)
DIVISIONS = {
    "dinkes": (
        "Bidang Pelayanan Kesehatan",
        "Bidang Pencegahan dan Pengendalian Penyakit",
        "Bidang Kesehatan Masyarakat",
        "Bidang Sumber Daya Kesehatan",
    ),
    "dishub": ("Bidang Angkutan", "Bidang Lalu Lintas", "Bidang Sarana dan Prasarana"),
    "disdik": (
        "Bidang Pembinaan Sekolah Dasar",
        "Bidang Pembinaan Sekolah Menengah Pertama",
        "Bidang Guru dan Tenaga Kependidikan",
        "Bidang Pendidikan Anak Usia Dini dan Nonformal",
    ),
    "disdukcapil": (
        "Bidang Pelayanan Pendaftaran Penduduk",
        "Bidang Pelayanan Pencatatan Sipil",
        "Bidang Pengelolaan Informasi Administrasi Kependudukan",
    ),
    "bkpsdm": (
        "Bidang Pengembangan Kompetensi Aparatur",
        "Bidang Mutasi dan Promosi",
        "Bidang Pengadaan, Pemberhentian dan Informasi",
    ),
    "dpmptsp": (
        "Bidang Pelayanan Perizinan",
        "Bidang Pengaduan dan Informasi",
        "Bidang Promosi Penanaman Modal",
    ),
    "kecamatan": ("Seksi Pemerintahan", "Seksi Pelayanan Umum", "Seksi Kesejahteraan Sosial"),
}
SUBDIVISIONS = ("Subbagian Umum dan Kepegawaian", "Subbagian Keuangan dan Aset")
ASSISTANTS = (
    ("Asisten Pemerintahan dan Kesejahteraan Rakyat", ("Bagian Tata Pemerintahan", "Bagian Hukum")),
    (
        "Asisten Perekonomian dan Pembangunan",
        ("Bagian Perekonomian", "Bagian Pengadaan Barang dan Jasa"),
    ),
    ("Asisten Administrasi Umum", ("Bagian Umum", "Bagian Organisasi")),
)
MIN_SIZE = {"setda": 6, "kecamatan": 5}


@dataclass
class Person:
    """An unsaved employee and what the enrollment step needs to know about them."""

    obj: Employee
    depth: int
    agency: str
    frontline: bool
    staff: str
    start: dt.date  # TMT CPNS or first PPPK contract

    @property
    def managerial(self) -> bool:
        return self.obj.position_kind in PositionKind.managerial()


class _Staffing:
    def __init__(self, rng: random.Random, today: dt.date) -> None:
        self.rng = rng
        self.today = today
        self.nips = NipRegistry()
        self.people: list[Person] = []

    def _birth(self, reference: dt.date, age: int) -> dt.date:
        # At least `age` full years old on `reference`.
        anchor = dt.date(reference.year - age, reference.month, 1)
        return anchor - dt.timedelta(days=self.rng.randint(0, 360))

    def person(
        self,
        placed: PlacedUnit,
        *,
        kind: str,
        level: str,
        position: str,
        education: str,
        female: bool,
        pppk: bool,
        supervisor: Person | None,
        doctor: bool = False,
        health: bool = False,
        title: str = "",
    ) -> Person:
        rng, limit = self.rng, age_limit(kind, level)
        if pppk:
            intakes = [day for day in PPPK_INTAKES if day <= self.today] or [
                dt.date(self.today.year, 1, 1)
            ]
            start = rng.choice(intakes)
            served = (self.today - start).days // 365
            age = min(
                rng.randint(21 if education in ("SD", "SMP", "SMA") else 23, 45), limit - served
            )
            birth = self._birth(start, age)
            nip = self.nips.pppk(birth=birth, appointed=start.year, female=female)
            grade = pppk_grade(kind, level, education)
        else:
            low, high = SERVICE_YEARS[level or kind]
            service = rng.randint(low, high)
            entry_low, entry_high = (25, 34) if doctor else ENTRY_AGE[education]
            entry = rng.randint(entry_low, entry_high)
            if service + entry > limit:
                entry = max(entry_low, limit - service)
                service = max(0, limit - entry)
            start = dt.date(self.today.year - service, rng.choice(TMT_MONTHS), 1)
            if start > self.today:
                start = start.replace(year=start.year - 1)
            birth = self._birth(start, entry)
            nip = self.nips.pns(birth=birth, tmt_cpns=start, female=female)
            grade = pns_grade(rng, kind, level, education, self.today.year - start.year)
        name = person_name(
            rng,
            region=placed.region,
            female=female,
            education=education,
            doctor=doctor,
            health=health,
            title=title,
        )
        employee = Employee(
            nip=nip,
            name=name,
            asn_kind=AsnKind.PPPK if pppk else AsnKind.PNS,
            gender=Gender.FEMALE if female else Gender.MALE,
            birth_date=birth,
            grade=grade,
            position_kind=kind,
            position_level=level,
            position_name=position,
            education=education,
            unit=placed.unit,
            supervisor=supervisor.obj if supervisor else None,
            contract_start=start if pppk else None,
        )
        person = Person(
            obj=employee,
            depth=supervisor.depth + 1 if supervisor else 0,
            agency=placed.agency_prefix,
            frontline=placed.unit.kind == OrgKind.SERVICE_UNIT,
            staff=placed.staff,
            start=start,
        )
        self.people.append(person)
        return person

    def leader(
        self,
        placed: PlacedUnit,
        kind: str,
        position: str,
        supervisor: Person | None,
        *,
        doctor_chance: float = 0.0,
    ) -> Person:
        rng = self.rng
        doctor = rng.random() < doctor_chance
        if kind in (JPT_MADYA, JPT_PRATAMA):
            education = "S3" if rng.random() < 0.1 else "S2"
        elif kind == ADMIN:
            education = "S2" if rng.random() < 0.6 else "S1"
        else:
            education = "S2" if rng.random() < 0.3 else "S1"
        if doctor:
            education = "S2" if rng.random() < 0.5 else "S1"
        return self.person(
            placed,
            kind=kind,
            level="",
            position=position,
            education=education,
            female=rng.random() < 0.38,
            pppk=False,
            supervisor=supervisor,
            doctor=doctor,
            health=doctor or placed.staff in ("dinkes", "puskesmas"),
        )

    def staff(self, placed: PlacedUnit, count: int, leaders: list[Person]) -> None:
        rng, jobs = self.rng, STAFF_MIXES[placed.staff]
        weights = [job.weight for job in jobs]
        for job in rng.choices(jobs, weights=weights, k=count):
            level = job.pick_level(rng)
            education = job.pick_education(rng, level)
            self.person(
                placed,
                kind=job.kind,
                level=level,
                position=job.position_name(level),
                education=education,
                female=rng.random() < job.female,
                pppk=rng.random() < job.pppk,
                supervisor=rng.choice(leaders),
                doctor=job.doctor,
                health=job.health,
                title=job.title(education),
            )


def _sizes(tree: Tree, rng: random.Random, target: int) -> dict[str, int]:
    placed = tree.departments + tree.service_units
    factor = target / sum(p.size for p in placed)
    sizes = {}
    for p in placed:
        minimum = MIN_SIZE.get(p.staff, 6) if p.unit.kind == OrgKind.DEPARTMENT else 3
        sizes[p.unit.code] = max(minimum, round(p.size * factor * rng.uniform(0.8, 1.25)))
    return sizes


def _setda(s: _Staffing, placed: PlacedUnit, size: int, under_province: bool) -> Person:
    title = placed.unit.name.replace("Sekretariat", "Sekretaris", 1)
    sekda = s.leader(placed, JPT_MADYA if under_province else JPT_PRATAMA, title, None)
    leaders = []
    count = min(3, max(1, size // 30))
    per_assistant = 2 if size >= 40 else 1
    for assistant, parts in ASSISTANTS[:count]:
        head = s.leader(placed, JPT_PRATAMA, assistant, sekda)
        leaders += [
            s.leader(placed, ADMIN, f"Kepala {part}", head) for part in parts[:per_assistant]
        ]
    s.staff(placed, max(2, size - 1 - count - len(leaders)), leaders)
    return sekda


def _department(s: _Staffing, placed: PlacedUnit, size: int, sekda: Person) -> Person:
    """Staff a perangkat daerah; returns who its unit layanan heads report to."""
    unit, divisions = placed.unit, DIVISIONS[placed.staff]
    if placed.staff == "kecamatan":
        camat = s.leader(placed, ADMIN, unit.name.replace("Kecamatan", "Camat", 1), sekda)
        leaders = [s.leader(placed, ADMIN, f"Sekretaris {unit.name}", camat)] if size >= 10 else []
        sections = min(len(divisions), max(1, size // 8))
        leaders += [s.leader(placed, PENGAWAS, f"Kepala {d}", camat) for d in divisions[:sections]]
        s.staff(placed, max(2, size - 1 - len(leaders)), leaders)
        return camat
    head = s.leader(
        placed,
        JPT_PRATAMA,
        f"Kepala {unit.name}",
        sekda,
        doctor_chance=0.7 if placed.staff == "dinkes" else 0.0,
    )
    secretary = s.leader(placed, ADMIN, f"Sekretaris {unit.name}", head)
    count = min(len(divisions), max(1, size // 20))
    divisions_heads = [s.leader(placed, ADMIN, f"Kepala {d}", head) for d in divisions[:count]]
    subs = 2 if size >= 35 else (1 if size >= 12 else 0)
    sub_heads = [s.leader(placed, PENGAWAS, f"Kepala {d}", secretary) for d in SUBDIVISIONS[:subs]]
    leaders = divisions_heads + (sub_heads or [secretary])
    s.staff(placed, max(2, size - 2 - count - subs), leaders)
    return divisions_heads[0]


def _service_unit(s: _Staffing, placed: PlacedUnit, size: int, anchor: Person) -> None:
    name = placed.unit.name
    position = (
        name.replace("Kantor Kelurahan", "Lurah", 1)
        if placed.staff == "kelurahan"
        else f"Kepala {name}"
    )
    doctor_chance = 0.6 if placed.staff == "puskesmas" else 0.0
    head = s.leader(placed, PENGAWAS, position, anchor, doctor_chance=doctor_chance)
    leaders = [head]
    if size >= 25:
        leaders.append(s.leader(placed, PENGAWAS, f"Kepala Subbagian Tata Usaha {name}", head))
    s.staff(placed, max(2, size - len(leaders)), leaders)


def staff_tree(tree: Tree, *, rng: random.Random, today: dt.date, target: int) -> list[Person]:
    """Every employee of the demo, unsaved, each after their supervisor."""
    sizes = _sizes(tree, rng, target)
    s = _Staffing(rng, today)
    for spec in AGENCIES:
        departments = [p for p in tree.departments if p.agency_prefix == spec.prefix]
        setda = next(p for p in departments if p.staff == "setda")
        sekda = _setda(s, setda, sizes[setda.unit.code], spec.agency_under_province)
        anchors = {}
        for placed in departments:
            if placed is not setda:
                anchors[placed.unit.code] = _department(s, placed, sizes[placed.unit.code], sekda)
        for placed in tree.service_units:
            if placed.agency_prefix == spec.prefix and placed.department is not None:
                anchor = anchors[placed.department.unit.code]
                _service_unit(s, placed, sizes[placed.unit.code], anchor)
    return s.people


def save_people(people: list[Person], batch_size: int) -> None:
    """Insert tier by tier so each supervisor has its primary key before its staff."""
    for depth in sorted({p.depth for p in people}):
        tier = [p.obj for p in people if p.depth == depth]
        Employee.objects.bulk_create(tier, batch_size=batch_size)
