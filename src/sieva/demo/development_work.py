"""Demo assessments, careers, action plans and what waits in the personas' workspaces.

Bounded whatever the scale: assessment and follow-up use Medan's most recent finished cohorts
of the programs the participant persona took, so the demo build stays fast at scale 10.
"""

import datetime as dt
import random
import zoneinfo
from decimal import Decimal

from django.core.files.base import ContentFile

from sieva.demo.development_common import (
    cohorts_of,
    own_cohorts,
    persona_employee,
    unique,
)
from sieva.demo.development_plans import build_action_plans, build_careers
from sieva.development.models import (
    AssessmentComponent,
    AssessmentPlan,
    AttitudeRating,
    ComponentKind,
    ComponentScore,
    CoreValue,
    ExternalLearning,
    Nomination,
    RaterKind,
)
from sieva.development.services.assessment import appeal_file, results_compute
from sieva.development.services.learning import external_learning_review
from sieva.development.services.notifications import reminders_send
from sieva.instruments.campaigns.services import campaign_create
from sieva.instruments.models import InstrumentVersion, Purpose
from sieva.instruments.models import RaterKind as InstrumentRater
from sieva.org.models import Employee, OrgUnit, PositionKind
from sieva.programs.models import (
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    FacilitatorRole,
    Session,
)

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
BATCH = 2000
# Open long enough that the demo's workspaces show them whenever it is started (the demo
# runs on a fixed reference day; the real clock moves on).
WORKSPACE_OPEN_DAYS = 400
PDF = b"%PDF-1.4\n% SIEVA demo evidence\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def build_development_work(*, rng: random.Random, medan: OrgUnit, today: dt.date) -> dict[str, int]:
    peserta, mentor = persona_employee("peserta.medan"), persona_employee("mentor.medan")
    widyaiswara = _widyaiswara(medan, exclude={mentor.pk})
    assessed = _assessment(rng, medan, today, peserta, mentor, widyaiswara)
    build_careers(rng, medan, today, peserta)
    plans = build_action_plans(rng, medan, today, peserta)
    _workspace(medan, today, peserta)
    notified = reminders_send(today=today, email=False).created
    return {"assessment_results": assessed, "action_plans": plans, "notifications": notified}


def _widyaiswara(medan: OrgUnit, exclude: set[int]) -> Employee:
    return (
        Employee.objects.filter(
            unit__path__startswith=medan.path,
            is_active=True,
            position_kind=PositionKind.FUNCTIONAL_EXPERT,
            unit__code__contains="BKPSDM",
        )
        .exclude(pk__in=exclude)
        .order_by("pk")
        .first()
        or Employee.objects.filter(unit__path__startswith=medan.path)
        .exclude(pk__in=exclude)
        .first()
    )  # type: ignore[return-value]


def _plan(cohort: Cohort) -> dict[str, AssessmentComponent]:
    plan = AssessmentPlan.objects.create(cohort=cohort)
    parts = (
        ("Tes akhir", ComponentKind.TEST, 40),
        ("Proyek / aktualisasi", ComponentKind.PROJECT, 30),
        ("Sikap dan etika kerja (BerAKHLAK)", ComponentKind.ATTITUDE, 30),
    )
    return {
        kind: AssessmentComponent.objects.create(
            plan=plan, name=name, kind=kind, weight=Decimal(weight), order=i
        )
        for i, (name, kind, weight) in enumerate(parts)
    }


def _ratings(
    rng: random.Random, enrollments: list[Enrollment], facilitator: Employee
) -> list[AttitudeRating]:
    """The facilitator and the three assigned peers rate everyone; one person's raters
    disagree (so moderation has something to show)."""
    rows = []
    ordered = sorted(enrollments, key=lambda e: e.pk)
    n = len(ordered)
    for i, enrollment in enumerate(ordered):
        base = rng.uniform(3.2, 4.6)
        raters = [(facilitator.pk, RaterKind.FACILITATOR)] + [
            (ordered[(i + k) % n].employee_id, RaterKind.PEER) for k in range(1, min(3, n - 1) + 1)
        ]
        for j, (rater, kind) in enumerate(raters):
            shift = -2.0 if i == 1 and j == 1 else 0.0
            rows.append(
                AttitudeRating(
                    enrollment=enrollment,
                    rater_id=rater,
                    rater_kind=kind,
                    scores={
                        v: max(1, min(5, round(base + shift + rng.gauss(0, 0.4))))
                        for v in CoreValue.values
                    },
                )
            )
    return rows


def _assessment(
    rng: random.Random,
    medan: OrgUnit,
    today: dt.date,
    peserta: Employee,
    mentor: Employee,
    widyaiswara: Employee,
) -> int:
    """The persona's latest class and the latest Layanan Prima cohort: plan, scores, ratings,
    results (one under appeal). The running leadership cohort: a plan whose attitude the
    mentor persona, as its coach, still has to rate."""
    computed = 0
    finished = unique(
        own_cohorts(peserta)[:1]
        + cohorts_of(medan, "LAYANAN-PRIMA", CohortStatus.FINISHED, limit=1)
    )
    for cohort in finished:
        Session.objects.filter(cohort=cohort).update(
            facilitator=widyaiswara, facilitator_role=FacilitatorRole.WIDYAISWARA
        )
        parts = _plan(cohort)
        enrollments = list(
            Enrollment.objects.filter(
                cohort=cohort, status__in=(EnrollmentStatus.PASSED, EnrollmentStatus.FAILED)
            )
        )
        scores = [
            ComponentScore(
                component=parts[kind],
                enrollment=e,
                score=Decimal(f"{min(100, max(40, rng.gauss(mean, 8))):.2f}"),
            )
            for e in enrollments
            for kind, mean in ((ComponentKind.TEST, 82), (ComponentKind.PROJECT, 80))
        ]
        ComponentScore.objects.bulk_create(scores, batch_size=BATCH)
        AttitudeRating.objects.bulk_create(
            _ratings(rng, enrollments, widyaiswara), batch_size=BATCH
        )
        count, _skipped = results_compute(actor=None, cohort=cohort)
        computed += count
        others = [e for e in enrollments if e.employee_id != peserta.pk]
        if others and hasattr(others[0], "assessment_result"):
            appeal_file(
                actor=None,
                result=others[0].assessment_result,
                reason="Nilai proyek aktualisasi saya belum dimasukkan.",
            )
    for cohort in cohorts_of(medan, "KEPEMIMPINAN-MR", CohortStatus.RUNNING, limit=1):
        Session.objects.filter(cohort=cohort).update(
            facilitator=mentor, facilitator_role=FacilitatorRole.COACH
        )
        _plan(cohort)
    return computed


def _workspace(medan: OrgUnit, today: dt.date, peserta: Employee) -> None:
    """A questionnaire waiting for the participant persona, L3 ratings bound to the
    supervisor persona's login, learning reported from elsewhere (one approved into JP, one
    waiting) and a supervisor's nomination."""
    opens = dt.datetime.combine(today - dt.timedelta(days=2), dt.time.min, tzinfo=WIB)
    closes = opens + dt.timedelta(days=WORKSPACE_OPEN_DAYS)
    finished = own_cohorts(peserta)
    alumni = _standard_version(Purpose.BEHAVIOUR, InstrumentRater.SELF)
    if finished and alumni is not None:  # what the participant persona finds in /saya/
        campaign_create(
            actor=None,
            access=None,
            version=alumni,
            cohort=finished[0],
            opens_at=opens,
            closes_at=closes,
            anonymous=True,
            rater_kind=InstrumentRater.SELF,
            signed_in_only=True,
        )
    supervisor_l3 = _standard_version(Purpose.BEHAVIOUR, InstrumentRater.SUPERVISOR)
    staff_cohort = _staff_cohort(peserta.supervisor, opens.date())
    if staff_cohort is not None and supervisor_l3 is not None:  # the supervisor's in /tim/
        campaign_create(
            actor=None,
            access=None,
            version=supervisor_l3,
            cohort=staff_cohort,
            opens_at=opens,
            closes_at=closes,
            anonymous=True,
            rater_kind=InstrumentRater.SUPERVISOR,
            signed_in_only=True,
        )
    _learning(today, peserta)
    upcoming = (
        Cohort.objects.filter(
            program__owner__path__startswith=medan.path,
            status__in=(CohortStatus.OPEN, CohortStatus.PLANNED),
            start_date__gt=today,
        )
        .order_by("start_date", "pk")
        .first()
    )
    supervisor = peserta.supervisor
    staff = (
        Employee.objects.filter(supervisor=supervisor, is_active=True)
        .exclude(pk=peserta.pk)
        .first()
        if supervisor
        else None
    )
    if upcoming is not None and supervisor is not None and staff is not None:
        Nomination.objects.create(
            cohort=upcoming,
            employee=staff,
            nominated_by=supervisor,
            reason="Perlu penguatan komunikasi dengan pasien.",
        )


def _months(later: dt.date, earlier: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def _staff_cohort(supervisor: Employee | None, today: dt.date) -> Cohort | None:
    """A cohort one of the supervisor's staff completed 3–6 months before `today` (when LAN
    practice asks supervisors about behaviour change, DOMAIN.md), the most recent first."""
    if supervisor is None:
        return None
    ended = (
        Cohort.objects.filter(
            enrollments__employee__supervisor=supervisor,
            enrollments__status=EnrollmentStatus.PASSED,
            status=CohortStatus.FINISHED,
            end_date__lt=today,
        )
        .exclude(program__kind="pembelajaran_luar")
        .distinct()
        .order_by("-end_date", "pk")
    )
    return next((c for c in ended if 3 <= _months(today, c.end_date) <= 6), None)


def _standard_version(purpose: str, rater: str) -> InstrumentVersion | None:
    return (
        InstrumentVersion.objects.filter(
            frozen_at__isnull=False,
            instrument__is_standard=True,
            instrument__purpose=purpose,
            instrument__rater_kind=rater,
        )
        .order_by("-instrument__pk", "-number")
        .first()
    )


def _learning(today: dt.date, peserta: Employee) -> None:
    submitted = dt.datetime.combine(today - dt.timedelta(days=40), dt.time(10), tzinfo=WIB)
    reports = (
        (
            "Webinar Nasional Transformasi Layanan Kesehatan",
            "Kementerian Kesehatan",
            "seminar",
            30,
            3,
        ),
        ("Kursus Daring Manajemen Puskesmas", "LAN RI (MOOC)", "e_learning", 10, 12),
    )
    for i, (title, provider, kind, days_ago, jp) in enumerate(reports):
        ended = today - dt.timedelta(days=days_ago + 20)
        record = ExternalLearning(
            employee=peserta,
            title=title,
            provider=provider,
            kind=kind,
            started_on=ended - dt.timedelta(days=1),
            ended_on=ended,
            jp=Decimal(jp),
            evidence_name=f"sertifikat-{i + 1}.pdf",
            submitted_at=submitted + dt.timedelta(days=i),
        )
        record.evidence.save(f"sertifikat-{i + 1}.pdf", ContentFile(PDF), save=False)
        record.save()
        if i == 0:
            external_learning_review(actor=None, record=record, approve=True)
