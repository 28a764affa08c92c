"""Reading the time a response was given: ISO (with or without offset), D/M/Y as in Indonesia,
M/D/Y of US-locale Google Forms, Y/M/D, and spreadsheet dates.

Times without a zone are WIB (the instance's TIME_ZONE); they are stored in UTC.
"""

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
from django.utils import timezone


def local_offset() -> dt.timedelta:
    """The fixed UTC offset of the instance's zone (Indonesia has had no DST since 1964)."""
    offset = dt.datetime(2020, 1, 1, tzinfo=timezone.get_default_timezone()).utcoffset()
    return offset or dt.timedelta(0)


def parse_local(cell: Any, *, month_first: bool = False) -> dt.datetime | None:
    """A naive local datetime from a cell, or None when it is not a date we can read.

    Text may be ISO (with or without an offset: one is converted to local time), D/M/Y as
    Indonesian Google Forms export it (`03/02/2025 08.00.00`, dots in the time), M/D/Y when
    `month_first` (Google Forms in the US English locale) or Y/M/D (`2025/04/15 10:00:00`).
    """
    if isinstance(cell, str):
        text = cell.strip()
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            return _day_month_year(text, month_first=month_first)
        return value if value.tzinfo is None else timezone.make_naive(value)
    if isinstance(cell, dt.datetime):
        return timezone.make_naive(cell) if timezone.is_aware(cell) else cell
    if isinstance(cell, dt.date):
        return dt.datetime(cell.year, cell.month, cell.day)  # noqa: DTZ001 - local wall time
    return None


_DATE = re.compile(r"^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$")
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s*([ap])\.?m\.?)?$", re.IGNORECASE)


def _day_month_year(text: str, *, month_first: bool = False) -> dt.datetime | None:
    date_part, _, time_part = text.partition(" ")
    date = _DATE.match(date_part)
    if date is None:
        return None
    first, second, third = (int(p) for p in date.groups())
    if len(date.group(1)) == 4:
        year, month, day = first, second, third
    elif month_first:
        month, day, year = first, second, third
    else:
        day, month, year = first, second, third
    clock: list[int] = []
    if time_part.strip():
        match = _CLOCK.match(time_part.strip())
        if match is None:
            return None
        hour, minute = int(match.group(1)), int(match.group(2))
        if match.group(4):  # 12-hour clock of the English locales
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if match.group(4).lower() == "p" else 0)
        clock = [hour, minute, int(match.group(3) or 0)]
    try:
        return dt.datetime(year, month, day, *clock)  # noqa: DTZ001 - local wall time
    except (ValueError, TypeError):
        return None


def month_first(cells: Sequence[Any]) -> bool:
    """Whether a column of slashed dates is M/D/Y: some second number above 12 and no first
    one above 12 (Google Forms in the US locale). Day first otherwise, as in Indonesia."""
    firsts, seconds = 0, 0
    for cell in cells:
        if isinstance(cell, str):
            date = _DATE.match(cell.strip().partition(" ")[0])
            if date and len(date.group(1)) <= 2:
                firsts = max(firsts, int(date.group(1)))
                seconds = max(seconds, int(date.group(2)))
    return seconds > 12 and firsts <= 12


def has_time(cell: Any) -> bool:
    """Whether the cell carries a time of day (only then can identical rows be duplicates)."""
    if isinstance(cell, dt.datetime):
        return True
    return isinstance(cell, str) and len(cell.strip()) > 10


# "YYYY-MM-DD", "YYYY-MM-DD HH:MM" and "YYYY-MM-DD HH:MM:SS" (or T between): the layouts the
# vectorised reader accepts; anything else goes through `parse_local` cell by cell.
_ISO_LENGTHS = (10, 16, 19)
_ISO_SEPARATORS = {4: "-", 7: "-", 13: ":", 16: ":"}
_ISO_DIGITS = (0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18)


def iso_column(cells: Sequence[Any]) -> np.ndarray | None:
    """Naive local times (datetime64[s]) of a column of ISO texts without zone, or None.

    None when any cell is not such a text (another type, D/M/Y, a zone, fractions of a second,
    an impossible date): the caller then reads the column cell by cell, which also words the
    errors. What is accepted here `datetime.fromisoformat` reads the same way.
    """
    if not cells or set(map(type, cells)) != {str}:
        return None
    text = np.array(cells)
    width = text.dtype.itemsize // 4
    if width not in _ISO_LENGTHS:
        return None
    codes = text.view(np.uint32).reshape(len(cells), width)
    lengths = np.char.str_len(text)
    ok = np.isin(lengths, _ISO_LENGTHS)
    for position in range(width):
        present = lengths > position
        char = codes[:, position]
        if position in _ISO_DIGITS:
            good = (char >= ord("0")) & (char <= ord("9"))
        elif position == 10:
            good = (char == ord(" ")) | (char == ord("T"))
        else:
            good = char == ord(_ISO_SEPARATORS[position])
        ok &= good | ~present
    if not ok.all():
        return None
    try:
        return text.astype("datetime64[s]")  # also refuses 2024-02-30, 24:00, :60
    except ValueError:
        return None
