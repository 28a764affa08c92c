"""A Medan program with every Kirkpatrick level filled in, small enough to count by hand.

Pelatihan Pelayanan Prima, Angkatan I: 12 invited; 10 attended, 8 passed, 2 failed; 2 withdrew
(benturan dengan tugas utama). Budget planned 20 000 000, realised 18 000 000.
L1: 10 reaction answers. L2: 8 pre/post pairs. L3: 8 supervisors, 6 of whom say the alumnus
applies the training and name "tanpa tindak lanjut" as the barrier.
"""

import random
from decimal import Decimal

from sieva.programs.models import AbsenceReason, CostCategory, EnrollmentStatus
from sieva.reports.models import ReportSnapshot
from tests.evaluation.engine.builders import campaign, respond
from tests.evaluation.factories import attend
from tests.factories import (
    BudgetLineFactory,
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    ProgramFactory,
    SessionFactory,
)

TEST_KEY = {"soal_1": "a", "soal_2": "b", "soal_3": "b", "soal_4": "b"}


def _test_answers(right: int) -> dict:
    answers = {
        code: (correct if i < right else "c") for i, (code, correct) in enumerate(TEST_KEY.items())
    }
    answers["soal_5"] = ["a", "b", "d"] if right >= 5 else ["a"]
    return answers


def full_program(world, *, name="Pelatihan Pelayanan Prima", seed=7):
    rng = random.Random(seed)
    program = ProgramFactory(
        owner=world.medan,
        name=name,
        objectives="Meningkatkan mutu layanan publik\nMempercepat penanganan pengaduan",
        target_competencies="Orientasi pelayanan\nKomunikasi dengan warga",
        target_group="Petugas layanan Puskesmas",
        organiser="BKPSDM Kota Medan",
        participation_target=80,
    )
    cohort = CohortFactory(program=program, name="Angkatan I", location="Aula BKPSDM")
    session = SessionFactory(cohort=cohort)
    people = []
    for i in range(12):
        employee = EmployeeFactory(unit=world.medan_health, name=f"Peserta Rahasia {i}")
        if i < 10:
            status = EnrollmentStatus.PASSED if i < 8 else EnrollmentStatus.FAILED
            attend(EnrollmentFactory(cohort=cohort, employee=employee, status=status), session)
        else:
            EnrollmentFactory(
                cohort=cohort,
                employee=employee,
                status=EnrollmentStatus.WITHDRAWN,
                absence_reason=AbsenceReason.DUTY_CLASH,
            )
        people.append(employee)
    BudgetLineFactory(
        cohort=cohort,
        category=CostCategory.DELIVERY,
        planned=Decimal("20000000"),
        realised=Decimal("18000000"),
    )
    reaction = campaign(cohort, "STD-L1-REAKSI")
    for employee in people[:10]:
        base = rng.choice([4, 4, 5])
        respond(reaction, {"rel_1": base, "rel_2": base, "rel_3": 6 - base}, respondent=employee)
    pre = campaign(cohort, "STD-L2-TES", phase="pre")
    post = campaign(cohort, "STD-L2-TES", phase="post")
    for employee, (before, after) in zip(
        people[:8], [(1, 3), (2, 4), (2, 5), (0, 2), (3, 3), (1, 4), (2, 3), (1, 5)], strict=True
    ):
        respond(pre, _test_answers(before), respondent=employee)
        respond(post, _test_answers(after), respondent=employee)
    supervisors = campaign(cohort, "STD-L3-ATASAN")
    for i, frequency in enumerate([5, 4, 4, 3, 2, 1, 4, 5]):
        respond(
            supervisors,
            {
                "per_1": 4,
                "per_2": 4,
                "frekuensi": frequency,
                "hambatan": ["tanpa_tindak_lanjut"] if i < 6 else ["beban_kerja"],
            },
            respondent=EmployeeFactory(unit=world.medan_health),
        )
    return program, cohort, people


def medan_report(owner):
    """A stored report of Medan without running the engine (the URL tests need one fast)."""
    document = {
        "title": "Laporan Evaluasi Kepemimpinan Medan",
        "scope_label": "Kepemimpinan Medan",
        "period_label": "2026",
        "language": "id",
        "author": "alice",
        "generated_at": "2026-06-15T10:00:00+07:00",
        "software_version": "0.1.0",
        "input_hash": "0" * 64,
        "letterhead": {"lines": ["PEMERINTAH KOTA MEDAN"], "logo": ""},
        "key_figures": [
            {"key": "l0.participation_rate", "label": "Partisipasi", "value": "80,0 %", "n": "10"}
        ],
        "sections": [
            {
                "key": "pendahuluan",
                "title": "Pendahuluan",
                "blocks": [{"type": "p", "text": "Program Kepemimpinan Medan.", "sources": []}],
            }
        ],
        "appendix": [],
        "annex": [
            {
                "name": "L0 Partisipasi",
                "headers": ["Kunci", "Nilai"],
                "rows": [["l0.participation_rate", 80.0]],
            }
        ],
    }
    return ReportSnapshot.objects.create(
        title=document["title"],
        owner=owner,
        scope={"program": ""},
        scope_key="program=0",
        scope_label=document["scope_label"],
        period_label="2026",
        language="id",
        document=document,
        input_hash=document["input_hash"],
        software_version="0.1.0",
    )
