"""Raw cells of an export → the raw answers `check_answers` takes.

Survey tools write what the respondent saw: Likert labels (``Sangat setuju``), ``4 - Setuju``,
choice labels instead of codes, ``A, B`` or ``A;B`` (Google Forms, LimeSurvey) or ``a b``
(KoboToolbox) for multiple choice, dates as ``d/m/Y`` (Indonesian locale) or ISO, numbers as
``3.0`` from spreadsheets. A value that cannot be read is returned as `Unreadable` with the
reason, so the row error names the column as the file spelled it.
"""

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from sieva.instruments.answers import LIKERT_POINTS, ItemSpec
from sieva.instruments.imports.headers import normalise

# Agreement wording respondents meet on Likert items besides the item's own labels.
LIKERT_WORDS = {
    "likert4": {
        "sangat_tidak_setuju": 1,
        "tidak_setuju": 2,
        "setuju": 3,
        "sangat_setuju": 4,
        "tidak_sesuai": 1,
        "kurang_sesuai": 2,
        "sesuai": 3,
        "sangat_sesuai": 4,
    },
    "likert5": {
        "sangat_tidak_setuju": 1,
        "tidak_setuju": 2,
        "netral": 3,
        "ragu_ragu": 3,
        "cukup": 3,
        "setuju": 4,
        "sangat_setuju": 5,
    },
}
TRUE_CELLS = {"1", "y", "ya", "yes", "true", "benar", "x", "v"}
FALSE_CELLS = {"0", "n", "tidak", "no", "false", "salah"}
_LEADING_NUMBER = re.compile(r"^\s*(\d+)\s*(?:[-–—.:)=]\s*.*)?$")
_DAY_FIRST = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$"
)


@dataclass(frozen=True)
class Unreadable:
    reason: str


def blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def text_of(cell: Any) -> str:
    """A cell as people read it: spreadsheet 4.0 → "4"."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime | dt.date):
        return cell.isoformat()
    return str(cell).strip()


def _by_label(item: ItemSpec) -> dict[str, str]:
    known = {normalise(label): value for value, label in item.choices}
    known |= {normalise(value): value for value, _label in item.choices}
    return known


def choice(item: ItemSpec, cell: Any) -> Any:
    """One choice (Likert point or option) from a number, a code or a label."""
    text = text_of(cell)
    known = _by_label(item)
    if normalise(text) in known:
        return known[normalise(text)]
    if item.kind in LIKERT_POINTS:
        word = LIKERT_WORDS[item.kind].get(normalise(text))
        if word is not None:
            return str(word)
        number = _LEADING_NUMBER.match(text)
        if number:
            return number.group(1)  # "4 - Setuju"; the range check is check_answers'
        top = LIKERT_POINTS[item.kind]
        return Unreadable(
            _("Jawaban “%(value)s” tidak dikenal untuk skala 1–%(top)d.")
            % {"value": text, "top": top}
        )
    return text  # an unknown option: check_answers names it


def multiple(item: ItemSpec, cell: Any) -> Any:
    text = text_of(cell)
    known = _by_label(item)
    if normalise(text) in known:
        return [known[normalise(text)]]
    for separator in (";", ",", None):  # None: Kobo's space-separated option names
        parts = [p.strip() for p in text.split(separator) if p.strip()]
        if len(parts) > 1 and all(normalise(p) in known for p in parts):
            return [known[normalise(p)] for p in parts]
    parts = [p.strip() for p in re.split(r"[;,]", text) if p.strip()]
    return [known.get(normalise(p), p) for p in parts]


def ticked(cell: Any, option_label: str) -> bool | Unreadable:
    """A per-option column (LimeSurvey ``Y``, Kobo ``1``, or the option's own label)."""
    text = normalise(text_of(cell))
    if text in TRUE_CELLS or text == normalise(option_label):
        return True
    if text in FALSE_CELLS or text == "":
        return False
    return Unreadable(
        _("Isi kolom pilihan harus 1/0 atau Y/N, bukan “%(value)s”.") % {"value": text_of(cell)}
    )


def date_value(cell: Any) -> Any:
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    text = text_of(cell)
    day_first = _DAY_FIRST.match(text)
    try:
        if day_first:
            return dt.date(int(day_first[3]), int(day_first[2]), int(day_first[1]))
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return Unreadable(
            _("Tanggal “%(value)s” tidak valid; gunakan HH/BB/TTTT atau TTTT-BB-HH.")
            % {"value": text}
        )


def number_value(cell: Any) -> Any:
    if isinstance(cell, int | float | Decimal) and not isinstance(cell, bool):
        return text_of(cell)
    return text_of(cell).replace(" ", "")


def timestamp(cell: Any) -> dt.datetime | Unreadable:
    """A submission time; times without a zone are WIB (Google Forms and LimeSurvey write
    local time), Kobo's ISO times carry their offset."""
    moment: dt.datetime | None = None
    if isinstance(cell, dt.datetime):
        moment = cell
    elif isinstance(cell, dt.date):
        moment = dt.datetime.combine(cell, dt.time())
    else:
        text = text_of(cell)
        day_first = _DAY_FIRST.match(text)
        try:
            if day_first:
                d, m, y, hh, mm, ss = (int(g) if g else 0 for g in day_first.groups())
                moment = dt.datetime(y, m, d, hh, mm, ss)  # noqa: DTZ001 - made aware below
            else:
                moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            moment = None
        if moment is None:
            return Unreadable(
                _("Waktu “%(value)s” tidak valid; gunakan HH/BB/TTTT jj:mm:dd atau ISO 8601.")
                % {"value": text}
            )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment
