"""Facts the findings need that the evaluation result does not carry, read through this one
adapter: the program's own participation target, cohorts with no behaviour evaluation long
after they ended, programs planned without a needs survey, and other programs' unit costs.

`Facts` is the interface; `StaticFacts` serves tests and callers without a database;
`DatabaseFacts` reads the cohorts of the evaluated scope inside the user's subtree.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from statistics import median
from typing import Protocol

from django.db.models import Min, Sum
from django.utils import timezone

from sieva.core.periods import add_months
from sieva.evaluation.engine.scope import Scope, evaluated_in_scope
from sieva.instruments.models import Campaign, Purpose
from sieva.org.access import Access
from sieva.programs.models import Attendance, BudgetLine, Enrollment, Program
from sieva.programs.selectors.participation import funnel_by

LISTED = 5  # names quoted in a statement; the count says how many there are in all


@dataclass(frozen=True)
class Listing:
    """`names` (at most LISTED) of `count` matching items out of `total` examined."""

    names: tuple[str, ...] = ()
    count: int = 0
    total: int = 0


class Facts(Protocol):
    def participation_target(self) -> float | None: ...

    def cohorts_without_behaviour_evaluation(self, months: int) -> Listing: ...

    def programs_without_needs_survey(self) -> Listing: ...

    def peer_unit_costs(self) -> dict[str, list[float]]: ...


@dataclass(frozen=True)
class StaticFacts:
    """Facts given outright (tests, or callers that have no database at hand)."""

    target: float | None = None
    without_behaviour: Listing = Listing()
    without_needs: Listing = Listing()
    peers: dict[str, list[float]] = field(default_factory=dict)

    def participation_target(self) -> float | None:
        return self.target

    def cohorts_without_behaviour_evaluation(self, months: int) -> Listing:
        return self.without_behaviour

    def programs_without_needs_survey(self) -> Listing:
        return self.without_needs

    def peer_unit_costs(self) -> dict[str, list[float]]:
        return self.peers


def _listing(names: list[str], total: int) -> Listing:
    return Listing(tuple(sorted(names)[:LISTED]), len(names), total)


class DatabaseFacts:
    def __init__(self, access: Access, scope: Scope, today: dt.date | None = None) -> None:
        self.access, self.scope = access, scope
        self.today = today or timezone.localdate()

    @cached_property
    def cohorts(self):  # type: ignore[no-untyped-def]
        return evaluated_in_scope(self.access, self.scope)

    @cached_property
    def program_ids(self) -> list[int]:
        return sorted(set(self.cohorts.values_list("program_id", flat=True)))

    def participation_target(self) -> float | None:
        """A single program's own target; None when the scope spans several programs."""
        if len(self.program_ids) != 1:
            return None
        return float(Program.objects.get(pk=self.program_ids[0]).participation_target)

    def cohorts_without_behaviour_evaluation(self, months: int) -> Listing:
        cutoff = add_months(self.today.replace(day=1), -months)
        ended = self.cohorts.filter(end_date__lt=cutoff).select_related("program")
        evaluated = set(
            Campaign.objects.filter(
                cohort__in=ended.values("pk"), version__instrument__purpose=Purpose.BEHAVIOUR
            ).values_list("cohort_id", flat=True)
        )
        rows = list(ended)
        return _listing([str(c) for c in rows if c.pk not in evaluated], len(rows))

    def programs_without_needs_survey(self) -> Listing:
        programs = list(
            Program.objects.filter(pk__in=self.program_ids)
            .annotate(first_start=Min("cohorts__start_date"))
            .order_by("name")
        )
        surveys = Campaign.objects.filter(version__instrument__purpose=Purpose.NEEDS).values_list(
            "cohort__program_id", "owner_id", "opens_at"
        )
        by_program: dict[int, list[dt.date]] = defaultdict(list)
        by_owner: dict[int, list[dt.date]] = defaultdict(list)
        for program_id, owner_id, opens_at in surveys.filter(
            owner__in=[p.owner_id for p in programs]
        ):
            day = timezone.localtime(opens_at).date()
            if program_id is not None:
                by_program[program_id].append(day)
            by_owner[owner_id].append(day)
        missing = [
            p.name
            for p in programs
            if not any(day < p.first_start for day in [*by_program[p.pk], *by_owner[p.owner_id]])
        ]
        return _listing(missing, len(programs))

    def peer_unit_costs(self) -> dict[str, list[float]]:
        """Cost per attending participant and per participant-JP of every other program in
        the user's subtree that has realised budget (medians are taken by the rule)."""
        others = evaluated_in_scope(self.access, Scope()).exclude(program_id__in=self.program_ids)
        budgeted = BudgetLine.objects.filter(cohort__in=others.values("pk"))
        realised = {
            row["cohort__program_id"]: float(row["total"])
            for row in budgeted.values("cohort__program_id")
            .annotate(total=Sum("realised"))
            .order_by()
            if row["total"]
        }
        cohort_ids = budgeted.values("cohort_id")
        attended = {
            key["cohort__program_id"]: funnel.attended
            for key, funnel in funnel_by(
                Enrollment.objects.filter(cohort__in=cohort_ids), "cohort__program_id"
            )
        }
        jp = {
            row["enrollment__cohort__program_id"]: float(row["jp"] or 0)
            for row in Attendance.objects.filter(enrollment__cohort__in=cohort_ids)
            .values("enrollment__cohort__program_id")
            .annotate(jp=Sum("session__jp"))
            .order_by()
        }
        peers: dict[str, list[float]] = {"per_participant": [], "per_participant_jp": []}
        for program, cost in realised.items():
            if attended.get(program):
                peers["per_participant"].append(cost / attended[program])
            if jp.get(program):
                peers["per_participant_jp"].append(cost / jp[program])
        return peers


def peer_median(values: list[float], minimum: int = 3) -> float | None:
    """The median of at least `minimum` peers; fewer make no reference."""
    return median(values) if len(values) >= minimum else None
