"""Turning one raw cell into a model value, or a `CellError` saying why not.

Each parser accepts the spellings people type (labels, codes, upper or lower case). Parsers of
columns whose few values repeat on every row are cached: a 100,000-row file parses "III/a" once.
Only successes are cached (a raised error is not), so messages follow the active language.
"""

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sieva.core.tables import cell_text as text
from sieva.org import grades, nip
from sieva.org.models import AsnKind, Education, PositionKind, PositionLevel

REQUIRED_VALUE = _("Wajib diisi.")
NUMBER_NOT_TEXT = _(
    "NIP tersimpan sebagai angka sehingga digit terakhirnya bisa berubah; format kolom "
    "sebagai Teks lalu ketik ulang NIP-nya."
)
UNKNOWN_ASN_KIND = _("Jenis ASN %(value)s tidak dikenal; isi PNS atau PPPK.")
UNKNOWN_POSITION_KIND = _("Jenis jabatan %(value)s tidak dikenal; pilihan: %(choices)s.")
UNKNOWN_POSITION_LEVEL = _("Jenjang jabatan %(value)s tidak dikenal; pilihan: %(choices)s.")
UNKNOWN_EDUCATION = _("Pendidikan %(value)s tidak dikenal; pilihan: %(choices)s.")
UNKNOWN_BOOLEAN = _("Isi YA atau TIDAK, tertulis %(value)s.")
BAD_DATE = _("Tanggal %(value)s tidak valid; tulis sebagai YYYY-MM-DD atau DD/MM/YYYY.")
TOO_LONG = _("Paling banyak %(limit)d karakter, tertulis %(length)d.")

_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")
_SEPARATORS = re.compile(r"[\s_\-/.]+")
_TRUE = {"YA", "Y", "YES", "1", "TRUE", "AKTIF", "BENAR"}
_FALSE = {"TIDAK", "T", "N", "NO", "0", "FALSE", "NONAKTIF", "TIDAK_AKTIF", "SALAH"}
# The bare word "fungsional" is resolved by the jenjang in the same row (see rows.py).
FUNCTIONAL = "fungsional"
_EDUCATION_SYNONYMS = {"SLTP": "SMP", "SMK": "SMA", "SLTA": "SMA", "SMASMK": "SMA", "SMU": "SMA"}
_EDUCATION_SYNONYMS |= {"DI": "D1", "DII": "D2", "DIII": "D3", "DIV": "D4"}


class CellError(ValueError):
    """A cell that cannot become a model value; the message is translated, in Indonesian."""


def collapsed(value: str, limit: int) -> str:
    """`value` with inner runs of spaces collapsed, at most `limit` characters long."""
    value = " ".join(value.split())
    if len(value) > limit:
        raise CellError(str(TOO_LONG) % {"limit": limit, "length": len(value)})
    return value


def nip_text(cell: Any) -> str:
    """The cell as NIP text; numbers are refused because Excel keeps only 15 digits."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        raise CellError(str(NUMBER_NOT_TEXT))
    return text(cell)


def parsed_nip(value: str, kind: str, today: dt.date) -> nip.ParsedNip:
    if not value:
        raise CellError(str(REQUIRED_VALUE))
    try:
        return nip.parse_nip(value, kind, today=today)
    except nip.NipError as exc:
        raise CellError(gettext(exc.template) % exc.params) from None


@lru_cache(maxsize=512)
def grade(value: str, asn_kind: str) -> str:
    try:
        return grades.normalise_grade(value, asn_kind)
    except grades.GradeError as exc:
        raise CellError(gettext(exc.template) % exc.params) from None


def _key(value: str) -> str:
    return _SEPARATORS.sub("_", value.strip()).strip("_").lower()


@lru_cache(maxsize=64)
def asn_kind(value: str) -> str:
    if not value:
        raise CellError(str(REQUIRED_VALUE))
    key = _key(value).upper()
    if key in AsnKind.values:
        return key
    raise CellError(str(UNKNOWN_ASN_KIND) % {"value": value})


def _choice(value: str, key: str, choices: Any, message: Any) -> str:
    for choice in choices:
        if key in (choice.value, _key(str(choice.label))):
            return str(choice.value)
    labels = ", ".join(str(choice.label) for choice in choices)
    raise CellError(str(message) % {"value": value, "choices": labels})


@lru_cache(maxsize=256)
def position_kind(value: str) -> str:
    """A `PositionKind` value, or `FUNCTIONAL` for the bare word "fungsional"."""
    if not value:
        raise CellError(str(REQUIRED_VALUE))
    key = _key(value).removeprefix("jabatan_")
    if key == FUNCTIONAL:
        return FUNCTIONAL
    return _choice(value, key, PositionKind, UNKNOWN_POSITION_KIND)


@lru_cache(maxsize=256)
def position_level(value: str) -> str:
    if not value:
        return ""
    return _choice(value, _key(value), PositionLevel, UNKNOWN_POSITION_LEVEL)


@lru_cache(maxsize=256)
def education(value: str) -> str:
    if not value:
        return ""
    key = _SEPARATORS.sub("", value).upper()
    key = _EDUCATION_SYNONYMS.get(key, key)
    if key in Education.values:
        return key
    labels = ", ".join(str(choice.label) for choice in Education)
    raise CellError(str(UNKNOWN_EDUCATION) % {"value": value, "choices": labels})


@lru_cache(maxsize=64)
def boolean(value: str) -> bool:
    """YA/TIDAK and the usual variants; an empty cell means active."""
    key = _key(value).upper()
    if not key or key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise CellError(str(UNKNOWN_BOOLEAN) % {"value": value})


def date(cell: Any) -> dt.date | None:
    """A date cell or text in one of `_DATE_FORMATS`; None for an empty cell."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    return _date_text(text(cell))


@lru_cache(maxsize=1024)
def _date_text(value: str) -> dt.date | None:
    if not value:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    raise CellError(str(BAD_DATE) % {"value": value})
