"""Pages of a list: ``?limit=&offset=`` in, ``{"count", "next_offset", "items"}`` out.

Every list is ordered by a unique key, so walking the pages with `next_offset` visits every
row once; with ``updated_since`` a client syncs only what changed (decision 0040).
"""

import datetime as dt
from typing import Annotated, Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Path, Schema
from ninja.pagination import PaginationBase
from pydantic import field_validator

DEFAULT_LIMIT = 100
MAX_LIMIT = 500
MAX_OFFSET = 2**31
# Ids are 64-bit in the database; a larger number is refused as invalid, not sent to SQL.
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]


class Page(PaginationBase):
    class Input(Schema):
        limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    class Output(Schema):
        count: int
        next_offset: int | None
        items: list[Any]

    def paginate_queryset(
        self, queryset: Any, pagination: Input, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        offset, limit = pagination.offset, pagination.limit
        count = self._items_count(queryset)
        if isinstance(queryset, QuerySet):
            items = _page_by_ids(queryset, offset, limit)
        else:
            items = list(queryset[offset : offset + limit])
        following = offset + limit
        return {
            "count": count,
            "next_offset": following if following < count else None,
            "items": items,
        }


def _page_by_ids(queryset: QuerySet[Any], offset: int, limit: int) -> list[Any]:
    """The page's rows, found in two steps: the ids at `offset` (an index-only walk that skips
    rows without joining them), then those rows with their related objects, in the same order.
    A deep OFFSET over a query with joins would join every row it skips."""
    ids = list(queryset.values_list("pk", flat=True)[offset : offset + limit])
    found = {
        row.pk: row
        for row in queryset.model._default_manager.filter(pk__in=ids).select_related(
            *_related(queryset)
        )
    }
    return [found[pk] for pk in ids if pk in found]


def _related(queryset: QuerySet[Any]) -> tuple[str, ...]:
    related = queryset.query.select_related
    if not isinstance(related, dict):
        return ()
    names: list[str] = []

    def walk(tree: dict[str, Any], prefix: str) -> None:
        for name, child in tree.items():
            names.append(prefix + name)
            walk(child, f"{prefix}{name}__")

    walk(related, "")
    return tuple(names)


class UpdatedSince(Schema):
    updated_since: dt.datetime | None = Field(
        None,
        description="Hanya baris yang berubah pada atau sesudah waktu ini (ISO 8601; tanpa zona "
        "waktu dibaca UTC).",
    )

    @field_validator("updated_since")
    @classmethod
    def _in_utc(cls, value: dt.datetime | None) -> dt.datetime | None:
        """The moment in UTC: databases refuse offsets beyond ±15:59 that ISO 8601 allows."""
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        try:
            return value.astimezone(dt.UTC)
        except OverflowError:
            raise ValueError("out of range") from None


def changed_since(
    queryset: QuerySet[Any], since: dt.datetime | None, field: str = "updated_at"
) -> QuerySet[Any]:
    """`queryset` limited to rows whose `field` is at or after `since` (None: all)."""
    if since is None:
        return queryset
    return queryset.filter(**{f"{field}__gte": since})
