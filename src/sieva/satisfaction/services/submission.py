"""`skm_response_submit`: one citizen's answers, stored with its aggregates in one transaction;
`skm_response_hold`: the same answers stored for review, outside the aggregates (decision 0055).

Duplicate protection (docs/decisions/0009, 0055): the public view refuses a second response
from the same browser to the same unit on the same day (signed cookie), and these services
refuse identical answers from the same device fingerprint within `duplicate_window` (a claim
in the shared cache) — the
double tap or the reload that re-posts the form (10 minutes on a phone, seconds on a counter
tablet, where the next citizen may well give the same answers).
"""

import datetime as dt
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.org.models import OrgUnit
from sieva.satisfaction.elements import ELEMENTS, PROFILE_FIELDS, Source
from sieva.satisfaction.models import SkmHeldResponse, SkmResponse
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


@contextmanager
def _claimed(unit: OrgUnit, key: str, window: dt.timedelta) -> Iterator[None]:
    """Claim `key` in the shared cache for `window`; DuplicateResponse when it is already
    claimed. One atomic `add` replaces a look-up of recent rows (one round trip, and two
    simultaneous double taps cannot both pass); the claim is released when storing fails,
    so a retry after an error is not mistaken for a duplicate."""
    claim = f"skm-dedupe:{unit.pk}:{key}"
    if not cache.add(claim, 1, timeout=max(1, int(window.total_seconds()))):
        raise DuplicateResponse(str(DUPLICATE_ANSWERS))
    try:
        yield
    except BaseException:
        cache.delete(claim)
        raise


def response_store(
    *,
    unit: OrgUnit,
    period: dt.date,
    submitted_at: dt.datetime,
    answers: dict[str, int | None],
    profile: dict[str, str],
    suggestion: str,
    source: str,
    key: str,
) -> SkmResponse:
    """Write one counted response and fold it into the aggregates; call inside a transaction
    (`fold_rows` refuses otherwise)."""
    response = SkmResponse.objects.create(
        unit=unit,
        period=period,
        submitted_at=submitted_at,
        source=source,
        dedupe_key=key,
        suggestion=suggestion,
        **{e: answers.get(e) for e in ELEMENTS},
        **profile,
    )
    tally = Tally()
    tally.add_response(unit.pk, period.isoformat(), {e: answers.get(e) for e in ELEMENTS})
    tally_fold(tally)
    return response


def _clean(profile: dict[str, Any], suggestion: str) -> tuple[dict[str, str], str]:
    return {f: str(profile.get(f) or "").strip() for f in PROFILE_FIELDS}, suggestion.strip()


def skm_response_submit(
    *,
    unit: OrgUnit,
    answers: dict[str, int],
    profile: dict[str, Any],
    suggestion: str = "",
    source: str = Source.WEB,
    fingerprint: str = "",
    duplicate_window: dt.timedelta = DUPLICATE_WINDOW,
    now: dt.datetime | None = None,
) -> SkmResponse:
    """Store one response and fold it into the unit's monthly aggregates, atomically.

    Raises DuplicateResponse when identical answers came from `fingerprint` within
    `duplicate_window`; nothing is written then.
    """
    now = now or timezone.now()
    period = month_start(timezone.localtime(now).date())
    clean_profile, clean_suggestion = _clean(profile, suggestion)
    key = dedupe_key(unit, fingerprint, answers, clean_profile)
    with _claimed(unit, key, duplicate_window), transaction.atomic():
        return response_store(
            unit=unit,
            period=period,
            submitted_at=now,
            answers=dict(answers),
            profile=clean_profile,
            suggestion=clean_suggestion,
            source=source,
            key=key,
        )


def skm_response_hold(
    *,
    unit: OrgUnit,
    answers: dict[str, int],
    profile: dict[str, Any],
    reason: str,
    suggestion: str = "",
    source: str = Source.WEB,
    fingerprint: str = "",
    duplicate_window: dt.timedelta = DUPLICATE_WINDOW,
    now: dt.datetime | None = None,
) -> SkmHeldResponse:
    """Store one response for staff review (`reason`, a `HoldReason`), outside the aggregates.

    Raises DuplicateResponse like `skm_response_submit`.
    """
    now = now or timezone.now()
    clean_profile, clean_suggestion = _clean(profile, suggestion)
    key = dedupe_key(unit, fingerprint, answers, clean_profile)
    with _claimed(unit, key, duplicate_window), transaction.atomic():
        return SkmHeldResponse.objects.create(
            unit=unit,
            period=month_start(timezone.localtime(now).date()),
            submitted_at=now,
            answers={e: answers.get(e) for e in ELEMENTS},
            profile=clean_profile,
            suggestion=clean_suggestion,
            source=source,
            dedupe_key=key,
            reason=reason,
        )
