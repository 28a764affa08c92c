"""Storing checked rows: responses and answers in batches (`bulk_create`, never a save per
row), each batch folded into the item aggregates and handed to the receiver of the
instrument's purpose (`extensions`; SKM campaigns count in the IKM), invitations marked
answered — all inside the caller's transaction, so an error anywhere leaves nothing behind.

Rows go in through `bulk_create` rather than the SKM path's `executemany`/`COPY`: each
response needs its primary key back for its answers, and survey exports are thousands of
rows, not millions (decision 0014).
"""

import datetime as dt

from django.utils import timezone

from sieva.instruments.extensions import StoredResponse, hand_over
from sieva.instruments.imports.rows import ReadRow
from sieva.instruments.models import Answer, Campaign, Invitation, Response
from sieva.instruments.pseudonyms import pseudonym
from sieva.instruments.services import answer_for
from sieva.instruments.services.aggregates import fold_responses

BATCH = 500  # responses per batch: well under SQLite's 32,766 bound parameters for the fold


def _day(moment: dt.datetime) -> dt.datetime:
    """Anonymous answers keep the day only (decision 0010)."""
    return timezone.localtime(moment).replace(hour=0, minute=0, second=0, microsecond=0)


def _response(
    campaign: Campaign, row: ReadRow, invitation: Invitation | None, now: dt.datetime
) -> Response:
    moment = row.submitted_at or now
    response = Response(
        version=campaign.version,
        campaign=campaign,
        submitted_at=_day(moment) if campaign.anonymous else moment,
        unit=campaign.target_unit or campaign.owner,
    )
    if invitation is None:
        return response
    employee, subject = invitation.employee, invitation.subject
    response.unit = employee.unit
    if campaign.anonymous:
        response.pseudonym = pseudonym(campaign.series, employee.pk)
        response.subject_pseudonym = pseudonym(campaign.series, subject.pk) if subject else ""
    else:
        response.respondent, response.subject = employee, subject
    return response


def write_rows(
    campaign: Campaign, rows: list[tuple[ReadRow, Invitation | None]]
) -> tuple[int, int]:
    """Store `rows`; returns (responses stored, invitations marked answered)."""
    items = {item.code: item for item in campaign.version.items.all()}
    now = timezone.now()
    answered: list[Invitation] = []
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        responses = Response.objects.bulk_create(
            [_response(campaign, row, invitation, now) for row, invitation in batch]
        )
        answers: list[Answer] = []
        for response, (row, invitation) in zip(responses, batch, strict=True):
            answers += [answer_for(response, items[c], v) for c, v in row.answers.items()]
            if invitation is not None:
                invitation.answered_at = response.submitted_at
                if not campaign.anonymous:
                    invitation.response = response  # anonymous: never link the two
                answered.append(invitation)
        Answer.objects.bulk_create(answers, batch_size=2000)
        fold_responses(responses)
        hand_over(
            campaign,
            [
                StoredResponse(r, row.answers)
                for r, (row, _inv) in zip(responses, batch, strict=True)
            ],
            imported=True,
        )
    fields: list[str] = ["answered_at"] + ([] if campaign.anonymous else ["response"])
    Invitation.objects.bulk_update(answered, fields, batch_size=1000)
    return len(rows), len(answered)
