"""Checking one chunk of rows column by column, and turning it into rows to insert.

Lookups run as `map` over whole columns; only the timestamp needs a Python loop per row.
Every problem is kept (up to `MAX_ERRORS`) with the spreadsheet row, the column as named in
the file, and the reason; once any error is seen no more rows are produced for insertion.
"""

import datetime as dt
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

import numpy as np
from django.utils.translation import gettext as _

from sieva.satisfaction.elements import ELEMENTS, PROFILE_FIELDS, Source
from sieva.satisfaction.mapping import Problem, ProblemCode, answer_maps, label_list
from sieva.satisfaction.services.imports import columns as col
from sieva.satisfaction.services.imports.errors import RowError
from sieva.satisfaction.services.imports.timestamps import (
    has_time,
    iso_column,
    local_offset,
    month_first,
    parse_local,
)
from sieva.satisfaction.services.imports.wording import problem_text

MAX_ERRORS = 10_000
SERVICE_LIMIT = 200
KEY_LIMIT = 32  # SkmResponse.dedupe_key
SHORT_ID = 12  # ids up to this long (LimeSurvey's 1, 2, 3…) are only unique with their time
UNIT_SPAN = 1 << 40  # group key = index of the month * UNIT_SPAN + unit id (month-major)
# The text columns after the answers, in the insert's column order (write.COLUMNS).
TEXT_COLUMNS = (*PROFILE_FIELDS, "source", "dedupe_key")
EARLIEST = dt.datetime(2000, 1, 1)  # noqa: DTZ001 - compared with local wall times


@dataclass
class Checked:
    """Rows ready to insert, with their group keys and answers (0 = blank) for the aggregates."""

    rows: list[tuple[Any, ...]]
    keys: np.ndarray
    answers: np.ndarray  # shape (9, n), int8
    # The respondent's key per row ("" when the row cannot be recognised again): the source's
    # id, or the time and answers (decision 0053). Stored as dedupe_key.
    recognise: list[str] = field(default_factory=list)
    # Text columns with one value in every row of the chunk (source, absent profile columns):
    # left out of `rows`, written as literals in the INSERT (fewer values to bind per row).
    constants: dict[str, str] = field(default_factory=dict)


@dataclass
class Validator:
    header: list[str]
    layout: dict[str, int]
    units: dict[str, int]  # upper-case unit code -> id, service units in scope only
    today: dt.date
    utc_suffix: str = ""  # "+00:00" for PostgreSQL's COPY
    fixed_unit: int | None = None  # the unit chosen for the whole file (no unit column)
    naive_utc: bool = False  # times without offset are UTC (Kobo's _submission_time)
    month_first: bool | None = None  # M/D/Y dates; decided on the first chunk when None
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    periods: list[str] = field(default_factory=list)
    _period_index: dict[int, int] = field(default_factory=dict)
    _seen: dict[Any, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.maps = col.value_maps()
        self.answer_maps = answer_maps()
        self.unit_map = _UnitMap(self.units)
        self.offset = local_offset()
        self.latest = dt.datetime.combine(self.today + dt.timedelta(days=1), dt.time())  # noqa: DTZ001

    def error(self, row: int, field_name: str, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            column = (
                self.header[self.layout[field_name]] if field_name in self.layout else field_name
            )
            self.errors.append(RowError(row, column, message))

    def check(self, first: int, raw_rows: list[list[Any]]) -> Checked | None:
        """The chunk as rows to insert, or None when this or an earlier chunk had errors."""
        rows, numbers = self._rows(first, raw_rows)
        if not rows:
            return None
        cols = list(zip(*rows, strict=False))
        unit_ids = self._units(cols, numbers)
        utc, period_idx = self._times(cols, numbers)
        answers = self._answers(cols, numbers)
        profile = [
            self._profile(cols, numbers, name)
            for name in (col.GENDER, col.AGE, col.EDUCATION, col.OCCUPATION)
        ]
        service = self._service(cols, numbers)
        dedupe = self._keys(cols, unit_ids, utc, answers, numbers)
        if self.error_count:
            return None
        periods = [self.periods[i] for i in period_idx]
        db_answers = [[v or None for v in a] if 0 in a else a for a in answers]
        texts = dict(
            zip(
                TEXT_COLUMNS,
                [*profile, service, [Source.IMPORT.value] * len(utc), dedupe],
                strict=True,
            )
        )
        constants = {
            name: values[0]
            for name, values in texts.items()
            if values.count(values[0]) == len(values)  # one C-speed scan per column
        }
        varying = [values for name, values in texts.items() if name not in constants]
        out = list(zip(unit_ids, periods, utc, *db_answers, *varying, strict=True))
        keys = np.array(period_idx, dtype=np.int64) * UNIT_SPAN + np.array(unit_ids, dtype=np.int64)
        return Checked(
            out, keys, np.array(answers, dtype=np.int8), constants=constants, recognise=dedupe
        )

    def _rows(self, first: int, raw_rows: list[list[Any]]) -> tuple[list[list[Any]], list[int]]:
        """Rows padded to the header's width, blank lines dropped, with their row numbers."""
        width = len(self.header)
        if all(map(width.__le__, map(len, raw_rows))):  # the usual case, checked at C speed
            key_index = self.layout.get(col.UNIT, self.layout[col.WHEN])
            if all(map(itemgetter(key_index), raw_rows)):
                return raw_rows, list(range(first, first + len(raw_rows)))
        rows, numbers = [], []
        for offset, row in enumerate(raw_rows):
            if not any(row):
                continue  # blank lines, e.g. at the end of a spreadsheet
            if len(row) < width:
                row = list(row) + [""] * (width - len(row))
            rows.append(row)
            numbers.append(first + offset)
        return rows, numbers

    def _units(self, cols: list[tuple[Any, ...]], numbers: list[int]) -> list[int]:
        if col.UNIT not in self.layout and self.fixed_unit is not None:
            return [self.fixed_unit] * len(numbers)
        raw = cols[self.layout[col.UNIT]]
        ids = list(map(self.unit_map.__getitem__, raw))
        if None in ids:
            for i, value in enumerate(ids):
                if value is None:
                    message = (
                        _(
                            "Kode unit %(code)s tidak dikenal atau bukan unit layanan dalam cakupan Anda."
                        )
                        % {"code": raw[i]}
                        if raw[i]
                        else _("Wajib diisi.")
                    )
                    self.error(numbers[i], col.UNIT, message)
        return ids  # type: ignore[return-value]

    def _times(
        self, cols: list[tuple[Any, ...]], numbers: list[int]
    ) -> tuple[list[str], list[int]]:
        """UTC texts to store and period slots, vectorised when the column is plain ISO."""
        cells = cols[self.layout[col.WHEN]]
        local = iso_column(cells)
        if local is None:
            if self.month_first is None:  # decided on the first chunk that is not plain ISO
                self.month_first = month_first(cells)
            return self._times_by_cell(cells, numbers)
        if self.naive_utc:
            local = local + np.timedelta64(self.offset)
        earliest = np.datetime64(EARLIEST, "s")
        outside = np.flatnonzero((local < earliest) | (local >= np.datetime64(self.latest, "s")))
        for i in outside.tolist():
            self._bad_time(numbers[i], cells[i], parse_local(cells[i]))
        shifted: Any = local - np.timedelta64(self.offset)
        utc = np.datetime_as_string(shifted, unit="s")
        utc.view(np.uint32).reshape(len(utc), -1)[:, 10] = ord(" ")  # as isoformat(" ") writes
        if self.utc_suffix:
            utc = np.char.add(utc, self.utc_suffix)
        # Months since 1970 → the year * 12 + month keys `_times_by_cell` uses.
        months = local.astype("datetime64[M]").astype(np.int64) + 1970 * 12 + 1
        distinct, inverse = np.unique(months, return_inverse=True)
        slots = np.array([self._slot(int(m)) for m in distinct.tolist()], dtype=np.int64)
        return utc.tolist(), slots[inverse.ravel()].tolist()

    def _slot(self, month: int) -> int:
        """The index in `periods` of a month given as year * 12 + month."""
        slot = self._period_index.get(month)
        if slot is None:
            slot = self._period_index[month] = len(self.periods)
            year, number = divmod(month - 1, 12)
            self.periods.append(f"{year:04d}-{number + 1:02d}-01")
        return slot

    def _times_by_cell(
        self, cells: tuple[Any, ...], numbers: list[int]
    ) -> tuple[list[str], list[int]]:
        utc: list[str] = []
        period_idx: list[int] = []
        offset, suffix, latest = self.offset, self.utc_suffix, self.latest
        index = self._period_index
        fromiso = dt.datetime.fromisoformat
        naive_utc, order = self.naive_utc, bool(self.month_first)
        for i, cell in enumerate(cells):
            try:
                local = fromiso(cell)  # the common case inline: ISO text, no zone
                if local.tzinfo is not None:
                    local = parse_local(cell)
                elif naive_utc:
                    local += offset
            except (TypeError, ValueError):
                local = parse_local(cell, month_first=order)
                if naive_utc and local is not None and isinstance(cell, dt.datetime):
                    local = local if cell.tzinfo is not None else local + offset
            if local is None or not EARLIEST <= local < latest:
                self._bad_time(numbers[i], cell, local)
                utc.append("")
                period_idx.append(0)
                continue
            utc.append((local - offset).isoformat(" ") + suffix)
            month = local.year * 12 + local.month
            slot = index.get(month)
            if slot is None:
                slot = self._slot(month)
            period_idx.append(slot)
        return utc, period_idx

    def _bad_time(self, number: int, cell: Any, local: dt.datetime | None) -> None:
        if cell in (None, ""):
            message = _("Wajib diisi.")
        elif local is None:
            message = _(
                "Tanggal %(value)s tidak valid; tulis YYYY-MM-DD [JJ:MM] atau DD/MM/YYYY [JJ:MM]."
            ) % {"value": cell}
        elif local >= self.latest:
            message = _("Tanggal %(value)s ada di masa depan.") % {"value": cell}
        else:
            message = _("Tanggal %(value)s terlalu lama (sebelum tahun 2000).") % {"value": cell}
        self.error(number, col.WHEN, message)

    def _answers(self, cols: list[tuple[Any, ...]], numbers: list[int]) -> list[list[int]]:
        out = []
        for element in ELEMENTS:
            raw = cols[self.layout[element]]
            values = list(map(self.answer_maps[element].__getitem__, raw))
            if col.BAD in values:
                labels = label_list(element)
                for i, value in enumerate(values):
                    if value == col.BAD:
                        params = {"value": str(raw[i]), "labels": labels}
                        problem = Problem(numbers[i], "", ProblemCode.BAD_ANSWER, params)
                        self.error(numbers[i], element, problem_text(problem))
                        values[i] = 0
            out.append(values)
        blank = ~np.array(out, dtype=np.int8).any(axis=0)
        for i in np.flatnonzero(blank).tolist():
            problem = Problem(numbers[i], "", ProblemCode.NO_ANSWER)
            self.error(numbers[i], ELEMENTS[0], problem_text(problem))
        return out

    def _profile(self, cols: list[tuple[Any, ...]], numbers: list[int], name: str) -> list[str]:
        if name not in self.layout:
            return [""] * len(numbers)
        raw = cols[self.layout[name]]
        values = list(map(self.maps[name].__getitem__, raw))
        if col.BAD in values:
            for i, value in enumerate(values):
                if value == col.BAD:
                    message = _("Nilai %(value)s tidak dikenal; pilihan: %(choices)s.") % {
                        "value": raw[i],
                        "choices": col.allowed(name),
                    }
                    self.error(numbers[i], name, message)
        return values

    def _service(self, cols: list[tuple[Any, ...]], numbers: list[int]) -> list[str]:
        if col.SERVICE not in self.layout:
            return [""] * len(numbers)
        values = [
            "" if c is None else " ".join(str(c).split()) for c in cols[self.layout[col.SERVICE]]
        ]
        for i, value in enumerate(values):
            if len(value) > SERVICE_LIMIT:
                message = _("Paling banyak %(limit)d karakter, tertulis %(length)d.") % {
                    "limit": SERVICE_LIMIT,
                    "length": len(value),
                }
                self.error(numbers[i], col.SERVICE, message)
        return values

    def _keys(
        self,
        cols: list[tuple[Any, ...]],
        unit_ids: list[int],
        utc: list[str],
        answers: list[list[int]],
        numbers: list[int],
    ) -> list[str]:
        """Each row's key, by which a later file's same respondent is recognised: the source's
        id (a short one with its time, since LimeSurvey numbers every survey from 1), else the
        time to the second with the nine answers; "" for a date without a time. The same id,
        or without ids the same key, twice for one unit in the file is refused as a duplicate."""
        when = cols[self.layout[col.WHEN]]
        stamps = list(map(itemgetter(slice(0, 19)), utc)) if self.utc_suffix else utc
        digits = (np.array(answers, dtype=np.uint8).T + ord("0")).tobytes()
        answered = np.frombuffer(digits, dtype=f"S{len(ELEMENTS)}").astype(str).tolist()
        keys = list(map(str.__add__, stamps, answered))
        if not all(isinstance(c, str) for c in when) or min(map(len, when)) <= 10:
            keys = [k if timed else "" for k, timed in zip(keys, map(has_time, when), strict=True)]
        identities = keys
        column = col.WHEN
        if col.RESPONDENT_ID in self.layout:
            column = col.RESPONDENT_ID
            identities = list(map(_source_id, cols[self.layout[col.RESPONDENT_ID]]))
            for i, source_id in enumerate(identities):
                if not source_id:
                    identities[i] = keys[i]
                elif len(source_id) > SHORT_ID:
                    keys[i] = source_id.replace("-", "")[:KEY_LIMIT]
                else:
                    keys[i] = f"{source_id}@{stamps[i]}"
        seen = self._seen
        # One unit for the whole file (the common case): the identities alone are the keys.
        one_unit = self.fixed_unit is not None and col.UNIT not in self.layout
        pairs: list[Any] = identities if one_unit else list(zip(unit_ids, identities, strict=True))
        chunk = dict(zip(pairs, numbers, strict=True))
        blanks = identities.count("")
        if len(chunk) + max(0, blanks - 1) == len(pairs) and seen.keys().isdisjoint(chunk):
            seen.update(chunk)  # no repeat at all, checked at C speed
            return keys
        for i, pair in enumerate(pairs):
            if not one_unit and (pair[0] is None or not pair[1]) or not pair:
                continue  # an unknown unit is reported already; a blank key matches nothing
            if seen.setdefault(pair, numbers[i]) != numbers[i]:
                message = _("Baris ini sama dengan baris %(first)d (responden yang sama).") % {
                    "first": seen[pair]
                }
                self.error(numbers[i], column, message)
        return keys


def _source_id(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = str(cell).strip()
    return text[5:] if text.startswith("uuid:") else text  # Kobo's instanceID


class _UnitMap(dict[Any, Any]):
    """Raw unit code → id (None when unknown or blank), resolved once per distinct spelling."""

    def __init__(self, units: dict[str, int]) -> None:
        super().__init__()
        self.units = units

    def __missing__(self, cell: Any) -> Any:
        text = (
            ""
            if cell is None
            else str(int(cell) if isinstance(cell, float) and cell.is_integer() else cell)
            .strip()
            .upper()
        )
        value = self.units.get(text)
        self[cell] = value
        return value
