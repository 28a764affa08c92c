"""Demo evidence from participants: L1 reaction, L2 pre/post tests, L3 behaviour surveys.

Every finished cohort gets the campaigns an organiser would send with the standard
instruments — reaction at the end, a pre-test on the first day and a post-test on the last,
and 3–6 months later a supervisor (atasan) survey about each alumnus, plus an alumni (diri)
survey for some programs — with invitations as `campaign_create` makes them and answers from
most, not all, of the people asked (decision 0006, "Collection data"). Answers are checked by
`check_answers`, stored like `response_submit` stores them (anonymous campaigns carry keyed
pseudonyms and keep only the day) and folded into the item aggregates by `fold_responses`.
"""

import datetime as dt
import random
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sieva.core.periods import add_months
from sieva.demo import answers as gen
from sieva.demo.collection_store import store_campaigns
from sieva.instruments.campaigns.services import PARTICIPANT_STATUSES, pseudonym_series
from sieva.instruments.models import (
    Campaign,
    InstrumentVersion,
    RaterKind,
    TestPhase,
)
from sieva.instruments.services.standard import standard_instruments_load
from sieva.org.models import Employee, OrgKind, OrgUnit
from sieva.programs.models import (
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    ProgramKind,
)

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
ATTENDED = (EnrollmentStatus.PASSED, EnrollmentStatus.FAILED)
L3_OPEN_DAYS = 30  # as the L3 scheduler (instruments/campaigns/l3.py)
STANDARD = {
    "reaction": "STD-L1-REAKSI",
    "test": "STD-L2-TES",
    "supervisor": "STD-L3-ATASAN",
    "self": "STD-L3-ALUMNI",
}


@dataclass
class Person:
    pk: int
    unit_id: int
    status: str
    supervisor: tuple[int, int] | None  # (employee id, unit id) of an active supervisor
    frontline: bool


@dataclass
class Planned:
    """One campaign, whom it asks (invitee, alumnus judged or None) and the answers it got:
    (invitee id, alumnus id or None) -> (answers by item code, submission time)."""

    campaign: Campaign
    invited: list[tuple[Person, Person | None]]
    answered: dict[tuple[int, int | None], tuple[dict[str, Any], dt.datetime]] = field(
        default_factory=dict
    )


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=WIB)


def standard_versions() -> dict[str, InstrumentVersion]:
    # The demo may be built without `sieva demo` (tests); loading is idempotent.
    standard_instruments_load()
    out = {}
    for key, code in STANDARD.items():
        out[key] = (
            InstrumentVersion.objects.filter(
                instrument__code=code, instrument__owner=None, frozen_at__isnull=False
            )
            .select_related("instrument")
            .latest("number")
        )
    return out


def _people(cohorts: list[Cohort]) -> dict[int, list[Person]]:
    """Each cohort's participants as `campaign_create` would invite them."""
    service_units = set(
        OrgUnit.objects.filter(kind=OrgKind.SERVICE_UNIT).values_list("pk", flat=True)
    )
    rows = list(
        Enrollment.objects.filter(cohort__in=cohorts, status__in=PARTICIPANT_STATUSES)
        .values_list(
            "cohort_id", "employee_id", "employee__unit_id", "status", "employee__supervisor_id"
        )
        .order_by("cohort_id", "employee_id")
    )
    supervisors = dict(
        Employee.objects.filter(pk__in={r[4] for r in rows if r[4]}, is_active=True).values_list(
            "pk", "unit_id"
        )
    )
    out: dict[int, list[Person]] = defaultdict(list)
    for cohort_id, pk, unit_id, status, boss in rows:
        chief = (boss, supervisors[boss]) if boss in supervisors else None
        out[cohort_id].append(Person(pk, unit_id, status, chief, unit_id in service_units))
    return out


class CampaignPlanner:
    """Plans the campaigns of each finished cohort, drawing answers from one stream."""

    def __init__(
        self, rng: random.Random, versions: dict[str, InstrumentVersion], today: dt.date
    ) -> None:
        self.rng, self.versions, self.today = rng, versions, today
        self.planned: list[Planned] = []

    def _campaign(
        self, cohort: Cohort, key: str, opens: dt.datetime, closes: dt.datetime, **extra: Any
    ) -> Campaign:
        version = self.versions[key]
        owner = cohort.program.owner
        # As campaign_create does: pseudonyms keyed per program and purpose (decision 0062),
        # supervisors' ratings answered signed in only (decision 0063).
        extra.setdefault("signed_in_only", extra.get("rater_kind") == RaterKind.SUPERVISOR)
        # Status stays "terbuka" as campaign_create leaves it; the dates close the campaign.
        return Campaign(
            name=f"{version.instrument.title} – {cohort}"[:200],
            version=version,
            cohort=cohort,
            owner=owner,
            opens_at=opens,
            closes_at=closes,
            series=pseudonym_series(version.instrument.purpose, cohort, owner),
            **extra,
        )

    def _answer_time(
        self, opens: dt.datetime, closes: dt.datetime, spread_hours: float
    ) -> dt.datetime | None:
        """A moment within `spread_hours` of opening and before closing, or None when it
        falls on or after the reference day (a campaign still open has fewer answers yet)."""
        moment = opens + dt.timedelta(hours=self.rng.uniform(0, spread_hours))
        moment = min(moment, closes - dt.timedelta(minutes=1))
        return moment if moment < _at(self.today, 0) else None

    @staticmethod
    def _keep(plan: Planned, key: tuple[int, int | None], answers: Any, when: Any) -> None:
        if when is not None:
            plan.answered[key] = (answers, when)

    def plan(self, cohort: Cohort, people: list[Person]) -> None:
        rng, profile = self.rng, gen.profile_for(cohort.program.code)
        anonymous = cohort.program.code in gen.ANONYMOUS_PROGRAMS
        attended = [p for p in people if p.status in ATTENDED]
        pairs = [(p, None) for p in people]
        # L1 at the end of the last day, open a week.
        opens, closes = _at(cohort.end_date, 13), _at(cohort.end_date + dt.timedelta(days=7), 23)
        item = Planned(self._campaign(cohort, "reaction", opens, closes), pairs)
        rate = min(0.97, max(0.2, profile.reaction_rate + rng.uniform(-0.06, 0.06)))
        for p in attended:
            if rng.random() < rate:
                answers = gen.reaction_answers(rng, profile)
                self._keep(item, (p.pk, None), answers, self._answer_time(opens, closes, 60))
        self.planned.append(item)
        self._tests(cohort, people, attended, profile, anonymous)
        self._behaviour(cohort, people, attended, profile, anonymous)

    def _tests(self, cohort, people, attended, profile, anonymous) -> None:
        rng = self.rng
        pre_open, post_open = _at(cohort.start_date, 7, 30), _at(cohort.end_date, 9)
        pre = Planned(
            self._campaign(
                cohort,
                "test",
                pre_open,
                pre_open + dt.timedelta(hours=4),
                phase=TestPhase.PRE,
                anonymous=anonymous,
            ),
            [(p, None) for p in people],
        )
        post = Planned(
            self._campaign(
                cohort,
                "test",
                post_open,
                post_open + dt.timedelta(days=1),
                phase=TestPhase.POST,
                anonymous=anonymous,
            ),
            [(p, None) for p in people],
        )
        for p in attended:
            before = gen.ability(rng, profile)
            if rng.random() < 0.95:
                when = self._answer_time(pre_open, pre.campaign.closes_at, 1)
                self._keep(pre, (p.pk, None), gen.test_answers(rng, before), when)
            # A few miss the post-test, those who failed the course more often.
            if rng.random() < (0.93 if p.status == EnrollmentStatus.PASSED else 0.6):
                after = gen.after_training(rng, profile, before)
                when = self._answer_time(post_open, post.campaign.closes_at, 3)
                self._keep(post, (p.pk, None), gen.test_answers(rng, after), when)
        self.planned += [pre, post]

    def _behaviour(self, cohort, people, attended, profile, anonymous) -> None:
        rng = self.rng
        start = add_months(cohort.end_date, profile.l3_months)
        opens = _at(start, 8)
        if opens.date() >= self.today:
            return  # not due yet; `sieva create_l3_campaigns` will make it
        closes = opens + dt.timedelta(days=L3_OPEN_DAYS)
        chiefs = {p.supervisor[0]: p.supervisor for p in people if p.supervisor}
        bosses = {pk: Person(pk, unit, "", None, False) for pk, unit in chiefs.values()}
        pairs = [(bosses[p.supervisor[0]], p) for p in people if p.supervisor]
        item = Planned(
            self._campaign(
                cohort,
                "supervisor",
                opens,
                closes,
                anonymous=anonymous,
                rater_kind=RaterKind.SUPERVISOR,
            ),
            pairs,
        )
        rate = min(0.95, max(0.15, profile.supervisor_rate + rng.uniform(-0.1, 0.1)))
        shown = {p.pk for p in attended}
        for boss, p in pairs:
            if p.pk in shown and rng.random() < rate:
                answers = gen.behaviour_answers(
                    rng, profile, supervisor=True, frontline=p.frontline
                )
                when = self._answer_time(opens, closes, 500)
                self._keep(item, (boss.pk, p.pk), answers, when)
        self.planned.append(item)
        if not profile.self_rating:
            return
        alumni = Planned(
            self._campaign(
                cohort, "self", opens, closes, anonymous=anonymous, rater_kind=RaterKind.SELF
            ),
            [(p, None) for p in people],
        )
        for p in attended:
            if rng.random() < 0.7:
                answers = gen.behaviour_answers(
                    rng, profile, supervisor=False, frontline=p.frontline
                )
                when = self._answer_time(opens, closes, 400)
                self._keep(alumni, (p.pk, None), answers, when)
        self.planned.append(alumni)


def plan_collection(
    *, seed: int, today: dt.date, versions: dict[str, InstrumentVersion]
) -> list[Planned]:
    """Every finished cohort's campaigns and answers, without writing anything."""
    cohorts = list(
        Cohort.objects.filter(status=CohortStatus.FINISHED)
        .exclude(program__kind=ProgramKind.EXTERNAL)  # a record of outside learning, no class
        .select_related("program__owner")
        .order_by("end_date", "pk")
    )
    people = _people(cohorts)
    planner = CampaignPlanner(random.Random(f"{seed}:collection"), versions, today)  # noqa: S311
    for cohort in cohorts:
        if people.get(cohort.pk):
            planner.plan(cohort, people[cohort.pk])
    return planner.planned


def build_collection(*, seed: int, today: dt.date) -> dict[str, int]:
    """Campaigns, invitations and answers for every finished cohort; returns row counts."""
    versions = standard_versions()
    planned = plan_collection(seed=seed, today=today, versions=versions)
    return store_campaigns(planned, versions.values())
