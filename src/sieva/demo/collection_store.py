"""Writing the planned demo campaigns: campaigns, responses, answers, invitations, aggregates.

Rows go in in bulk (a web submission per response would take minutes), but each response is
what `response_submit` would have stored: answers validated by `check_answers` and placed by
`answer_for`, the respondent's unit, a pseudonym and a day-only time in anonymous campaigns
(whose invitations never point at the response). The item aggregates are then recomputed from
the raw answers as `sieva rebuild_item_aggregates --fix` does (`rebuild_cells`), and written
with one bulk insert: the same cells `fold_responses` would reach, without its row-by-row
updates of ~80,000 cells (over a minute) — so the rebuild command finds nothing to correct.
"""

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from django.db import connection
from django.utils import timezone

from sieva.instruments.answers import check_answers
from sieva.instruments.models import (
    Answer,
    Campaign,
    InstrumentVersion,
    Invitation,
    ItemAggregate,
    Response,
)
from sieva.instruments.pseudonyms import pseudonym
from sieva.instruments.selectors import spec_for_version
from sieva.instruments.services import answer_for
from sieva.instruments.services.aggregates import Cell, Key, rebuild_cells

BATCH = 2000
ANNOUNCED_DAYS = 7  # a campaign is prepared a week before it opens


def _day_only(moment: dt.datetime) -> dt.datetime:
    """Anonymous answers keep the day (WIB), as `response_submit` does."""
    return timezone.localtime(moment).replace(hour=0, minute=0, second=0, microsecond=0)


def store_campaigns(planned: list, versions: Iterable[InstrumentVersion]) -> dict[str, int]:
    """Save every planned campaign with its invitations and answers; returns row counts.

    Raises RuntimeError if a generated answer set does not pass `check_answers` (a bug in
    the generator, never bad demo data silently stored).
    """
    campaigns = [plan.campaign for plan in planned]
    Campaign.objects.bulk_create(campaigns, batch_size=BATCH)
    for campaign in campaigns:
        campaign.created_at = campaign.opens_at - dt.timedelta(days=ANNOUNCED_DAYS)
    Campaign.objects.bulk_update(campaigns, ["created_at"], batch_size=BATCH)
    specs, items = {}, {}
    for version in versions:
        specs[version.pk] = spec_for_version(version)
        items[version.pk] = {item.code: item for item in version.items.all()}
    responses: list[Response] = []
    cleaned: list[dict] = []
    stamps: dict[tuple[int, int, int | None], tuple[dt.datetime, int]] = {}
    for plan in planned:
        campaign = plan.campaign
        people = {
            (who.pk, about.pk if about else None): (who, about) for who, about in plan.invited
        }
        for key, (answers, when) in plan.answered.items():
            check = check_answers(specs[campaign.version_id], answers)
            if not check.ok:
                raise RuntimeError(f"demo answers rejected for {campaign.name}: {check.errors}")
            who, about = people[key]
            identity: dict = (
                {
                    "pseudonym": pseudonym(campaign.series, who.pk),
                    "subject_pseudonym": pseudonym(campaign.series, about.pk) if about else "",
                }
                if campaign.anonymous
                else {"respondent_id": who.pk, "subject_id": about.pk if about else None}
            )
            stamp = _day_only(when) if campaign.anonymous else when
            stamps[(campaign.pk, *key)] = (stamp, len(responses))
            responses.append(
                Response(
                    version_id=campaign.version_id,
                    campaign=campaign,
                    submitted_at=stamp,
                    unit_id=who.unit_id,
                    **identity,
                )
            )
            cleaned.append(check.cleaned)
    Response.objects.bulk_create(responses, batch_size=BATCH)
    placed = _Placement(items)
    answers = [
        (response.pk, *placed(response.version_id, code, value))
        for response, values in zip(responses, cleaned, strict=True)
        for code, value in values.items()
    ]
    _insert_answers(answers)
    invitations = _invitations(planned, stamps, responses)
    Invitation.objects.bulk_create(invitations, batch_size=BATCH)
    _replace_aggregates(rebuild_cells())
    return {
        "campaigns": len(campaigns),
        "invitations": len(invitations),
        "responses": len(responses),
        "answers": len(answers),
    }


def _invitations(planned: list, stamps: dict, responses: list[Response]) -> list[Invitation]:
    out = []
    for plan in planned:
        campaign = plan.campaign
        seen = set()
        for who, about in plan.invited:
            key = (who.pk, about.pk if about else None)
            if key in seen:  # one invitation per rater and alumnus, as campaign_create
                continue
            seen.add(key)
            stamp, index = stamps.get((campaign.pk, *key), (None, None))
            out.append(
                Invitation(
                    campaign=campaign,
                    employee_id=who.pk,
                    subject_id=key[1],
                    sent_at=campaign.opens_at,
                    answered_at=stamp,
                    response=(
                        responses[index] if index is not None and not campaign.anonymous else None
                    ),
                )
            )
    return out


class _Placement:
    """Where `answer_for` puts a value (number, text or JSON column), computed once per
    item and distinct value: demo answers repeat a few hundred values over 100,000 rows."""

    def __init__(self, items: dict[int, dict[str, Any]]) -> None:
        self.items = items
        self.cache: dict[tuple[int, str, str], tuple[Any, ...]] = {}

    def __call__(self, version_id: int, code: str, value: Any) -> tuple[Any, ...]:
        key = (version_id, code, json.dumps(value, default=str))
        if key not in self.cache:
            item = self.items[version_id][code]
            answer = answer_for(Response(), item, value)
            payload = None if answer.value_json is None else json.dumps(answer.value_json)
            self.cache[key] = (item.pk, answer.value_number, answer.value_text, payload)
        return self.cache[key]


def _replace_aggregates(cells: dict[Key, Cell]) -> None:
    """`aggregates.replace_all` with one bulk insert instead of model instances."""
    ItemAggregate.objects.all().delete()
    rows = [
        (
            i,
            r,
            u,
            p.isoformat(),
            c.count,
            c.numeric_count,
            c.total,
            c.total_sq,
            json.dumps(dict(sorted(c.histogram.items()))),
        )
        for (i, r, u, p), c in sorted(cells.items())
    ]
    fields = (
        "item",
        "row",
        "unit",
        "period",
        "count",
        "numeric_count",
        "total",
        "total_sq",
        "histogram",
    )
    _insert(ItemAggregate, fields, rows)


def _insert_answers(rows: list[tuple[Any, ...]]) -> None:
    """(response id, item id, number, text, JSON text) rows."""
    _insert(Answer, ("response", "item", "value_number", "value_text", "value_json"), rows)


def _insert(model: Any, fields: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """COPY (PostgreSQL) or the driver's executemany (SQLite), as the builder's attendance."""
    meta, quote = model._meta, connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(f).column) for f in fields)
    table = f"{quote(meta.db_table)} ({columns})"
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        for start in range(0, len(rows), 20 * BATCH):
            cursor.executemany(
                f"INSERT INTO {table} VALUES ({marks})",  # noqa: S608 - our names
                rows[start : start + 20 * BATCH],
            )
