"""Campaigns and responses on the standard instruments, written straight to the tables the
engine reads (the collection services are tested in tests/instruments)."""

import datetime as dt
from decimal import Decimal

from django.core.management import call_command
from django.utils import timezone

from sieva.instruments.models import Answer, Campaign, Instrument, Response


def standard_version(code: str):
    if not Instrument.objects.filter(code=code, is_standard=True).exists():
        call_command("load_standard_instruments", verbosity=0)
    return Instrument.objects.get(code=code, is_standard=True).versions.latest("number")


def campaign(cohort, code: str, **fields) -> Campaign:
    opens = timezone.make_aware(dt.datetime.combine(cohort.end_date, dt.time(8)))
    return Campaign.objects.create(
        name=f"{code} {cohort.name}",
        version=standard_version(code),
        cohort=cohort,
        owner=cohort.program.owner,
        opens_at=opens,
        closes_at=opens + dt.timedelta(days=14),
        series=f"program-{cohort.program_id}",
        **fields,
    )


def respond(campaign: Campaign, answers: dict, respondent=None, **fields) -> Response:
    """One response; numbers go to value_number, lists to value_json, text to value_text."""
    response = Response.objects.create(
        version=campaign.version,
        campaign=campaign,
        respondent=respondent,
        submitted_at=campaign.opens_at + dt.timedelta(hours=1),
        **fields,
    )
    items = {item.code: item for item in campaign.version.items.all()}
    rows = []
    for code, value in answers.items():
        answer = Answer(response=response, item=items[code])
        if isinstance(value, list):
            answer.value_json = value
        elif isinstance(value, int | float):
            answer.value_number = Decimal(str(value))
        else:
            answer.value_text = value
        rows.append(answer)
    Answer.objects.bulk_create(rows)
    return response
