"""Answering through a personal link: find the invitation by its token, check it can still be
used, and store the response, its answers, the invitation's use and the aggregates in one
transaction.

The invitation is claimed with a conditional UPDATE (``answered_at IS NULL``): of two
simultaneous submissions with one token, the second waits for the first's row lock and then
updates nothing, so it can never store a second response.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from sieva.audit.services import audit_record
from sieva.instruments.models import CampaignStatus, Invitation, Response
from sieva.instruments.pseudonyms import pseudonym
from sieva.instruments.services import response_record
from sieva.instruments.tokens import looks_like_token, token_hash


class LinkUnusable(Exception):
    """The link exists but cannot take an answer; `str()` is the message for the respondent."""


def find_invitation(token: str) -> Invitation | None:
    """The invitation whose link carries `token`, or None (also for malformed tokens)."""
    if not looks_like_token(token):
        return None
    return (
        Invitation.objects.select_related(
            "campaign__version__instrument", "campaign__owner", "employee__unit", "subject"
        )
        .filter(token_hash=token_hash(token))
        .first()
    )


def _day(moment: dt.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "j F Y")


def unusable_reason(invitation: Invitation, now: dt.datetime | None = None) -> str | None:
    """Why the link cannot be answered now (used, closed, not yet open), or None."""
    now = now or timezone.now()
    campaign = invitation.campaign
    if invitation.answered_at is not None:
        return _(
            "Tautan ini sudah dipakai pada %(day)s. Setiap tautan hanya dapat dipakai "
            "sekali; terima kasih atas jawaban Anda."
        ) % {"day": _day(invitation.answered_at)}
    if campaign.status == CampaignStatus.CLOSED or now >= campaign.closes_at:
        return _("Survei ini sudah ditutup pada %(day)s; jawaban tidak dapat dikirim lagi.") % {
            "day": _day(min(now, campaign.closes_at))
        }
    if now < campaign.opens_at:
        return _("Survei ini baru dibuka pada %(day)s.") % {"day": _day(campaign.opens_at)}
    return None


def _answer_time(invitation: Invitation, now: dt.datetime) -> dt.datetime:
    """Anonymous answers keep only the day (WIB), so the time on the invitation and the time
    on the response cannot be matched to tell who answered what."""
    if not invitation.campaign.anonymous:
        return now
    local = timezone.localtime(now)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class Submitted:
    response: Response
    answered_at: dt.datetime


@transaction.atomic
def response_submit(
    *, invitation: Invitation, answers: dict[str, Any], now: dt.datetime | None = None
) -> Submitted:
    """Store `answers` for `invitation`.

    Raises LinkUnusable when the link was used (also by a simultaneous request), the
    campaign is closed or not open yet; ValidationError keyed by item code for bad answers.
    Either way nothing is stored.
    """
    now = now or timezone.now()
    reason = unusable_reason(invitation, now)
    if reason:
        raise LinkUnusable(reason)
    stamp = _answer_time(invitation, now)
    claimed = Invitation.objects.filter(pk=invitation.pk, answered_at__isnull=True).update(
        answered_at=stamp
    )
    if not claimed:
        invitation.refresh_from_db(fields=["answered_at"])
        raise LinkUnusable(unusable_reason(invitation, now) or "")
    campaign = invitation.campaign
    employee, subject = invitation.employee, invitation.subject
    identity: dict[str, Any]
    if campaign.anonymous:
        identity = {
            "pseudonym": pseudonym(campaign.series, employee.pk),
            "subject_pseudonym": pseudonym(campaign.series, subject.pk) if subject else "",
        }
    else:
        identity = {"respondent": employee, "subject": subject}
    # A ValidationError here leaves this atomic block, which undoes the claim: the link stays
    # usable for a corrected answer.
    response = response_record(
        version=campaign.version,
        answers=answers,
        submitted_at=stamp,
        unit=employee.unit,
        campaign=campaign,
        **identity,
    )
    if not campaign.anonymous:
        Invitation.objects.filter(pk=invitation.pk).update(response=response)
    # The audit names the campaign only: in anonymous mode an invitation id would re-link.
    audit_record(
        actor=None,
        action="campaign.response",
        obj=campaign,
        org_path=campaign.owner.path,
        changes={} if campaign.anonymous else {"invitation": invitation.pk},
    )
    invitation.answered_at = stamp
    return Submitted(response, stamp)
