"""LMS activity mappings (an activity id -> a SIEVA cohort or session), the pending statements
they release, and the LMS completion report import."""

from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.api.models import ActivityMapping, StatementOutcome
from sieva.api.services.learning import (
    Received,
    StatementsRejected,
    cohort_sessions,
    completion_record,
    statements_receive,
)
from sieva.api.xapi import completion_csv as csv_layout
from sieva.audit.services import audit_record
from sieva.org.access import Access
from sieva.programs.models import Cohort, Session
from sieva.programs.services import learning_records_apply

MAPPING_TAKEN = _("Aktivitas ini sudah dipetakan untuk %(owner)s.")
SESSION_ELSEWHERE = _("Sesi itu bukan bagian dari angkatan yang dipilih.")
# Where a statement's problem sits in the completion report.
_COLUMN_OF = {"actor.account.name": csv_layout.NIP, "object.id": csv_layout.ACTIVITY}


@transaction.atomic
def mapping_save(
    *,
    actor: Any,
    mapping: ActivityMapping | None,
    activity_id: str,
    activity_name: str,
    cohort: Cohort,
    session: Session | None,
) -> tuple[ActivityMapping, int]:
    """Create or change a mapping (the cohort already checked against the user's access) and
    apply the statements that waited for it; returns the mapping and how many were applied."""
    if session is not None and session.cohort_id != cohort.pk:
        raise ValidationError({"session": SESSION_ELSEWHERE})
    if mapping is None:
        mapping = ActivityMapping(owner=cohort.program.owner, activity_id=activity_id.strip())
        clash = ActivityMapping.objects.filter(owner=mapping.owner, activity_id=mapping.activity_id)
        if clash.exists():
            raise ValidationError(
                {
                    "activity_id": ValidationError(
                        MAPPING_TAKEN, params={"owner": mapping.owner.name}
                    )
                }
            )
    before = {"cohort": mapping.cohort_id, "session": mapping.session_id}
    mapping.activity_name = activity_name.strip()
    mapping.cohort, mapping.session = cohort, session
    mapping.save()
    audit_record(
        actor=actor,
        action="lms_mapping.save",
        obj=mapping,
        org_path=mapping.owner.path,
        changes={
            "activity_id": mapping.activity_id,
            "cohort": [before["cohort"], cohort.pk],
            "session": [before["session"], session.pk if session else None],
        },
    )
    return mapping, _apply_pending(actor, mapping)


def _apply_pending(actor: Any, mapping: ActivityMapping) -> int:
    pending = list(mapping.statements.filter(outcome=StatementOutcome.PENDING))
    if not pending:
        return 0
    sessions = cohort_sessions([mapping.cohort_id])  # type: ignore[list-item]
    records = [
        completion_record(
            employee_id=statement.employee_id,
            verb=statement.verb,
            day=timezone.localtime(statement.timestamp).date(),
            mapping=mapping,
            sessions=sessions,
        )
        for statement in pending
    ]
    learning_records_apply(actor=actor, records=records, source="lms_mapping")
    mapping.statements.filter(pk__in=[s.pk for s in pending]).update(
        outcome=StatementOutcome.APPLIED
    )
    return len(pending)


@dataclass
class CompletionImport:
    received: Received | None = None
    errors: list[tuple[int, str, str]] = field(default_factory=list)


def completion_import(
    *, actor: Any, access: Access, file_obj: IO[bytes], filename: str
) -> CompletionImport:
    """Read an LMS completion report and receive its rows as statements, all or nothing."""
    report = csv_layout.read_report(file_obj, filename)
    if report.errors:
        return CompletionImport(errors=report.errors)
    try:
        received = statements_receive(
            actor=actor, access=access, statements=report.statements, source="lms_csv"
        )
    except StatementsRejected as exc:
        errors = [
            (report.rows[index], _COLUMN_OF.get(name, name), message)
            for index, name, message in exc.problems
        ]
        return CompletionImport(errors=sorted(errors))
    return CompletionImport(received=received)
