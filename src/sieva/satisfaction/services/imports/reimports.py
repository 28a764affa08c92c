"""Rows a file shares with earlier imports: recognised by their key, skipped, reported.

A re-saved or re-exported file repeats the respondents already stored; their keys
(`validate.Validator._keys`: the source's id, or time and answers) are looked up among the
imported rows of the same units and months, and those rows are left out of the insert and
the aggregates (decision 0053).
"""

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Min

from sieva.satisfaction.elements import Source
from sieva.satisfaction.models import SkmImport, SkmResponse
from sieva.satisfaction.services.imports.validate import Checked

__all__ = ["Earlier"]


@dataclass
class Earlier:
    """Keys already stored for the units of a file; `found` counts the rows skipped."""

    enabled: bool
    found: int = 0
    imports: set[int] = field(default_factory=set)

    @classmethod
    def for_units(cls, unit_ids: list[int] | None) -> "Earlier":
        """Looks only when some imported row of these units (None: any unit) carries a key."""
        rows = SkmResponse.objects.filter(
            source=Source.IMPORT, imported_in__published=True
        ).exclude(dedupe_key="")
        if unit_ids is not None:
            rows = rows.filter(unit_id__in=unit_ids)
        return cls(enabled=rows.exists())

    def drop_known(self, checked: Checked) -> Checked:
        """`checked` without the rows whose key is already stored for their unit and month."""
        if not self.enabled or not any(checked.recognise):
            return checked
        unit_ids = {row[0] for row in checked.rows}  # write.COLUMNS: unit_id, period, …
        periods = {row[1] for row in checked.rows}
        stored = dict(
            SkmResponse.objects.filter(
                source=Source.IMPORT,
                unit_id__in=unit_ids,
                period__in=periods,
                imported_in__published=True,
            )
            .exclude(dedupe_key="")
            .values_list("dedupe_key", "imported_in_id")
        )
        known = [bool(key) and key in stored for key in checked.recognise]
        if not any(known):
            return checked
        self.found += sum(known)
        self.imports.update(
            stored[k] for k, hit in zip(checked.recognise, known, strict=True) if hit and stored[k]
        )
        keep = ~np.array(known)
        rows = [row for row, hit in zip(checked.rows, known, strict=True) if not hit]
        recognise = [k for k, hit in zip(checked.recognise, known, strict=True) if not hit]
        return Checked(
            rows,
            checked.keys[keep],
            checked.answers[:, keep],
            constants=checked.constants,
            recognise=recognise,
        )

    def first_imported_at(self) -> dt.datetime | None:
        """When the earliest of the files that already held these rows was imported."""
        if not self.imports:
            return None
        return SkmImport.objects.filter(pk__in=self.imports).aggregate(first=Min("imported_at"))[
            "first"
        ]
