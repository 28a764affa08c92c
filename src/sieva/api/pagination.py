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
        self, queryset: QuerySet[Any], pagination: Input, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        offset, limit = pagination.offset, pagination.limit
        items = list(queryset[offset : offset + limit])
        count = self._items_count(queryset)
        following = offset + limit
        return {
            "count": count,
            "next_offset": following if following < count else None,
            "items": items,
        }


class UpdatedSince(Schema):
    updated_since: dt.datetime | None = Field(
        None,
        description="Hanya baris yang berubah pada atau sesudah waktu ini (ISO 8601, dengan zona waktu).",
    )


def changed_since(
    queryset: QuerySet[Any], since: dt.datetime | None, field: str = "updated_at"
) -> QuerySet[Any]:
    """`queryset` limited to rows whose `field` is at or after `since` (None: all)."""
    if since is None:
        return queryset
    return queryset.filter(**{f"{field}__gte": since})
