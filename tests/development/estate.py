"""One of each Medan development object, for tests/test_every_url_is_scoped.py, and the
logins of the people they belong to (pages reached by the person, not by an office)."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from sieva.development.models import (
    ActionPlan,
    Appeal,
    AssessmentComponent,
    AssessmentPlan,
    AssessmentResult,
    Certificate,
    ComponentKind,
    DevelopmentPlan,
    ExternalLearning,
    JobStandard,
    MentoringGoal,
    MentoringPair,
    MentoringScheme,
    Milestone,
    Nomination,
    Notification,
    SchemeMentor,
    TalentPlacement,
)
from sieva.instruments.campaigns.services import campaign_create
from sieva.instruments.models import Invitation
from sieva.org.models import Role
from sieva.programs.models import CohortStatus, EnrollmentStatus, FacilitatorRole, ProgramKind
from tests.factories import (
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    ProgramFactory,
    SessionFactory,
    user_with_role,
)
from tests.instruments.campaign_setup import published_version


def _mentoring(world, mentee) -> dict[str, Any]:
    program = ProgramFactory(owner=world.medan, name="Mentoring Medan", kind=ProgramKind.MENTORING)
    cohort = CohortFactory(program=program, name="Angkatan Mentoring Medan")
    scheme = MentoringScheme.objects.create(cohort=cohort)
    mentor = EmployeeFactory(unit=world.medan_health, name="Mentor Medan")
    EnrollmentFactory(cohort=cohort, employee=mentee, status=EnrollmentStatus.PASSED)
    scheme_mentor = SchemeMentor.objects.create(scheme=scheme, employee=mentor)
    pair = MentoringPair.objects.create(
        scheme=scheme, mentor=mentor, mentee=mentee, started_on=dt.date(2026, 3, 2)
    )
    goal = MentoringGoal.objects.create(pair=pair, title="Sasaran Medan", expected="Medan")
    return {
        "mentoring_cohort": cohort,
        "scheme_mentor": scheme_mentor,
        "pair": pair,
        "goal": goal,
    }


def _assessment(world, person) -> dict[str, Any]:
    """A running Latsar in Medan with a widyaiswara (who has a login), a plan, the person's
    result under appeal and an open questionnaire only the person may answer."""
    cohort = CohortFactory(
        program=ProgramFactory(owner=world.medan, name="Latsar Medan"),
        name="Angkatan Latsar Medan",
        status=CohortStatus.RUNNING,
    )
    widyaiswara = EmployeeFactory(unit=world.medan_health, name="Widyaiswara Medan")
    SessionFactory(
        cohort=cohort, facilitator=widyaiswara, facilitator_role=FacilitatorRole.WIDYAISWARA
    )
    enrollment = EnrollmentFactory(
        cohort=cohort, employee=person, status=EnrollmentStatus.ATTENDING
    )
    plan = AssessmentPlan.objects.create(cohort=cohort)
    component = AssessmentComponent.objects.create(
        plan=plan, name="Sikap Medan", kind=ComponentKind.ATTITUDE, weight=Decimal(100)
    )
    result = AssessmentResult.objects.create(
        enrollment=enrollment,
        final_score=Decimal(75),
        qualification="fairly_satisfactory",
        computed_at=timezone.now(),
    )
    appeal = Appeal.objects.create(result=result, reason="Banding Medan")
    now = timezone.now()
    campaign = campaign_create(
        actor=None,
        access=None,
        version=published_version(world.medan, "L1-MDN-SAYA"),
        cohort=cohort,
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=7),
        signed_in_only=True,
        name="Kuesioner Medan",
    )
    plan = ActionPlan.objects.create(
        enrollment=enrollment, kind="rencana_aksi", title="Rencana Medan", description="Medan"
    )
    return {
        "action_plan": plan,
        "milestone": Milestone.objects.create(
            plan=plan, title="Tonggak Medan", due_on=dt.date(2026, 12, 1)
        ),
        "assessment_cohort": cohort,
        "component": component,
        "result": result,
        "appeal": appeal,
        "enrollment_rated": enrollment,
        "invitation": Invitation.objects.get(campaign=campaign, employee=person),
        "rater_user": user_with_role(
            "widyaiswara.medan", Role.MENTOR, world.medan, employee=widyaiswara
        ),
    }


def _workspace(world, person, employee) -> dict[str, Any]:
    """Learning reported by the person, a nomination, a certificate each in Medan and
    Palembang, and the career objects of `employee` (a passed Medan participant)."""
    record = ExternalLearning(
        employee=person,
        title="Kursus Medan",
        provider="Penyedia Medan",
        kind="kursus",
        started_on=dt.date(2026, 1, 5),
        ended_on=dt.date(2026, 1, 6),
        jp=Decimal(4),
        evidence_name="bukti-medan.pdf",
        submitted_at=timezone.now(),
    )
    record.evidence.save("bukti.pdf", ContentFile(b"%PDF-1.4 Medan\n"), save=False)
    record.save()
    upcoming = CohortFactory(
        program=ProgramFactory(owner=world.medan, name="Program Usulan Medan"),
        status=CohortStatus.OPEN,
        start_date=dt.date(2099, 1, 5),
        end_date=dt.date(2099, 1, 9),
    )
    nomination = Nomination.objects.create(
        cohort=upcoming, employee=person, nominated_by=employee, reason="Usulan Medan"
    )
    enrollment = employee.enrollments.filter(status=EnrollmentStatus.PASSED).first()
    certificate = Certificate.objects.create(
        enrollment=enrollment,
        number="STTPP/MDN/2026/0001",
        issued_on=dt.date(2026, 3, 9),
        code="medancertificate1",
    )
    plg = EnrollmentFactory(
        cohort=CohortFactory(program=ProgramFactory(owner=world.palembang, name="Palembang")),
        employee=EmployeeFactory(unit=world.palembang_health, name="Peserta Palembang"),
        status=EnrollmentStatus.PASSED,
    )
    Certificate.objects.create(
        enrollment=plg,
        number="STTPP/PLG/2026/0001",
        issued_on=dt.date(2026, 3, 9),
        code="plgcertificate01",
    )
    JobStandard.objects.create(
        owner=world.medan, position_name="Jabatan Kunci Medan", is_key_position=True
    )
    TalentPlacement.objects.create(
        employee=employee,
        year=timezone.localdate().year - 1,
        box=9,
        evidence={"predikat": "very_good"},
        computed_at=timezone.now(),
    )
    return {
        "learning": record,
        "nomination": nomination,
        "certificate_code": certificate.code,
        "plg_certificate_code": "plgcertificate01",
        "development_plan": DevelopmentPlan.objects.create(employee=employee, year=2026),
    }


def development_estate(world, employee) -> dict[str, Any]:
    """`employee`: the estate's passed Medan participant (Siti Medan Rahasia)."""
    person = EmployeeFactory(unit=world.medan_health, name="Mentee Medan")
    palembang_person = EmployeeFactory(unit=world.palembang_health, name="Pegawai Palembang")
    person_user = user_with_role(
        "pegawai.medan", Role.PARTICIPANT, world.medan_health, employee=person
    )
    return {
        "notification": Notification.objects.create(
            user=person_user, key="medan", title="Kuesioner Medan", url="/saya/"
        ),
        **_mentoring(world, person),
        **_assessment(world, person),
        **_workspace(world, person, employee),
        "person_user": person_user,
        "palembang_person_user": user_with_role(
            "pegawai.palembang", Role.PARTICIPANT, world.palembang_health, employee=palembang_person
        ),
    }
