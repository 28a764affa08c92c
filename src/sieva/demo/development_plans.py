"""Demo careers and follow-up: standards for the personas' positions and a key position,
target competencies with assessments before and after, the participant persona's IDP, and
action plans at every stage (decision 0039)."""

import datetime as dt
import random

from sieva.demo.development_common import cohorts_of, own_cohorts, program_of, unique
from sieva.development.competencies import ensure_standard_competencies
from sieva.development.models import (
    ActionPlan,
    ActionPlanStatus,
    CompetencyAssessment,
    JobStandard,
    JobStandardLevel,
    Milestone,
    ProgramCompetency,
    ProgressCheck,
)
from sieva.development.services.careers import idp_fill
from sieva.org.models import Employee, OrgUnit
from sieva.programs.models import CohortStatus, Enrollment, EnrollmentStatus

BATCH = 2000
# Program → the competency it develops (codes of the standard dictionary, migration 0005).
TARGETS = {
    "LAYANAN-PRIMA": "M5",
    "KOMUNIKASI": "M3",
    "KEPEMIMPINAN-MR": "M8",
    "ETIKA-PELAYANAN": "M1",
    "PROYEK-PERUBAHAN": "M7",
}


def _standard(medan: OrgUnit, name: str, levels: dict[str, int], key: bool = False) -> JobStandard:
    job, _created = JobStandard.objects.get_or_create(
        owner=medan, position_name=name, defaults={"is_key_position": key}
    )
    competencies = ensure_standard_competencies()
    JobStandardLevel.objects.bulk_create(
        JobStandardLevel(standard=job, competency=competencies[code], required_level=level)
        for code, level in levels.items()
    )
    return job


def build_careers(rng: random.Random, medan: OrgUnit, today: dt.date, peserta: Employee) -> None:
    """Standards for the personas' positions and a key position, program target competencies
    with assessments before and after (a measurable gap closure), and the persona's IDP."""
    levels = {"M1": 3, "M3": 3, "M5": 4, "M7": 3, "M8": 3, "SK1": 3}
    _standard(medan, peserta.position_name, levels)
    supervisor = peserta.supervisor
    if supervisor is not None:
        key = _standard(medan, supervisor.position_name, {**levels, "M8": 4}, key=True)
        JobStandard.objects.filter(pk=key.pk).update(incumbent=supervisor)
    competencies = ensure_standard_competencies()
    for key_name, code in TARGETS.items():
        program = program_of(medan, key_name)
        if program is not None:
            ProgramCompetency.objects.get_or_create(program=program, competency=competencies[code])
    rows = []
    for key_name in ("LAYANAN-PRIMA", "KOMUNIKASI"):
        code = TARGETS[key_name]
        for cohort in cohorts_of(medan, key_name, CohortStatus.FINISHED, limit=2):
            people = Employee.objects.filter(
                enrollments__cohort=cohort, enrollments__status=EnrollmentStatus.PASSED
            ).values_list("pk", flat=True)
            for pk in people:
                before = rng.choice((1, 2, 2, 3))
                after = min(5, before + rng.choice((0, 1, 1, 2)))
                rows += [
                    CompetencyAssessment(
                        employee_id=pk,
                        competency=competencies[code],
                        level=level,
                        assessed_on=day,
                        source="assessment_center",
                    )
                    for level, day in (
                        (before, cohort.start_date - dt.timedelta(days=20)),
                        (after, min(today, cohort.end_date + dt.timedelta(days=45))),
                    )
                ]
    for code in levels:
        if not any(r.employee_id == peserta.pk and r.competency.code == code for r in rows):
            rows.append(
                CompetencyAssessment(
                    employee_id=peserta.pk,
                    competency=competencies[code],
                    level=rng.choice((2, 3, 3)),
                    assessed_on=today - dt.timedelta(days=60),
                    source="assessment_center",
                )
            )
    CompetencyAssessment.objects.bulk_create(rows, batch_size=BATCH)
    idp_fill(actor=None, employee=peserta, year=today.year)


def build_action_plans(
    rng: random.Random, medan: OrgUnit, today: dt.date, peserta: Employee
) -> int:
    """Plans of the participants of recent finished cohorts, at every stage; the persona's
    change project has its month-3 check verified and the month-6 one waiting."""
    plans = 0
    mine = own_cohorts(peserta)
    cohorts = unique(
        [c for c in mine if c.program.kind == "berbasis_proyek"][:1]
        + mine[:1]
        + cohorts_of(medan, "PROYEK-PERUBAHAN", CohortStatus.FINISHED, limit=1)
        + cohorts_of(medan, "LAYANAN-PRIMA", CohortStatus.FINISHED, limit=1)
    )
    for cohort in cohorts:
        kind = "proyek_perubahan" if "PROYEK" in cohort.program.code else "rencana_aksi"
        enrollments = Enrollment.objects.filter(
            cohort=cohort, status=EnrollmentStatus.PASSED
        ).select_related("employee")
        for i, enrollment in enumerate(enrollments):
            own = enrollment.employee_id == peserta.pk
            if not own and rng.random() < 0.25:
                continue  # not everyone writes one
            stage = 1 if own else rng.choice((0, 1, 1, 2, 2, 3))
            plan = ActionPlan.objects.create(
                enrollment=enrollment,
                kind=kind,
                title=_TITLES[i % len(_TITLES)] if not own else _OWN_TITLES[kind],
                description="Mengurangi waktu tunggu pasien dengan pendaftaran daring dan "
                "papan antrean; diukur dari waktu tunggu rata-rata per bulan.",
                status=ActionPlanStatus.COMPLETED if stage == 3 else ActionPlanStatus.RUNNING,
            )
            milestones = [
                Milestone(
                    plan=plan,
                    title=title,
                    due_on=cohort.end_date + dt.timedelta(days=30 * (k + 1)),
                    done_on=cohort.end_date + dt.timedelta(days=30 * (k + 1) - 3)
                    if k < stage and cohort.end_date + dt.timedelta(days=30 * (k + 1)) <= today
                    else None,
                    evidence=_EVIDENCE[k] if k < stage else "",
                )
                for k, title in enumerate(_STEPS)
            ]
            Milestone.objects.bulk_create(milestones)
            supervisor = enrollment.employee.supervisor_id
            third = cohort.end_date + dt.timedelta(days=92)
            if supervisor and third <= today and (own or stage >= 1):
                ProgressCheck.objects.create(
                    plan=plan,
                    month=3,
                    verifier_id=supervisor,
                    verifier_kind="atasan",
                    progress=min(100, 30 * max(stage, 1)),
                    note="Sesuai rencana.",
                )
            plans += 1
    return plans


_TITLES = (
    "Standar waktu layanan di loket",
    "Survei kepuasan bulanan unit",
    "Digitalisasi arsip layanan",
    "Kanal pengaduan WhatsApp",
    "Jadwal piket layanan akhir pekan",
)
_OWN_TITLES = {
    "proyek_perubahan": "Antrean daring Puskesmas",
    "rencana_aksi": "Standar waktu layanan di loket Puskesmas",
}
_STEPS = ("Rancangan disetujui atasan", "Uji coba di unit", "Diterapkan dan dievaluasi")
_EVIDENCE = ("Nota dinas persetujuan", "Laporan uji coba", "Laporan evaluasi bulanan")
