"""Every URL of SIEVA, visited as Palembang's admin, discloses nothing of Medan.

The test walks the URL resolver, so a new page cannot slip past it: a named pattern that is
neither in OBJECT_PAGES nor LIST_PAGES nor PUBLIC fails the first test until its author says
which Medan object it shows. Alice, Medan's own admin, opens the same URLs as the control,
so a page that simply shows nothing to anyone cannot pass for a scoped one.
"""

import datetime as dt
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import openpyxl
import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from sieva.api.models import ActivityMapping
from sieva.api.services.tokens import token_create
from sieva.dashboard.models import EvaluationSchedule, ProgramSummary, ScheduledRun
from sieva.evaluation.models import ThresholdOverride
from sieva.instruments.campaigns.services import campaign_create, invitations_issue
from sieva.instruments.campaigns.submission import find_invitation, response_submit
from sieva.instruments.exchange.document import write_version
from sieva.instruments.imports.services import import_start
from sieva.instruments.models import Instrument
from sieva.instruments.models.imports import ImportStatus, ResponseImport
from sieva.org.models import OrgKind, Role
from sieva.programs.models import AbsenceReason, EnrollmentStatus
from sieva.recommendations.models import TrackedRecommendation
from sieva.satisfaction.models import SkmFollowUp, SkmImportJob, SkmImportStatus, SkmLink, SkmUpload
from sieva.satisfaction.services.kiosk import counter_device_register
from tests.development.estate import development_estate
from tests.evidence.factories import evidence_estate
from tests.factories import (
    BudgetLineFactory,
    CohortFactory,
    EmployeeFactory,
    EnrollmentFactory,
    OrgUnitFactory,
    ProgramFactory,
    SessionFactory,
    SubjectFactory,
    user_with_role,
)
from tests.indicators.factories import indicator_estate
from tests.instruments.campaign_setup import published_version
from tests.instruments.conftest import VALID_ANSWERS, sample_document
from tests.instruments.import_files import GOOGLE_HEADER, csv_bytes, google_row
from tests.reports.builders import medan_report

MARK = "Medan"  # every Medan object below carries it; no Palembang page may show it


@dataclass
class Estate:
    """One of each Medan object a URL can point at."""

    objects: dict[str, Any]

    def pk(self, name: str) -> dict[str, Any]:
        return {"pk": self.objects[name].pk}


# URL name -> the kwargs that point it at a Medan object.
OBJECT_PAGES: dict[str, Callable[[Estate], dict[str, Any]]] = {
    "programs:program_detail": lambda e: e.pk("program"),
    "programs:program_edit": lambda e: e.pk("program"),
    "programs:cohort_create": lambda e: e.pk("program"),
    "programs:subject_create": lambda e: e.pk("program"),
    "programs:subject_edit": lambda e: e.pk("subject"),
    "programs:subject_delete": lambda e: e.pk("subject"),
    "programs:cohort_detail": lambda e: e.pk("cohort"),
    "programs:cohort_edit": lambda e: e.pk("cohort"),
    "programs:cohort_export": lambda e: e.pk("cohort"),
    "programs:session_create": lambda e: e.pk("cohort"),
    "programs:session_edit": lambda e: e.pk("session"),
    "programs:session_delete": lambda e: e.pk("session"),
    "programs:budget": lambda e: e.pk("cohort"),
    "programs:budget_line_delete": lambda e: e.pk("budget_line"),
    "programs:enrollment_list": lambda e: e.pk("cohort"),
    "programs:enrollment_add": lambda e: e.pk("cohort"),
    "programs:enrollment_bulk": lambda e: e.pk("cohort"),
    "programs:enrollment_edit": lambda e: e.pk("enrollment"),
    "programs:enrollment_remove": lambda e: e.pk("enrollment"),
    "programs:attendance": lambda e: e.pk("cohort"),
    "programs:attendance_set": lambda e: e.pk("cohort"),
    "lms:mapping_edit": lambda e: e.pk("lms_mapping"),
    "tokens:revoke": lambda e: e.pk("api_token"),  # Alice's token: nobody else revokes it
    **{
        f"indicators:{name}": lambda e: e.pk("indicator_definition")
        for name in (
            "definition_detail",
            "definition_edit",
            "unit_indicator_create",
            "actuals_entry",
        )
    },
    "dashboard:summary_refresh": lambda e: e.pk("program"),
    "dashboard:program": lambda e: e.pk("program"),
    "dashboard:region": lambda e: e.pk("unit"),
    "dashboard:schedule_edit": lambda e: e.pk("program"),
    "reports:detail": lambda e: e.pk("report"),
    "reports:download": lambda e: {**e.pk("report"), "fmt": "pdf"},
    "reports:letterhead": lambda e: e.pk("unit"),
    "reports:edit": lambda e: e.pk("report"),
    "reports:review": lambda e: e.pk("report"),
    "reports:approve": lambda e: e.pk("report"),
    "recommendations:detail": lambda e: e.pk("recommendation"),
    "recommendations:advance": lambda e: e.pk("recommendation"),
    "recommendations:assign": lambda e: e.pk("recommendation"),
    "evaluation:threshold_node": lambda e: e.pk("unit"),
    "indicators:unit_indicator_detail": lambda e: e.pk("unit_indicator"),
    "indicators:unit_indicator_edit": lambda e: e.pk("unit_indicator"),
    "indicators:benefit_list": lambda e: e.pk("program"),
    "indicators:program_roi": lambda e: e.pk("program"),
    "indicators:benefit_delete": lambda e: e.pk("benefit"),
    "programs:employee_detail": lambda e: e.pk("employee"),
    "org:employee_edit": lambda e: e.pk("employee"),
    **{
        f"org:{name}": lambda e: e.pk("unit")
        for name in ("unit_detail", "unit_edit", "unit_move", "unit_deactivate", "unit_reactivate")
    },
    **{
        f"instruments:{name}": lambda e: e.pk("instrument")
        for name in (
            "instrument_detail",
            "instrument_update",
            "instrument_clone",
            "instrument_versions",
            "instrument_edit",
            "version_publish",
            "section_create",
            "item_create",
            "scale_create",
        )
    },
    "instruments:version_detail": lambda e: {**e.pk("instrument"), "number": 1},
    "instruments:instrument_export": lambda e: {**e.pk("instrument"), "fmt": "json"},
    "instruments:section_edit": lambda e: {
        **e.pk("instrument"),
        "section_id": e.objects["instrument_section"].pk,
    },
    "instruments:section_delete": lambda e: {
        **e.pk("instrument"),
        "section_id": e.objects["instrument_section"].pk,
    },
    "instruments:item_edit": lambda e: {
        **e.pk("instrument"),
        "item_id": e.objects["instrument_item"].pk,
    },
    "instruments:item_delete": lambda e: {
        **e.pk("instrument"),
        "item_id": e.objects["instrument_item"].pk,
    },
    **{
        f"instruments:{name}": lambda e: {
            **e.pk("instrument"),
            "section_id": e.objects["instrument_section"].pk,
        }
        for name in ("section_move", "section_duplicate")
    },
    **{
        f"instruments:{name}": lambda e: {
            **e.pk("instrument"),
            "item_id": e.objects["instrument_item"].pk,
        }
        for name in ("item_move", "item_duplicate")
    },
    **{
        f"instruments:{name}": lambda e: {
            **e.pk("instrument"),
            "scale_id": e.objects["instrument_scale"].pk,
        }
        for name in ("scale_edit", "scale_delete")
    },
    **{
        f"instruments:{name}": lambda e: e.pk("campaign")
        for name in (
            "campaign_detail",
            "campaign_links",
            "campaign_close",
            "campaign_responses",
            "response_import",
        )
    },
    "instruments:response_import_mapping": lambda e: e.pk("response_import_job"),
    "instruments:response_import_preview": lambda e: e.pk("response_import_job"),
    "instruments:response_import_status": lambda e: e.pk("response_import_failed"),
    "instruments:response_import_errors": lambda e: e.pk("response_import_failed"),
    "instruments:response_import_retry": lambda e: e.pk("response_import_failed"),
    **{
        f"evidence:{name}": lambda e: e.pk("study")
        for name in (
            "study_detail",
            "study_edit",
            "plan",
            "interview_create",
            "document_create",
            "open_answers",
            "suggest",
            "codebook",
            "double_coding",
            "agreement",
            "adjudication",
            "adjudicate",
            "analysis",
        )
    },
    **{
        f"evidence:{name}": lambda e: e.pk("source")
        for name in ("source_detail", "interview_edit", "coding", "source_finish")
    },
    "evidence:document_edit": lambda e: e.pk("document_source"),
    "evidence:document_review": lambda e: e.pk("document_source"),
    "evidence:guide_question_delete": lambda e: e.pk("guide_question"),
    "evidence:stratum_delete": lambda e: e.pk("stratum"),
    **{
        f"evidence:{name}": lambda e: e.pk("coding")
        for name in ("coding_delete", "coding_exemplar", "suggestion_decide")
    },
    **{
        f"evidence:{name}": lambda e: e.pk("practice")
        for name in (
            "practice_detail",
            "practice_edit",
            "practice_submit",
            "practice_review",
            "practice_feedback",
        )
    },
    "evidence:plan_detail": lambda e: e.pk("plan"),
    "evidence:plan_advance": lambda e: e.pk("plan"),
    "evidence:plan_item_edit": lambda e: e.pk("plan_item"),
    "evidence:code_edit": lambda e: e.pk("code"),
    "evidence:code_delete": lambda e: e.pk("code"),
    **{
        f"development:{name}": lambda e: e.pk("mentoring_cohort")
        for name in ("scheme", "mentor_add", "pair_create", "outcomes")
    },
    "development:mentor_remove": lambda e: e.pk("scheme_mentor"),
    **{
        f"development:{name}": lambda e: e.pk("pair")
        for name in ("pair", "session_log", "goal_add", "pair_close")
    },
    "development:goal_score": lambda e: e.pk("goal"),
    "development:assessment": lambda e: e.pk("assessment_cohort"),
    "development:component_add": lambda e: e.pk("assessment_cohort"),
    "development:scores_save": lambda e: e.pk("assessment_cohort"),
    "development:results_compute": lambda e: e.pk("assessment_cohort"),
    "development:component_remove": lambda e: e.pk("component"),
    "development:result_moderate": lambda e: e.pk("result"),
    "development:appeal_decide": lambda e: e.pk("appeal"),
    "development:certificate": lambda e: e.pk("enrollment"),
    "development:learning_evidence": lambda e: e.pk("learning"),
    "development:learning_review": lambda e: e.pk("learning"),
    "development:nomination_decide": lambda e: e.pk("nomination"),
    **{
        f"development:{name}": lambda e: e.pk("employee")
        for name in ("person", "appraisal_set", "competency_assess", "potential_set", "idp_fill")
    },
    "development:idp_approve": lambda e: e.pk("development_plan"),
    "development:action_plan": lambda e: e.pk("action_plan"),
    "development:cohort_plans": lambda e: e.pk("assessment_cohort"),
    "satisfaction:import_status": lambda e: e.pk("skm_import_failed"),
    "satisfaction:import_job_errors": lambda e: e.pk("skm_import_failed"),
    "satisfaction:import_retry": lambda e: e.pk("skm_import_failed"),
    **{
        f"satisfaction:{name}": lambda e: e.pk("service_unit")
        for name in (
            "unit_dashboard",
            "unit_link",
            "qr_png",
            "qr_svg",
            "poster_pdf",
            "device_register",
            "held_review",
            "follow_ups",
            "follow_up_add",
        )
    },
    "satisfaction:device_revoke": lambda e: {
        **e.pk("service_unit"),
        "device_pk": e.objects["counter_device"].pk,
    },
    "satisfaction:follow_up_edit": lambda e: {
        **e.pk("service_unit"),
        "follow_up_pk": e.objects["skm_follow_up"].pk,
    },
    "reports:skm_download": lambda e: {**e.pk("service_unit"), "fmt": "pdf"},
}


# URL names without an object: Palembang's admin gets the page, and it names nothing of Medan.
# `shows_medan` says whether Alice's copy of the page names Medan (the control); `exports` are
# the query strings of every file the page offers; `bare` is False for a file-only URL.
@dataclass(frozen=True)
class ListPage:
    shows_medan: bool
    exports: tuple[str, ...] = ("format=csv", "format=xlsx")
    bare: bool = True


def _tables(*names: str) -> tuple[str, ...]:
    return tuple(f"format={fmt}&table={name}" for name in names for fmt in ("csv", "xlsx"))


NO_EXPORT = ListPage(shows_medan=False, exports=())
LIST_PAGES: dict[str, ListPage] = {
    "home": NO_EXPORT,
    "programs:participation": ListPage(
        True,
        _tables(
            "program", "cohort", "unit", "region", "reasons", "budget_program", "budget_cohort"
        ),
    ),
    "programs:jp_report": ListPage(True, _tables("units", "pns_below", "pppk_over")),
    "evaluation:evaluation": ListPage(True, exports=()),
    "dashboard:regions": ListPage(True, exports=()),
    "dashboard:dashboard": ListPage(True, exports=()),  # portfolio and recommendations
    "dashboard:schedule_list": ListPage(True, exports=()),
    "programs:program_list": ListPage(True),
    "programs:program_create": NO_EXPORT,
    "org:employee_list": ListPage(True),
    "org:employee_create": NO_EXPORT,
    "org:employee_import": NO_EXPORT,
    "org:employee_import_template": ListPage(False, bare=False),
    "org:unit_list": ListPage(True),
    "org:unit_create": ListPage(True, exports=()),  # its parent picker
    "org:unit_import": NO_EXPORT,
    "org:unit_import_template": ListPage(False, bare=False),
    "indicators:definition_list": ListPage(True),
    "indicators:definition_create": NO_EXPORT,
    "indicators:actuals_import": NO_EXPORT,
    "instruments:instrument_list": ListPage(True, exports=()),
    "instruments:instrument_create": NO_EXPORT,
    "instruments:instrument_import": NO_EXPORT,
    "instruments:campaign_list": ListPage(True, exports=()),
    "instruments:campaign_create": ListPage(True, exports=()),  # its cohort and unit pickers
    "satisfaction:overview": ListPage(False, exports=()),
    "reports:list": ListPage(True, exports=()),
    "reports:create": ListPage(True, exports=()),  # names the user's own scope
    "satisfaction:import": NO_EXPORT,
    "recommendations:list": ListPage(True, exports=()),
    "evaluation:thresholds": ListPage(True, exports=()),  # overrides and node picker
    "evidence:study_list": ListPage(True, exports=()),
    "evidence:study_create": ListPage(True, exports=()),  # its instansi and program pickers
    "evidence:practice_list": ListPage(True, exports=()),  # Medan's own draft
    "evidence:practice_create": ListPage(True, exports=()),  # its instansi picker
    "evidence:plan_list": ListPage(True, exports=()),
    "evidence:nominations": ListPage(True, exports=()),
    "programs:jp_recap": ListPage(False, bare=False),
    "lms:mapping_list": ListPage(True, exports=()),
    "lms:completion_import": NO_EXPORT,
    "development:mentoring": ListPage(True, exports=()),  # the mentoring cohorts in scope
    "development:learning_queue": ListPage(True, exports=()),
    "development:nominations": ListPage(True, exports=()),
    "development:standards": ListPage(True, exports=()),
    "development:talent": ListPage(True, exports=()),
    "development:succession": ListPage(True, exports=()),
}

# Pages that only ever show the signed-in user's own work (e.g. their last import's errors).
OWN_PAGES = {
    "org:employee_import_errors",
    "org:unit_import_errors",
    "satisfaction:import_errors",
    "tokens:list",
    "development:notifications",
    "development:notifications_read",  # POST only: marks the user's own as read
}


# Pages of one person's own work or tasks, reached signed in as that person (the login is the
# credential): name -> (the kwargs of a Medan object, the estate key of the person's login).
# Nobody else — Medan's own admin included — may open them.
PERSON_PAGES: dict[str, tuple[Callable[[Estate], dict[str, Any]], str]] = {
    "instruments:respond_signed_in": (lambda e: e.pk("invitation"), "person_user"),
    "instruments:respond_signed_in_thanks": (lambda e: e.pk("invitation"), "person_user"),
    "development:attitude_rate": (lambda e: e.pk("enrollment_rated"), "rater_user"),
    "development:appeal_file": (lambda e: e.pk("result"), "person_user"),
    "development:action_plan_edit": (lambda e: e.pk("enrollment_rated"), "person_user"),
    "development:milestone_add": (lambda e: e.pk("action_plan"), "person_user"),
    "development:milestone_done": (lambda e: e.pk("milestone"), "person_user"),
    "development:action_plan_verify": (lambda e: e.pk("action_plan"), "person_user"),
    "development:notification_open": (lambda e: e.pk("notification"), "person_user"),
    # An SKM file waiting for its columns to be confirmed: its uploader's only.
    "satisfaction:import_preview": (lambda e: e.pk("skm_upload"), "skm_uploader"),
}

# A person's own workspaces (no object in the URL): a Palembang person sees nothing of Medan
# there and an account without a linked employee is refused. The value says whether the
# Medan person's copy names Medan (the control); "post" marks a form that only takes a POST.
WORKSPACE_PAGES = {
    "development:me": "shows_medan",
    "development:learning_submit": "form",
    "development:team": "form",
    "development:nominate": "post",
}


# Pages behind a personal or public link: no login, the token in the URL is the credential.
# Each entry gives a Medan token and a Palembang token for the page.
@dataclass(frozen=True)
class TokenPage:
    medan: str
    palembang: str


TOKEN_PAGES: dict[str, TokenPage] = {
    "instruments:respond": TokenPage("link_open", "plg_link_open"),
    "instruments:respond_thanks": TokenPage("link_used", "plg_link_used"),
    "satisfaction:public_form": TokenPage("skm_token", "plg_skm_token"),
    "satisfaction:public_thanks": TokenPage("skm_token", "plg_skm_token"),
    "satisfaction:kiosk_form": TokenPage("kiosk_token", "plg_kiosk_token"),
    "satisfaction:kiosk_thanks": TokenPage("kiosk_token", "plg_kiosk_token"),
    "satisfaction:public_results": TokenPage("skm_token", "plg_skm_token"),
    "satisfaction:hall_display": TokenPage("skm_token", "plg_skm_token"),
    "development:verify": TokenPage("certificate_code", "plg_certificate_code"),
}

# Pages with nothing scoped on them: signing in and out, the language switch, Django's admin
# (superusers only, tested in tests/org/test_access.py). The REST API's routes ("api:") are
# walked with tokens by tests/api/test_every_route_is_scoped.py.
PUBLIC_PREFIXES = ("admin:", "login", "logout", "password_", "set_language", "api:")


def _named_patterns(patterns: list[URLPattern | URLResolver], namespace: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _named_patterns(pattern.url_patterns, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}"


def all_url_names() -> set[str]:
    return set(_named_patterns(get_resolver().url_patterns))


@pytest.fixture
def estate(world) -> Estate:
    unit = world.medan_health
    employee = EmployeeFactory(unit=unit, name="Siti Medan Rahasia")
    program = ProgramFactory(owner=world.medan, name="Kepemimpinan Medan")
    cohort = CohortFactory(program=program, name="Angkatan Medan I")
    session = SessionFactory(cohort=cohort, title="Sesi Medan")
    enrollment = EnrollmentFactory(cohort=cohort, employee=employee, status=EnrollmentStatus.PASSED)
    EnrollmentFactory(
        cohort=cohort,
        employee=EmployeeFactory(unit=world.medan_transport, name="Budi Medan"),
        status=EnrollmentStatus.WITHDRAWN,
        absence_reason=AbsenceReason.DUTY_CLASH,
    )
    objects = {
        "unit": unit,
        "employee": employee,
        "program": program,
        "subject": SubjectFactory(program=program, name="Materi Medan"),
        "cohort": cohort,
        "session": session,
        "enrollment": enrollment,
        "budget_line": BudgetLineFactory(cohort=cohort),
    }
    instrument = Instrument.objects.create(
        owner=world.medan, code="INS-MDN", title="Reaksi Medan", purpose="reaksi"
    )
    draft = write_version(instrument=instrument, number=1, document=sample_document("INS-MDN"))
    _add(objects, indicator_estate(world, program, unit))
    objects["instrument"] = instrument
    objects["instrument_section"] = draft.sections.first()
    objects["instrument_item"] = draft.items.get(code="tgl")
    objects["instrument_scale"] = draft.scales.first()
    _add(objects, _campaign_objects(world, cohort))
    _add(objects, _import_jobs(objects["campaign"], employee))
    objects["skm_import_failed"] = SkmImportJob.objects.create(
        owner=world.medan,
        filename="skm-Medan.csv",
        status=SkmImportStatus.FAILED,
        errors=[[2, "kode_unit", "Unit “MDN-PKM-99” di Medan tidak dikenal."]],
        error_count=1,
    )
    uploader = user_with_role("skm-uploader", Role.AGENCY_ADMIN, world.medan)
    objects["skm_uploader"] = uploader
    objects["skm_upload"] = SkmUpload.objects.create(
        owner=world.medan,
        actor=uploader,
        unit=None,
        filename="skm-Medan.csv",
        content=b"Cap waktu,U1\n2026-04-02 08:00,4\n",
    )
    objects["report"] = medan_report(world.medan)
    _add(objects, evidence_estate(world, program))
    _add(objects, _lms_objects(world, cohort, session))
    _add(objects, _schedule_objects(world, program, objects["report"]))
    _add(objects, _recommendation_objects(world, program))
    _add(objects, development_estate(world, employee))
    return Estate(objects)


def _add(objects: dict[str, Any], more: dict[str, Any]) -> None:
    """Merge an app's estate; a shared name would silently point one app's URL at another
    app's object, whose pk only sometimes exists in the first app's table."""
    clashes = objects.keys() & more.keys()
    assert not clashes, f"estate names used twice: {sorted(clashes)}"
    objects.update(more)


def _lms_objects(world, cohort, session) -> dict[str, Any]:
    """A Medan LMS activity mapped to a session, and an API token of a Medan admin."""
    mapping = ActivityMapping.objects.create(
        owner=world.medan,
        activity_id="https://lms.medan.go.id/mod/7",
        activity_name="Modul Medan",
        cohort=cohort,
        session=session,
    )
    mira = user_with_role("mira", Role.AGENCY_ADMIN, world.medan)
    token, _text = token_create(actor=mira, name="Token Medan")
    return {"lms_mapping": mapping, "api_token": token}


def _schedule_objects(world, program, report) -> dict[str, Any]:
    """This year's stored summary of the Medan program, its schedule and a scheduled report
    addressed to Medan (shown on Medan readers' home pages)."""
    year = timezone.localdate().year
    summary = ProgramSummary.objects.create(
        program=program,
        period=str(year),
        period_start=dt.date(year, 1, 1),
        period_end=dt.date(year, 12, 31),
        computed_at=timezone.now(),
        input_hash="0" * 64,
        participation=50.0,
        reaction=4.2,
        cost_per_participant=1_500_000.0,
    )
    schedule = EvaluationSchedule.objects.create(
        program=program,
        frequency="tahunan",
        next_due=dt.date(year + 1, 1, 1),
        owner_unit=world.medan,
    )
    ScheduledRun.objects.create(
        schedule=schedule, period=str(year - 1), summary=summary, snapshot=report
    )
    return {"program_summary": summary, "schedule": schedule}


def _recommendation_objects(world, program) -> dict[str, Any]:
    """A stored Medan recommendation and a threshold Medan's admin set."""
    record = TrackedRecommendation.objects.create(
        scope=world.medan,
        scope_key=f"program={program.pk}",
        period="2025",
        finding_key="participation_below_target",
        rule="participation_below_target",
        code="offer_anytime_modules",
        rules_version="test",
        level="L0",
        statement="Partisipasi Medan rendah.",
        text="Sediakan modul daring untuk peserta Medan.",
        priority=2,
        severity=2,
        strength="kuat",
    )
    ThresholdOverride.objects.create(scope=world.medan, key="min_alpha", value=0.6)
    return {"recommendation": record}


def _import_jobs(campaign, employee) -> dict[str, Any]:
    """A Medan import waiting for its mapping, and a rejected one with its problems."""
    content = csv_bytes(GOOGLE_HEADER, [google_row(employee.nip, Catatan="Catatan Medan")])
    waiting = import_start(
        actor=None, campaign=campaign, filename="jawaban-Medan.csv", content=content
    )
    failed = ResponseImport.objects.create(
        campaign=campaign,
        filename="jawaban-Medan-lama.csv",
        sha256="0" * 64,
        source="google",
        status=ImportStatus.FAILED,
        errors=[[2, "Moda", "Pilihan “Medan” tidak dikenal."]],
        error_count=1,
    )
    return {"response_import_job": waiting, "response_import_failed": failed}


def _links(world, cohort, people: list, *, owner, code: str) -> dict[str, str]:
    """A campaign for `cohort` with one link left open and one already used."""
    now = timezone.now()
    for person in people:
        EnrollmentFactory(cohort=cohort, employee=person, status=EnrollmentStatus.PASSED)
    campaign = campaign_create(
        actor=None,
        access=None,
        version=published_version(owner, code),
        cohort=cohort,
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=7),
    )
    tokens = [token for _inv, token in invitations_issue(actor=None, campaign=campaign)]
    response_submit(invitation=find_invitation(tokens[1]), answers=VALID_ANSWERS)
    return {"campaign": campaign, "link_open": tokens[0], "link_used": tokens[1]}


def _campaign_objects(world, cohort) -> dict[str, Any]:
    medan = _links(
        world,
        cohort,
        [EmployeeFactory(unit=world.medan_health)],
        owner=world.medan,
        code="L1-Medan",
    )
    plg_cohort = CohortFactory(program=ProgramFactory(owner=world.palembang, name="Palembang"))
    plg_people = [EmployeeFactory(unit=world.palembang_health) for _ in range(2)]
    palembang = _links(world, plg_cohort, plg_people, owner=world.palembang, code="L1-PLG")
    service_unit = OrgUnitFactory(
        kind=OrgKind.SERVICE_UNIT, name="Puskesmas Medan Baru", parent=world.medan_health
    )
    plg_service = OrgUnitFactory(
        kind=OrgKind.SERVICE_UNIT, name="Puskesmas Sekip", parent=world.palembang_health
    )
    device, kiosk_token = counter_device_register(
        unit=service_unit, name="Tablet Medan", actor=None
    )
    _plg_device, plg_kiosk_token = counter_device_register(
        unit=plg_service, name="Tablet Palembang", actor=None
    )
    return {
        **medan,
        "plg_link_open": palembang["link_open"],
        "plg_link_used": palembang["link_used"],
        "service_unit": service_unit,
        "skm_token": SkmLink.objects.create(unit=service_unit).token,
        "plg_skm_token": SkmLink.objects.create(unit=plg_service).token,
        "counter_device": device,
        "kiosk_token": kiosk_token,
        "plg_kiosk_token": plg_kiosk_token,
        "skm_follow_up": SkmFollowUp.objects.create(
            unit=service_unit,
            period="2026-T2",
            element="waktu",
            action="Loket tambahan Medan",
            owner="Kepala Puskesmas",
            deadline=dt.date(2026, 9, 30),
        ),
    }


def test_every_named_url_is_classified():
    names = {n for n in all_url_names() if not n.startswith(PUBLIC_PREFIXES)}
    classified = (
        set(OBJECT_PAGES)
        | set(LIST_PAGES)
        | OWN_PAGES
        | set(TOKEN_PAGES)
        | set(PERSON_PAGES)
        | set(WORKSPACE_PAGES)
    )
    unclassified = names - classified
    stale = classified - names
    assert not unclassified, f"say which Medan object these URLs show: {sorted(unclassified)}"
    assert not stale, f"these URL names no longer exist: {sorted(stale)}"


def _text(response) -> str:
    """What a person could read in the response, whether a page, a CSV or a workbook."""
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
        return " ".join(
            str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
        )
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize("name", sorted(OBJECT_PAGES))
def test_another_regions_admin_cannot_reach_a_medan_object(name, client, alice, bob, estate):
    url = reverse(name, kwargs=OBJECT_PAGES[name](estate))
    if name.endswith("_export"):
        url += "?format=csv"
    client.force_login(alice)
    assert client.get(url).status_code in (200, 405), "control: Medan's admin reaches it"

    client.force_login(bob)
    # 404, not 403: another region's admin must not learn the object exists. A POST-only view
    # may answer a GET with 405 before it looks the object up; a POST always meets the lookup.
    got, posted = client.get(url), client.post(url)
    assert got.status_code in (404, 405), name
    assert posted.status_code == 404, name
    assert MARK not in _text(got)


def _list_urls() -> list[str]:
    return [
        f"{name}?{query}" if query else name
        for name, page in sorted(LIST_PAGES.items())
        for query in ("",) * page.bare + page.exports
    ]


@pytest.mark.parametrize("target", _list_urls())
def test_another_regions_lists_and_exports_name_nothing_of_medan(
    target, client, alice, bob, estate
):
    name, _sep, query = target.partition("?")
    url = f"{reverse(name)}?{query}"
    client.force_login(alice)
    alices = client.get(url)
    assert alices.status_code == 200
    if LIST_PAGES[name].shows_medan and not query:
        assert MARK in _text(alices), "control: Medan's admin sees Medan here"

    client.force_login(bob)
    response = client.get(url)
    assert response.status_code == 200
    assert MARK not in _text(response)
    assert estate.objects["employee"].nip not in _text(response)


@pytest.mark.parametrize("name", sorted(OWN_PAGES))
def test_pages_of_ones_own_work_show_nothing_of_anothers(name, client, bob, estate):
    client.force_login(bob)
    response = client.get(reverse(name))
    assert response.status_code in (200, 404, 405)
    assert MARK not in _text(response)


@pytest.mark.parametrize("name", sorted(TOKEN_PAGES))
def test_an_invalid_token_is_a_404_that_names_nothing(name, client, estate):
    for token in ("x" * 32, estate.objects[TOKEN_PAGES[name].medan][:-2] + "zz"):
        url = reverse(name, kwargs={"token": token})
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 404, (name, token)
            assert MARK not in _text(response)


@pytest.mark.parametrize("name", sorted(TOKEN_PAGES))
def test_a_token_page_shows_only_its_own_campaign(name, client, bob, estate):
    page = TOKEN_PAGES[name]
    medans = client.get(reverse(name, kwargs={"token": estate.objects[page.medan]}))
    assert medans.status_code in (200, 410), "control: Medan's token opens Medan's page"
    assert MARK in _text(medans)
    client.force_login(bob)  # being signed in elsewhere changes nothing either
    response = client.get(reverse(name, kwargs={"token": estate.objects[page.palembang]}))
    assert response.status_code in (200, 410)
    assert MARK not in _text(response)


@pytest.mark.parametrize("name", sorted(PERSON_PAGES))
def test_a_persons_page_opens_for_that_person_only(name, client, alice, bob, estate):
    kwargs, owner = PERSON_PAGES[name]
    url = reverse(name, kwargs=kwargs(estate))
    client.force_login(estate.objects[owner])
    assert client.get(url).status_code in (200, 302, 405), "control: the person reaches it"
    for other in (alice, bob, estate.objects["palembang_person_user"]):
        client.force_login(other)
        got, posted = client.get(url), client.post(url)
        assert got.status_code in (403, 404, 405), (name, other.username)
        assert posted.status_code in (403, 404), (name, other.username)
        if other is not alice:  # Medan's admin sees her own scope's name in the header
            assert MARK not in _text(got)


@pytest.mark.parametrize("name", sorted(WORKSPACE_PAGES))
def test_a_workspace_shows_only_its_own_persons_records(name, client, bob, estate):
    url = reverse(name)
    kind = WORKSPACE_PAGES[name]
    ask = client.post if kind == "post" else client.get
    client.force_login(estate.objects["person_user"])
    mine = ask(url)
    assert mine.status_code in (200, 400)
    if kind == "shows_medan":
        assert MARK in _text(mine), "control: the Medan person sees their Medan records"
    client.force_login(estate.objects["palembang_person_user"])
    theirs = ask(url)
    assert theirs.status_code in (200, 400)
    assert MARK not in _text(theirs)
    client.force_login(bob)  # an office account without a linked employee has no workspace
    assert ask(url).status_code == 403
