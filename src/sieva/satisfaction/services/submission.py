"""`skm_response_submit`: one citizen's answers, stored with its aggregates in one transaction.

Duplicate protection has two layers (docs/decisions/0009): the view refuses a second
response from the same browser to the same unit on the same day (signed cookie), and this
service refuses identical answers from the same device fingerprint within
`DUPLICATE_WINDOW` — the double tap or the reload that re-posts the form.
"""

import datetime as dt
import hashlib
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.org.models import OrgUnit
from sieva.satisfaction.elements import ELEMENTS, PROFILE_FIELDS, Source
from sieva.satisfaction.models import SkmResponse
from sieva.satisfaction.periods import month_start
from sieva.satisfaction.services.aggregates import Tally, tally_fold

DUPLICATE_WINDOW = dt.timedelta(minutes=10)
DUPLICATE_ANSWERS = _(
    "Jawaban yang sama persis baru saja dikirim dari perangkat ini, jadi tidak dihitung dua "
    "kali. Jawaban Anda sebelumnya sudah tersimpan."
)


class DuplicateResponse(Exception):
    """The same answers from the same device within the window; the message says so."""


def dedupe_key(
    unit: OrgUnit, fingerprint: str, answers: dict[str, int], profile: dict[str, str]
) -> str:
    """A keyed hash of device and answers: equal for a re-post, unreadable to anyone else."""
    content = "|".join(
        [
            str(unit.pk),
            fingerprint,
            *(str(answers.get(e)) for e in ELEMENTS),
            *(profile.get(f, "") for f in PROFILE_FIELDS),
        ]
    )
    key = settings.SECRET_KEY.encode()[:64]
    return hashlib.blake2b(content.encode(), key=key, digest_size=16).hexdigest()


def skm_response_submit(
    *,
    unit: OrgUnit,
    answers: dict[str, int],
    profile: dict[str, Any],
    source: str = Source.WEB,
    fingerprint: str = "",
    now: dt.datetime | None = None,
) -> SkmResponse:
    """Store one response and fold it into the unit's monthly aggregates, atomically.

    Raises DuplicateResponse when identical answers came from `fingerprint` within
    `DUPLICATE_WINDOW`; nothing is written then.
    """
    now = now or timezone.now()
    period = month_start(timezone.localtime(now).date())
    clean_profile = {f: str(profile.get(f) or "").strip() for f in PROFILE_FIELDS}
    key = dedupe_key(unit, fingerprint, answers, clean_profile)
    with transaction.atomic():
        recent = SkmResponse.objects.filter(
            unit=unit,
            period__gte=month_start(timezone.localtime(now - DUPLICATE_WINDOW).date()),
            submitted_at__gte=now - DUPLICATE_WINDOW,
            dedupe_key=key,
        )
        if recent.exists():
            raise DuplicateResponse(str(DUPLICATE_ANSWERS))
        response = SkmResponse.objects.create(
            unit=unit,
            period=period,
            submitted_at=now,
            source=source,
            dedupe_key=key,
            **{e: answers.get(e) for e in ELEMENTS},
            **clean_profile,
        )
        tally = Tally()
        tally.add_response(unit.pk, period.isoformat(), {e: answers.get(e) for e in ELEMENTS})
        tally_fold(tally)
    return response
