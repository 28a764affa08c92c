"""The demo data: idempotent, realistic, and carrying the stories later findings must find."""

import datetime as dt
import re
from collections import Counter
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import F, Q, Sum

from sieva.demo.accounts import DEMO_PASSWORD
from sieva.demo.builder import REFERENCE_DATE, build
from sieva.org.models import (
    AsnKind,
    Employee,
    OrgKind,
    OrgUnit,
    PositionKind,
    PositionLevel,
    Role,
    RoleAssignment,
)
from sieva.org.nip import parse_nip
from sieva.programs.models import (
    Attendance,
    BudgetLine,
    Cohort,
    CohortStatus,
    CostCategory,
    Enrollment,
    EnrollmentStatus,
    ParticipationCell,
    Program,
    ProgramKind,
    Session,
)
from sieva.programs.selectors.participation import funnel_total
from sieva.programs.services import jp_store_compare, participation_store_compare
from tests.demo.conftest import TEST_SCALE

pytestmark = pytest.mark.django_db

PNS_GRADES = {
    f"{group}/{room}"
    for group, rooms in (("I", "abcd"), ("II", "abcd"), ("III", "abcd"), ("IV", "abcde"))
    for room in rooms
}
# Golongan PPPK (Perpres 98/2020): I to XVII in Roman numerals.
PPPK_GRADES = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"}
PPPK_GRADES |= {"XIV", "XV", "XVI", "XVII"}
EXPERT_LEVELS = {
    PositionLevel.AHLI_PERTAMA,
    PositionLevel.AHLI_MUDA,
    PositionLevel.AHLI_MADYA,
    PositionLevel.AHLI_UTAMA,
}
SKILLED_LEVELS = {
    PositionLevel.PEMULA,
    PositionLevel.TERAMPIL,
    PositionLevel.MAHIR,
    PositionLevel.PENYELIA,
}


def _date(digits: str) -> dt.date:
    return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))


def nip_problem(employee: Employee) -> str:
    """Why the number breaks DOMAIN.md's rules for its kind of ASN, or "" when it is valid."""
    nip = employee.nip
    if not re.fullmatch(r"\d{18}", nip):
        return "not 18 digits"
    birth = _date(nip[:8])  # raises on an impossible date
    if birth != employee.birth_date:
        return "birth date differs from the record"
    if nip[14] != ("1" if employee.gender == "L" else "2"):
        return "gender digit"
    if employee.asn_kind == AsnKind.PNS:
        tmt = dt.date(int(nip[8:12]), int(nip[12:14]), 1)
        if tmt < birth.replace(year=birth.year + 18, day=1) or tmt > REFERENCE_DATE:
            return "TMT CPNS before age 18 or in the future"
    elif not birth.year + 18 <= int(nip[8:12]) <= REFERENCE_DATE.year:
        return "PPPK appointment year"
    return ""


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"auth", "org", "programs", "audit"}
    }


def test_a_second_build_creates_nothing(demo):
    assert demo.created
    before = _row_counts()
    again = build(scale=TEST_SCALE)
    assert not again.created
    assert _row_counts() == before
    assert [login.username for login in again.logins] == [x.username for x in demo.logins]


def test_counts_fall_in_the_expected_ranges(demo):
    employees = Employee.objects.count()
    assert 0.8 * 3000 * TEST_SCALE <= employees <= 1.25 * 3000 * TEST_SCALE
    assert demo.counts["employees"] == employees
    assert set(OrgUnit.objects.values_list("kind", flat=True)) == set(OrgKind.values)
    assert OrgUnit.objects.filter(kind=OrgKind.AGENCY).count() == 3
    # 23 programs with classes, and the record of learning reported from elsewhere (0037).
    assert Program.objects.exclude(kind=ProgramKind.EXTERNAL).count() == 23
    assert Program.objects.filter(kind=ProgramKind.EXTERNAL).count() == 1
    assert 80 <= Cohort.objects.count() <= 110
    assert 1000 <= Enrollment.objects.count() <= 2500
    assert Attendance.objects.count() > 3 * Enrollment.objects.count()
    pppk_share = Employee.objects.filter(asn_kind=AsnKind.PPPK).count() / employees
    assert 0.12 <= pppk_share <= 0.3
    statuses = set(Cohort.objects.values_list("status", flat=True))
    assert statuses >= {CohortStatus.FINISHED, CohortStatus.RUNNING, CohortStatus.OPEN}


def test_every_nip_is_valid_and_unique(demo):
    employees = list(Employee.objects.all())
    problems = {e.nip: nip_problem(e) for e in employees if nip_problem(e)}
    assert problems == {}
    assert len({e.nip for e in employees}) == len(employees)
    for e in employees:  # the product's own rule agrees (raises NipError otherwise)
        parsed = parse_nip(e.nip, e.asn_kind, today=REFERENCE_DATE)
        assert (parsed.birth_date, parsed.gender) == (e.birth_date, e.gender), e


def test_golongan_and_jabatan_match_the_kind_of_asn(demo):
    for e in Employee.objects.all():
        if e.asn_kind == AsnKind.PNS:
            assert e.grade in PNS_GRADES, e
        else:
            assert e.grade in PPPK_GRADES, e
            assert e.position_kind not in PositionKind.managerial(), e
            assert e.contract_start is not None, e
        if e.position_kind == PositionKind.FUNCTIONAL_EXPERT:
            assert e.position_level in EXPERT_LEVELS, e
        elif e.position_kind == PositionKind.FUNCTIONAL_SKILLED:
            assert e.position_level in SKILLED_LEVELS, e
        else:
            assert e.position_level == "", e
    pns = Counter(Employee.objects.filter(asn_kind=AsnKind.PNS).values_list("grade", flat=True))
    middle = sum(n for grade, n in pns.items() if grade.startswith(("II/", "III/")))
    assert middle / sum(pns.values()) > 0.75


def test_each_unit_has_a_structural_head_and_staff_report_upwards(demo):
    for unit in OrgUnit.objects.filter(kind=OrgKind.SERVICE_UNIT):
        staff = list(unit.employees.select_related("supervisor"))
        heads = [e for e in staff if e.supervisor is None or e.supervisor.unit_id != unit.pk]
        assert len(heads) == 1, unit
        assert heads[0].position_kind in {PositionKind.PENGAWAS, PositionKind.ADMINISTRATOR}
    assert Employee.objects.filter(supervisor__isnull=True).count() == 3  # the Sekda


EXPECTED_LOGINS = {
    "admin.nasional": (Role.NATIONAL_ADMIN, "ID"),
    "admin.medan": (Role.AGENCY_ADMIN, "PEMKOT-MDN"),
    "admin.palembang": (Role.AGENCY_ADMIN, "PEMKOT-PLG"),
    "admin.jakarta": (Role.AGENCY_ADMIN, "PEMPROV-DKI"),
    "penyelenggara.medan": (Role.ORGANISER, "PEMKOT-MDN"),
    "evaluator.medan": (Role.EVALUATOR, "PEMKOT-MDN"),
    "koder.medan": (Role.EVALUATOR, "PEMKOT-MDN"),  # second coder of the qualitative study
    "mentor.medan": (Role.MENTOR, "PEMKOT-MDN"),
    "pimpinan.medan": (Role.LEADER, "PEMKOT-MDN"),
}


def test_every_login_exists_with_its_role_and_scope(demo):
    assignments = {
        a.user.username: a for a in RoleAssignment.objects.select_related("user", "scope")
    }
    for username, (role, scope) in EXPECTED_LOGINS.items():
        assert (assignments[username].role, assignments[username].scope.code) == (role, scope)
        assert assignments[username].user.check_password(DEMO_PASSWORD)
    participant, supervisor = assignments["peserta.medan"], assignments["atasan.medan"]
    assert participant.role == Role.PARTICIPANT and supervisor.role == Role.SUPERVISOR
    assert participant.employee.supervisor_id == supervisor.employee_id
    assert participant.scope == participant.employee.unit
    assert participant.scope.is_within(OrgUnit.objects.get(code="PEMKOT-MDN"))
    assert Enrollment.objects.filter(employee=participant.employee).count() >= 2
    superuser = get_user_model().objects.get(username="superadmin")
    assert superuser.is_superuser and superuser.check_password(DEMO_PASSWORD)
    assert {x.username for x in demo.logins} == {
        *EXPECTED_LOGINS,
        *("peserta.medan", "atasan.medan", "superadmin"),
    }


def test_participation_is_uneven_across_cohorts(demo):
    rates = [
        funnel_total(Enrollment.objects.filter(cohort=cohort)).participation_rate
        for cohort in Cohort.objects.filter(status=CohortStatus.FINISHED)
    ]
    assert min(rates) < 0.7
    assert max(rates) > 0.9


def test_the_stored_figures_equal_the_records_the_demo_wrote(demo):
    """The demo writes enrollment and attendance in bulk, around the services that keep the
    stores: it rebuilds them, so every stored figure equals its recomputation."""
    assert participation_store_compare() == []
    assert jp_store_compare() == []
    assert ParticipationCell.objects.exists()


def test_duty_clashes_are_the_most_common_absence_reason(demo):
    reasons = Counter(
        Enrollment.objects.exclude(absence_reason="").values_list("absence_reason", flat=True)
    )
    assert reasons.most_common(1)[0][0] == "benturan_tugas"
    assert len(reasons) >= 6


def test_some_pns_fall_short_of_twenty_jp(demo):
    year = REFERENCE_DATE.year - 1
    earned = dict(
        Attendance.objects.filter(
            enrollment__employee__asn_kind=AsnKind.PNS, session__date__year=year
        )
        .values_list("enrollment__employee")
        .annotate(jp=Sum("session__jp"))
    )
    pns = Employee.objects.filter(asn_kind=AsnKind.PNS).values_list("pk", flat=True)
    short = sum(1 for pk in pns if earned.get(pk, Decimal(0)) < 20)
    assert 0.2 < short / len(pns) < 0.8


def test_sessions_add_up_to_the_curriculum_within_the_cohort(demo):
    curriculum = dict(Program.objects.annotate(jp=Sum("subjects__jp")).values_list("pk", "jp"))
    classes = Cohort.objects.exclude(program__kind=ProgramKind.EXTERNAL)
    for cohort in classes.annotate(jp=Sum("sessions__jp")):
        assert cohort.jp == curriculum[cohort.program_id], cohort
    outside = Session.objects.filter(
        Q(date__lt=F("cohort__start_date")) | Q(date__gt=F("cohort__end_date"))
    )
    assert not outside.exists()
    assert not Attendance.objects.filter(session__date__gte=REFERENCE_DATE).exists()


def test_the_budget_covers_every_category_and_one_program_overspends(demo):
    finished = BudgetLine.objects.filter(cohort__status=CohortStatus.FINISHED).exclude(
        category=CostCategory.PARTICIPANT_TIME
    )
    per_cohort = Counter(BudgetLine.objects.values_list("cohort", flat=True))
    assert set(per_cohort.values()) == {len(CostCategory.values)}
    ratios = {
        code: realised / planned
        for code, planned, realised in finished.values("cohort__program__code")
        .annotate(p=Sum("planned"), r=Sum("realised"))
        .values_list("cohort__program__code", "p", "r")
    }
    over = {code for code, ratio in ratios.items() if ratio > Decimal("1.05")}
    assert over == {"MDN-PROYEK-PERUBAHAN"}
    assert all(Decimal("0.7") <= r <= Decimal("1.05") for c, r in ratios.items() if c not in over)


def test_cohort_statuses_follow_their_dates_on_the_reference_day(demo):
    """No cohort that ended before the demo's today reads "berjalan" or "pendaftaran"."""
    classes = Cohort.objects.exclude(program__kind=ProgramKind.EXTERNAL)
    for cohort in classes.prefetch_related("enrollments"):
        statuses = {e.status for e in cohort.enrollments.all()}
        if cohort.end_date < REFERENCE_DATE:
            assert cohort.status == CohortStatus.FINISHED, cohort
            assert EnrollmentStatus.PASSED in statuses, cohort
            assert EnrollmentStatus.ATTENDING not in statuses, cohort
        elif cohort.start_date <= REFERENCE_DATE:
            assert cohort.status == CohortStatus.RUNNING, cohort
            assert not statuses & {EnrollmentStatus.PASSED, EnrollmentStatus.FAILED}, cohort
        else:
            assert cohort.status in (CohortStatus.OPEN, CohortStatus.PLANNED), cohort
