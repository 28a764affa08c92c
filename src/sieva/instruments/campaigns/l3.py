"""Scheduling L3 (behaviour) surveys: N months after a cohort ends, ask its participants'
supervisors how the alumni work now. `SIEVA_L3_MONTHS_AFTER` (default 3) sets N; LAN
practice is 3 to 12 months after training (DOMAIN.md)."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from sieva.core.periods import add_months
from sieva.instruments.campaigns.services import campaign_create
from sieva.instruments.models import Campaign, InstrumentVersion, Purpose, RaterKind
from sieva.programs.models import Cohort, CohortStatus

DEFAULT_MONTHS_AFTER = 3
OPEN_DAYS = 30  # how long supervisors get to answer


def months_after() -> int:
    return int(getattr(settings, "SIEVA_L3_MONTHS_AFTER", DEFAULT_MONTHS_AFTER))


def l3_campaigns_due(today: dt.date) -> QuerySet[Cohort]:
    """Cohorts that ended at least N months before `today` and have no supervisor L3
    campaign yet (cancelled cohorts never do)."""
    latest_end = add_months(today, -months_after())
    has_one = Campaign.objects.filter(
        cohort=OuterRef("pk"),
        version__instrument__purpose=Purpose.BEHAVIOUR,
        rater_kind=RaterKind.SUPERVISOR,
    )
    return (
        Cohort.objects.filter(end_date__lte=latest_end)
        .exclude(status=CohortStatus.CANCELLED)
        .exclude(Exists(has_one))
        .select_related("program__owner")
        .order_by("end_date", "pk")
    )


def supervisor_l3_version() -> InstrumentVersion | None:
    """The newest published standard L3 instrument for supervisors."""
    return (
        InstrumentVersion.objects.filter(
            frozen_at__isnull=False,
            instrument__is_standard=True,
            instrument__purpose=Purpose.BEHAVIOUR,
            instrument__rater_kind=RaterKind.SUPERVISOR,
        )
        .select_related("instrument")
        .order_by("-instrument__pk", "-number")
        .first()
    )


def l3_campaigns_create(
    *, today: dt.date, actor: Any = None, anonymous: bool = True
) -> tuple[list[Campaign], list[tuple[Cohort, str]]]:
    """Create the due campaigns (each in its own transaction); returns those created and the
    cohorts skipped with the reason (e.g. no participant has a supervisor on record).

    Anonymous by default: supervisors judge more frankly when no one reads their name. Signed
    in only: each supervisor answers from their own workspace (/tim/), so no link can be
    forwarded to someone else.
    Raises ValidationError when the standard L3 instrument is not loaded.
    """
    version = supervisor_l3_version()
    if version is None:
        raise ValidationError(
            "Instrumen standar L3 untuk atasan belum dimuat; jalankan "
            "`sieva load_standard_instruments`."
        )
    tz = timezone.get_current_timezone()
    opens_at = dt.datetime.combine(today, dt.time.min, tzinfo=tz)
    closes_at = opens_at + dt.timedelta(days=OPEN_DAYS)
    created, skipped = [], []
    for cohort in l3_campaigns_due(today):
        try:
            created.append(
                campaign_create(
                    actor=actor,
                    access=None,
                    version=version,
                    cohort=cohort,
                    opens_at=opens_at,
                    closes_at=closes_at,
                    anonymous=anonymous,
                    rater_kind=RaterKind.SUPERVISOR,
                    signed_in_only=True,
                )
            )
        except ValidationError as exc:
            skipped.append((cohort, " ".join(exc.messages)))
    return created, skipped
