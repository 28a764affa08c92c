"""Staff review of held submissions (decision 0055): accept (counted, with its aggregates, in
one transaction) or reject (kept, never counted). Each decision is audited."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from sieva.audit.services import audit_record
from sieva.org.models import OrgUnit
from sieva.satisfaction.models import HeldStatus, SkmHeldResponse
from sieva.satisfaction.services.submission import response_store


def held_responses_decide(*, unit: OrgUnit, ids: Iterable[int], accept: bool, actor: object) -> int:
    """Accept or reject the pending held responses `ids` of `unit`; returns how many changed.

    Ids of other units or already decided responses are ignored, so a double click or a stale
    page never counts one response twice.
    """
    now = timezone.now()
    changed = 0
    with transaction.atomic():
        held = (
            SkmHeldResponse.objects.select_for_update()
            .filter(unit=unit, pk__in=list(ids), status=HeldStatus.PENDING)
            .order_by("pk")
        )
        for item in held:
            if accept:
                item.response = response_store(
                    unit=unit,
                    period=item.period,
                    submitted_at=item.submitted_at,
                    answers=item.answers,
                    profile=item.profile,
                    suggestion=item.suggestion,
                    source=item.source,
                    key=item.dedupe_key,
                )
            item.status = HeldStatus.ACCEPTED if accept else HeldStatus.REJECTED
            item.decided_at = now
            item.decided_by = actor  # type: ignore[assignment]
            item.save(update_fields=["status", "decided_at", "decided_by", "response"])
            changed += 1
        if changed:
            audit_record(
                actor=actor,
                action="skm.held_accept" if accept else "skm.held_reject",
                obj=unit,
                org_path=unit.path,
                changes={"responses": changed},
            )
    return changed
