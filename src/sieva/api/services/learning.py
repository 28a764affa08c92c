"""Learning records in: statements (from xAPI or an LMS completion report) resolved to an
employee and a mapped activity, then applied through `programs.learning_records_apply`.

Idempotent on the statement id: a statement already received is acknowledged and changes
nothing. A statement about an activity nobody mapped yet is kept as *pending* and applied when
an organiser maps the activity. One problem rejects the whole batch (as the xAPI batch rule
and SIEVA's imports both ask), each problem naming the statement's position.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from sieva.api.models import ActivityMapping, LearningStatement, StatementOutcome
from sieva.api.xapi.statements import Statement
from sieva.org.access import Access, scope_queryset
from sieva.org.models import Employee, OrgUnit
from sieva.programs.models import EnrollmentStatus, Session
from sieva.programs.services import CompletionRecord, RecordsRejected, learning_records_apply

ATTENDING_VERBS = ("completed", "passed", "attended")
RESULT_OF = {
    "completed": EnrollmentStatus.PASSED,
    "passed": EnrollmentStatus.PASSED,
    "failed": EnrollmentStatus.FAILED,
}


class StatementsRejected(Exception):
    """Nothing was stored; `problems` lists (position, field, message)."""

    def __init__(self, problems: list[tuple[int, str, str]]) -> None:
        super().__init__(problems)
        self.problems = problems


@dataclass
class Received:
    """What a batch did: ids in the order received, and how each statement ended."""

    ids: list[str] = field(default_factory=list)
    applied: int = 0
    pending: int = 0
    duplicates: int = 0
    ignored: int = 0


def _mappings(access: Access, activity_ids: Iterable[str]) -> dict[str, list[ActivityMapping]]:
    """Mappings of `activity_ids` owned in the caller's subtree or above it."""
    above = [int(part) for part in access.scope_path.strip("/").split("/") if part]
    rows = (
        ActivityMapping.objects.filter(activity_id__in=set(activity_ids))
        .filter(Q(owner__path__startswith=access.scope_path) | Q(owner_id__in=above))
        .select_related("owner", "cohort", "session")
    )
    found: dict[str, list[ActivityMapping]] = {}
    for mapping in rows:
        found.setdefault(mapping.activity_id, []).append(mapping)
    return found


class Person(NamedTuple):
    pk: int
    unit_path: str


def _pick(candidates: list[ActivityMapping], person: Person) -> ActivityMapping:
    """The mapping whose owner is nearest above the employee (else the first)."""
    covering = [m for m in candidates if person.unit_path.startswith(m.owner.path)]
    return max(covering or candidates, key=lambda m: len(m.owner.path))


def _home_unit(access: Access) -> OrgUnit:
    if access.scope_id is not None:
        return OrgUnit.objects.get(pk=access.scope_id)
    return OrgUnit.objects.order_by("depth", "pk").first()  # type: ignore[return-value]


def cohort_sessions(cohort_ids: Iterable[int]) -> dict[int, list[Session]]:
    sessions: dict[int, list[Session]] = {}
    for session in Session.objects.filter(cohort_id__in=set(cohort_ids)).order_by("date", "pk"):
        sessions.setdefault(session.cohort_id, []).append(session)
    return sessions


def completion_record(
    *,
    employee_id: int,
    verb: str,
    day: dt.date,
    mapping: ActivityMapping,
    sessions: dict[int, list[Session]],
) -> CompletionRecord:
    """What one statement means for the mapped cohort or session (decision 0042).

    A session mapping: completed/passed/attended tick that session. A cohort mapping:
    completed/passed/attended tick every session held up to the statement's day, and
    completed/passed finish the course as lulus. failed: tidak lulus, no session ticked.
    """
    if mapping.cohort_id is None:
        raise ValueError("a pending mapping has no cohort to record against")
    session_ids: tuple[int, ...] = ()
    if verb in ATTENDING_VERBS:
        if mapping.session_id is not None:
            session_ids = (mapping.session_id,)
        else:
            session_ids = tuple(s.pk for s in sessions.get(mapping.cohort_id, []) if s.date <= day)
    result = RESULT_OF.get(verb, "") if mapping.session_id is None or verb == "failed" else ""
    return CompletionRecord(employee_id, mapping.cohort_id, session_ids, result)


def statements_receive(
    *, actor: Any, access: Access, statements: Sequence[Statement], source: str
) -> Received:
    """Store and apply `statements`; StatementsRejected (nothing stored) on any problem."""
    received = Received(ids=[str(s.id) for s in statements])
    known = set(
        LearningStatement.objects.filter(statement_id__in=[s.id for s in statements]).values_list(
            "statement_id", flat=True
        )
    )
    todo: list[tuple[int, Statement]] = []
    for index, statement in enumerate(statements):
        if statement.id in known:
            received.duplicates += 1
        elif not statement.verb:
            received.ignored += 1
        else:
            todo.append((index, statement))
        known.add(statement.id)
    if not todo:
        return received
    employees = {
        nip: Person(pk, path)
        for nip, pk, path in scope_queryset(Employee.objects.all(), access, "unit")
        .filter(nip__in={s.nip for _i, s in todo})
        .values_list("nip", "pk", "unit__path")
    }
    problems = [
        (
            i,
            "actor.account.name",
            _("NIP %(nip)s tidak ditemukan dalam cakupan Anda.") % {"nip": s.nip},
        )
        for i, s in todo
        if s.nip not in employees
    ]
    if problems:
        raise StatementsRejected(problems)
    with transaction.atomic():
        _store(actor, access, todo, employees, source, received)
    return received


def _store(
    actor: Any,
    access: Access,
    todo: list[tuple[int, Statement]],
    employees: dict[str, Person],
    source: str,
    received: Received,
) -> None:
    mappings = _mappings(access, (s.activity_id for _i, s in todo))
    home = None
    for _i, statement in todo:
        if statement.activity_id not in mappings:
            home = home or _home_unit(access)
            created = ActivityMapping.objects.create(
                owner=home, activity_id=statement.activity_id, activity_name=statement.activity_name
            )
            mappings[statement.activity_id] = [created]
    chosen = {i: _pick(mappings[s.activity_id], employees[s.nip]) for i, s in todo}
    sessions = cohort_sessions(m.cohort_id for m in chosen.values() if m.cohort_id)
    records: list[CompletionRecord] = []
    positions: list[int] = []
    rows: list[LearningStatement] = []
    for i, statement in todo:
        mapping, employee = chosen[i], employees[statement.nip]
        outcome = StatementOutcome.PENDING
        if not mapping.is_pending:
            outcome = StatementOutcome.APPLIED
            day = timezone.localtime(statement.timestamp).date()
            records.append(
                completion_record(
                    employee_id=employee.pk,
                    verb=statement.verb,
                    day=day,
                    mapping=mapping,
                    sessions=sessions,
                )
            )
            positions.append(i)
        rows.append(
            LearningStatement(
                statement_id=statement.id,
                received_by=actor if getattr(actor, "is_authenticated", False) else None,
                mapping=mapping,
                employee_id=employee.pk,
                verb=statement.verb,
                timestamp=statement.timestamp,
                duration_seconds=statement.duration_seconds,
                score_scaled=statement.score_scaled,
                outcome=outcome,
            )
        )
    try:
        learning_records_apply(actor=actor, records=records, source=source)
    except RecordsRejected as exc:
        raise StatementsRejected(
            [(positions[index], "object.id", message) for index, message in exc.problems]
        ) from None
    LearningStatement.objects.bulk_create(rows, batch_size=1000)
    received.applied = sum(1 for r in rows if r.outcome == StatementOutcome.APPLIED)
    received.pending = len(rows) - received.applied
