"""An import's rows, inserted in short transactions and published in one (decision 0054).

On SQLite one writer at a time holds the database: an import that kept its transaction open
for a million rows made citizens' submissions and logins wait past the 5 s busy timeout.
Here each chunk is inserted in a transaction of its own — the lock is held for the insert
only, never while the next chunk is read and checked — and stays invisible: the rows belong
to an `SkmImport` that is not yet `published`, and nothing counts such rows (the aggregates
are folded only at publication; the rebuild and the recognition of re-imports skip them).
Publication folds the totals and sets the flag in one transaction, so the import appears
whole or not at all; a failed import deletes its rows in bounded batches.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from sieva.satisfaction.models import SkmImport, SkmResponse
from sieva.satisfaction.services.imports.validate import Checked
from sieva.satisfaction.services.imports.write import fold_arrays, insert_rows

__all__ = ["ABANDONED_AFTER", "DELETE_BATCH", "Staged", "purge_abandoned"]
DELETE_BATCH = 50_000  # ids per DELETE: each one a short transaction
ABANDONED_AFTER = dt.timedelta(days=1)  # an unpublished import this old died with its process


@dataclass
class Staged:
    """One import's unpublished rows: `record` is its SkmImport, `after_id` the highest
    response id before it began (its rows have higher ids, which bounds every delete)."""

    record: SkmImport
    after_id: int
    keys: list[np.ndarray] = field(default_factory=list)
    answers: list[np.ndarray] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)

    @classmethod
    def begin(cls, sha256: str, filename: str, actor: Any) -> "Staged":
        after = SkmResponse.objects.aggregate(last=Max("id"))["last"] or 0
        record = SkmImport.objects.create(
            sha256=sha256,
            filename=filename[:200],
            rows=0,
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            published=False,
        )
        return cls(record, after)

    def insert(self, checked: Checked) -> None:
        """The chunk's rows, unpublished, in a transaction of their own."""
        if checked.rows:
            with transaction.atomic():
                insert_rows(checked.rows, {**checked.constants, "imported_in_id": self.record.pk})
        self.keys.append(checked.keys)
        self.answers.append(checked.answers)

    def publish(self, rows: int) -> int:
        """Fold the totals and make the rows count; call inside the final transaction.
        Returns the unit-months touched."""
        unit_months = fold_arrays(self.keys, self.answers, self.periods) if rows else 0
        SkmImport.objects.filter(pk=self.record.pk).update(rows=rows, published=True)
        return unit_months

    def discard(self) -> None:
        _delete(self.record.pk, self.after_id)


def _delete(import_id: int, after_id: int) -> None:
    """Delete an unpublished import's rows, a bounded id range per transaction, then itself."""
    last = SkmResponse.objects.aggregate(last=Max("id"))["last"] or 0
    for start in range(after_id, last, DELETE_BATCH):
        with transaction.atomic():
            SkmResponse.objects.filter(
                id__gt=start, id__lte=start + DELETE_BATCH, imported_in_id=import_id
            ).delete()
    SkmImport.objects.filter(pk=import_id, published=False).delete()


def discard_unpublished(sha256: str) -> None:
    """Remove the unpublished rows of the file `sha256` (its import's worker died)."""
    for record in SkmImport.objects.filter(published=False, sha256=sha256):
        _discard(record)


def purge_abandoned() -> None:
    """Remove the rows of imports that never published (their process died) a day ago."""
    cutoff = timezone.now() - ABANDONED_AFTER
    for record in SkmImport.objects.filter(published=False, imported_at__lt=cutoff):
        _discard(record)


def _discard(record: SkmImport) -> None:
    first = SkmResponse.objects.filter(imported_in_id=record.pk).order_by("id").values("id").first()
    _delete(record.pk, first["id"] - 1 if first else 0)
