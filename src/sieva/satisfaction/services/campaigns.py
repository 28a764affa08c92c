"""Responses to SKM campaigns become SKM responses, so they count in the IKM (decision 0020).

A campaign of an SKM instrument (the standard one or an agency's clone) collects through the
instruments app: personal links and imported survey-tool exports. Registered as that app's
receiver for the SKM purpose, `skm_campaign_responses_store` runs inside the transaction that
stored the instrument responses and adds, per response, one `SkmResponse` for the campaign's
service unit and its running aggregates. The instrument response stays the full record (the
suggestions, any item a clone added); the SKM row is what the IKM reads, once per response —
a partial unique index on `campaign_response` refuses a second copy.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.instruments.extensions import StoredResponse
from sieva.instruments.models import Campaign
from sieva.org.models import OrgKind
from sieva.satisfaction.elements import ANSWER_VALUES, ELEMENTS, PROFILE, Source
from sieva.satisfaction.models import SkmResponse
from sieva.satisfaction.periods import month_start
from sieva.satisfaction.services.aggregates import Tally, tally_fold

NOT_A_SERVICE_UNIT = _(
    "Kampanye SKM ini tidak menyasar satu unit layanan, jadi jawabannya tidak dapat dihitung "
    "dalam IKM unit mana pun."
)
NOT_AN_ELEMENT_ANSWER = _("Unsur SKM dijawab dengan 1, 2, 3 atau 4.")
_POINTS = {str(v): v for v in ANSWER_VALUES}


def _element_answers(answers: Mapping[str, Any]) -> dict[str, int | None]:
    """Element code → 1..4 or None (not asked or left blank); ValidationError keyed by the
    item code for anything else (a clone that changed an element's scale)."""
    out: dict[str, int | None] = {}
    errors = {}
    for code in ELEMENTS:
        value = answers.get(code)
        if value is None or value == "":
            out[code] = None
        elif str(value) in _POINTS:
            out[code] = _POINTS[str(value)]
        else:
            errors[code] = NOT_AN_ELEMENT_ANSWER
    if errors:
        raise ValidationError(errors)
    return out


def _profile(answers: Mapping[str, Any]) -> dict[str, str]:
    """Profile columns from the profile items; a value outside the definition's codes (a
    clone's own choices) stays with the instrument response only."""
    out = {}
    for field in PROFILE:
        value = str(answers.get(field.code) or "").strip()
        if field.choices is not None and value not in field.choices.values:
            value = ""
        out[field.field] = value[: field.max_length]
    return out


def skm_campaign_responses_store(
    campaign: Campaign, responses: Sequence[StoredResponse], *, imported: bool
) -> None:
    """One `SkmResponse` per response, for the campaign's target service unit, folded into
    the aggregates in the caller's transaction. ValidationError when the campaign has no
    service unit to count for, or an element answer is not 1–4."""
    unit = campaign.target_unit
    if unit is None or unit.kind != OrgKind.SERVICE_UNIT:
        raise ValidationError(NOT_A_SERVICE_UNIT)
    tally = Tally()
    rows = []
    for stored in responses:
        answers = _element_answers(stored.answers)
        submitted_at = stored.response.submitted_at
        period = month_start(timezone.localtime(submitted_at).date())
        rows.append(
            SkmResponse(
                unit=unit,
                period=period,
                submitted_at=submitted_at,
                source=Source.IMPORT if imported else Source.WEB,
                campaign_response=stored.response,
                **answers,
                **_profile(stored.answers),
            )
        )
        tally.add_response(unit.pk, period.isoformat(), answers)
    SkmResponse.objects.bulk_create(rows, batch_size=1000)
    tally_fold(tally)
