"""Reads for campaign pages: the list with response counts, the response rate with its
uncertainty, who has not answered, and the response table (screen and export)."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from sieva.analysis.descriptive import ProportionEstimate, proportion_ci
from sieva.analysis.sampling import margin_of_error
from sieva.instruments.campaigns.access import campaigns_for_user
from sieva.instruments.models import Answer, Campaign, CampaignStatus, Invitation, Response
from sieva.org.access import Access


@dataclass(frozen=True)
class CampaignFilter:
    q: str = ""
    purpose: str = ""
    status: str = ""


STATE_OPEN, STATE_UPCOMING, STATE_ENDED = "berjalan", "akan_datang", "berakhir"


def campaign_list(access: Access, filters: CampaignFilter) -> QuerySet[Campaign]:
    """Campaigns in scope with `invited` and `answered` counts; `status` is the state people
    see: running, upcoming, or ended (closed by hand or past its closing time)."""
    queryset = campaigns_for_user(access)
    if filters.q:
        queryset = queryset.filter(name__icontains=filters.q)
    if filters.purpose:
        queryset = queryset.filter(version__instrument__purpose=filters.purpose)
    now = timezone.now()
    ended = Q(status=CampaignStatus.CLOSED) | Q(closes_at__lte=now)
    if filters.status == STATE_ENDED:
        queryset = queryset.filter(ended)
    elif filters.status == STATE_OPEN:
        queryset = queryset.exclude(ended).filter(opens_at__lte=now)
    elif filters.status == STATE_UPCOMING:
        queryset = queryset.exclude(ended).filter(opens_at__gt=now)
    # Correlated counts, not a join + GROUP BY over every campaign: the database computes them
    # only for the page of rows shown (and the paginator's count leaves them out).
    invitations = Invitation.objects.filter(campaign=OuterRef("pk")).order_by()
    return queryset.annotate(
        invited=_count(invitations),
        answered=_count(invitations.filter(answered_at__isnull=False)),
    ).order_by("-opens_at", "-pk")


def _count(rows: QuerySet[Invitation]) -> Subquery:
    return Coalesce(Subquery(rows.values("campaign").annotate(n=Count("pk")).values("n")[:1]), 0)


def campaign_state(campaign: Campaign) -> str:
    now = timezone.now()
    if campaign.status == CampaignStatus.CLOSED or campaign.closes_at <= now:
        return STATE_ENDED
    return STATE_UPCOMING if campaign.opens_at > now else STATE_OPEN


@dataclass(frozen=True)
class ResponseRate:
    """`answered` of `invited`, the Wilson 95 % interval of the rate, and the worst-case margin
    of error (p = 0.5, finite population of the invited) of a percentage from these answers."""

    invited: int
    answered: int
    estimate: ProportionEstimate | None
    margin_of_error: float | None

    @property
    def pending(self) -> int:
        return self.invited - self.answered

    @property
    def percent(self) -> float | None:
        return 100 * self.estimate.proportion if self.estimate else None

    @property
    def ci_percent(self) -> tuple[float, float] | None:
        if self.estimate is None:
            return None
        return 100 * self.estimate.ci.low, 100 * self.estimate.ci.high

    @property
    def margin_percent(self) -> float | None:
        return None if self.margin_of_error is None else 100 * self.margin_of_error


def response_rate(campaign: Campaign) -> ResponseRate:
    counts = campaign.invitations.aggregate(
        invited=Count("pk"), answered=Count("pk", filter=Q(answered_at__isnull=False))
    )
    invited, answered = counts["invited"], counts["answered"]
    estimate = proportion_ci(answered, invited) if invited else None
    margin = margin_of_error(answered, invited) if answered and invited else None
    return ResponseRate(invited, answered, estimate, margin)


def pending_invitations(campaign: Campaign) -> QuerySet[Invitation]:
    """Who has not answered yet (for reminders), with unit and the person they judge; nobody
    for an anonymous campaign, where the list shrinking by one name as each answer arrives
    would tell who answered (decision 0062: only the count is shown)."""
    if campaign.anonymous:
        return Invitation.objects.none()
    return (
        campaign.invitations.filter(answered_at__isnull=True)
        .select_related("employee__unit", "subject")
        .order_by("employee__name", "pk")
    )


def open_invitations_of(employee_id: int, now: dt.datetime | None = None) -> QuerySet[Invitation]:
    """What waits on one person: their unanswered invitations in campaigns open now, soonest
    closing first (the workspace lists them; the reminders count them)."""
    now = now or timezone.now()
    return (
        Invitation.objects.filter(
            employee_id=employee_id,
            answered_at__isnull=True,
            campaign__status=CampaignStatus.OPEN,
            campaign__opens_at__lte=now,
            campaign__closes_at__gt=now,
        )
        .select_related("campaign__version__instrument", "campaign__cohort__program", "subject")
        .order_by("campaign__closes_at", "pk")
    )


def answered_invitations(campaign: Campaign) -> QuerySet[Invitation]:
    """Who has answered — only for named campaigns; an anonymous one never lists them."""
    if campaign.anonymous:
        return Invitation.objects.none()
    return (
        campaign.invitations.filter(answered_at__isnull=False)
        .select_related("employee__unit", "subject")
        .order_by("-answered_at", "pk")
    )


def min_cell_size() -> int:
    return int(getattr(settings, "SIEVA_MIN_CELL_SIZE", 5))


WITHHELD_SMALL = "kecil"  # fewer than the minimum cell size
WITHHELD_NO_RIGHTS = "tanpa_hak"  # anonymous rows, reader without personal-data rights


@dataclass(frozen=True)
class ResponseTable:
    headers: list[str]
    rows: list[list[Any]]
    count: int
    withheld: str = ""  # why no row is shown: WITHHELD_SMALL, WITHHELD_NO_RIGHTS or ""

    @property
    def suppressed(self) -> bool:
        return bool(self.withheld)


def _value(answer: Answer) -> Any:
    if answer.value_json is not None:
        if isinstance(answer.value_json, dict):
            return "; ".join(f"{k}={v}" for k, v in answer.value_json.items())
        return "; ".join(str(v) for v in answer.value_json)
    if answer.value_number is not None and answer.item.kind != "single":
        number = answer.value_number
        return int(number) if number == number.to_integral_value() else number
    return answer.value_text


def _withheld(campaign: Campaign, count: int, personal: bool) -> str:
    if campaign.anonymous and not personal:
        return WITHHELD_NO_RIGHTS
    if count < min_cell_size() and (campaign.anonymous or not personal):
        return WITHHELD_SMALL
    return ""


def response_table(campaign: Campaign, *, personal: bool) -> ResponseTable:
    """One row per response, one column per item code (decision 0062).

    Names only with `personal` and in a named campaign, else a pseudonym (anonymous) or a
    running number. No rows at all below the minimum cell size when the reader may not see
    persons or the campaign is anonymous, nor for an anonymous campaign read without
    personal-data rights. On rows without names the unit — a quasi-identifier — is shown
    only for units from which at least the minimum cell size answered.
    """
    items = list(campaign.version.items.order_by("section__order", "order", "pk"))
    responses = list(
        Response.objects.filter(campaign=campaign)
        .select_related("respondent", "subject", "unit")
        .prefetch_related("answers__item")
        .order_by("submitted_at", "pk")
    )
    named = personal and not campaign.anonymous
    who = [_("Responden"), _("NIP")] if named else [_("Pseudonim")]
    rated = [_("Dinilai")] if campaign.rater_kind and named else []
    headers = [_("No. urut"), _("Tanggal"), *who, _("Unit"), *rated, *[i.code for i in items]]
    withheld = _withheld(campaign, len(responses), personal)
    if withheld:
        return ResponseTable(headers, [], len(responses), withheld)
    per_unit = Counter(response.unit_id for response in responses)
    rows = []
    for number, response in enumerate(responses, start=1):
        by_item = {a.item_id: _value(a) for a in response.answers.all()}
        if named:
            person = response.respondent
            identity = [person.name if person else "", person.nip if person else ""]
        else:
            identity = [response.pseudonym or f"R{number}"]
        subject = [response.subject.name if response.subject else ""] if rated else []
        unit = response.unit.name if response.unit else ""
        if not named and per_unit[response.unit_id] < min_cell_size():
            unit = ""
        answers = [by_item.get(item.pk, "") for item in items]
        day = timezone.localtime(response.submitted_at).date()
        rows.append([number, day, *identity, unit, *subject, *answers])
    return ResponseTable(headers, rows, len(responses))
