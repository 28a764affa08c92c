"""NIP (PNS) and NI PPPK: the 18-digit identity numbers of ASN, parsed and checked.

Pure Python (no Django), so forms, imports, the demo builder and tests share one rule.

PNS (PP 11/2017; Perka BKN 22/2007)::

    19850312 201001 1 003
    birth    TMT    gender serial
    YYYYMMDD YYYYMM 1|2    001-999

NI PPPK (DOMAIN.md): birth ``YYYYMMDD`` + appointment year ``YYYY`` + a 2-digit code +
gender + 3-digit serial. Only length, birth date and gender are checked for PPPK, as the
code's meaning is not published.

Error messages are Indonesian templates marked with ``gettext_noop`` so Django's
``makemessages`` collects them; a Django caller translates with ``gettext(err.template) %
err.params`` (see `NipError`).
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

__all__ = [
    "NIP_LENGTH",
    "NipError",
    "ParsedNip",
    "format_nip",
    "parse_nip",
]

NIP_LENGTH = 18
PNS = "PNS"
PPPK = "PPPK"
# Appointment as CPNS needs the age of 18 (PP 11/2017 Pasal 23(1)a); checked to the month
# because TMT CPNS is always the first of a month.
MIN_APPOINTMENT_AGE = 18
EARLIEST_BIRTH_YEAR = 1900
_WIB = ZoneInfo("Asia/Jakarta")
_GENDERS = {"1": "L", "2": "P"}


def gettext_noop(message: str) -> str:
    """Marks `message` for translation without translating (keeps this module Django-free)."""
    return message


EMPTY = gettext_noop("NIP kosong.")
WRONG_LENGTH = gettext_noop("NIP harus 18 digit, tertulis %(length)d digit.")
NOT_DIGITS = gettext_noop("NIP hanya boleh berisi angka (dan spasi pemisah).")
BAD_BIRTH_DATE = gettext_noop("Tanggal lahir pada NIP (digit 1-8: %(digits)s) tidak valid.")
FUTURE_BIRTH_DATE = gettext_noop(
    "Tanggal lahir pada NIP (digit 1-8: %(digits)s) belum terjadi atau terlalu lampau."
)
BAD_TMT = gettext_noop("TMT CPNS pada NIP (digit 9-14: %(digits)s) bukan tahun-bulan yang valid.")
TMT_TOO_YOUNG = gettext_noop(
    "TMT CPNS pada NIP (%(tmt)s) sebelum pegawai berusia 18 tahun (lahir %(birth)s)."
)
TMT_IN_FUTURE = gettext_noop("TMT CPNS pada NIP (%(tmt)s) masih di masa depan.")
BAD_GENDER = gettext_noop(
    "Digit jenis kelamin pada NIP (digit 15) harus 1 (laki-laki) atau 2 (perempuan), "
    "tertulis %(digit)s."
)
ZERO_SERIAL = gettext_noop("Nomor urut pada NIP (digit 16-18) tidak boleh 000.")
UNKNOWN_KIND = gettext_noop("Jenis ASN harus PNS atau PPPK, tertulis %(kind)s.")


class NipError(ValueError):
    """An invalid NIP; ``template`` and ``params`` let a caller translate the reason."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(template % params if params else template)


@dataclass(frozen=True)
class ParsedNip:
    """The parts of a valid number.

    ``kind`` is ``"PNS"`` or ``"PPPK"``; ``gender`` is ``"L"`` or ``"P"`` (the codes of
    `sieva.org.models.Gender`); ``appointment_month`` and ``tmt_cpns`` are None for PPPK;
    ``pppk_code`` is ``""`` for PNS.
    """

    number: str
    kind: str
    birth_date: dt.date
    appointment_year: int
    appointment_month: int | None
    pppk_code: str
    gender: str
    serial: int

    @property
    def tmt_cpns(self) -> dt.date | None:
        """TMT CPNS (first day of the month), or None for PPPK."""
        if self.appointment_month is None:
            return None
        return dt.date(self.appointment_year, self.appointment_month, 1)

    @property
    def printed(self) -> str:
        """The number grouped as on a Kartu Pegawai: ``19850312 201001 1 003``."""
        return format_nip(self.number)


def format_nip(number: str) -> str:
    """`number` (18 digits, spaces ignored) grouped 8-6-1-3 as printed; NipError if malformed.

    >>> format_nip("198503122010011003")
    '19850312 201001 1 003'
    """
    digits = _digits(number)
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def parse_nip(text: str, kind: str | None = None, *, today: dt.date | None = None) -> ParsedNip:
    """Check `text` as an NIP (``kind="PNS"``) or NI PPPK (``kind="PPPK"``) and split it.

    With ``kind=None`` digits 13-14 decide: a month 01-12 means PNS, anything else (the
    PPPK code, e.g. ``21``) means PPPK. `today` (default: today in WIB) bounds the birth date
    and TMT CPNS. Raises `NipError` (a ValueError) with an Indonesian reason.

    >>> nip = parse_nip("19850312 201001 2 003", today=dt.date(2026, 1, 1))
    >>> nip.kind, nip.birth_date, nip.tmt_cpns, nip.gender, nip.serial
    ('PNS', datetime.date(1985, 3, 12), datetime.date(2010, 1, 1), 'P', 3)
    >>> parse_nip("198507262021211001", today=dt.date(2026, 1, 1)).kind
    'PPPK'
    >>> parse_nip("1985031220100110")
    Traceback (most recent call last):
    ...
    sieva.org.nip.NipError: NIP harus 18 digit, tertulis 16 digit.
    """
    digits = _digits(text)
    if kind is None:
        kind = PNS if 1 <= int(digits[12:14]) <= 12 else PPPK
    if kind not in (PNS, PPPK):
        raise NipError(UNKNOWN_KIND, kind=kind)
    today = today or dt.datetime.now(tz=_WIB).date()
    birth = _birth_date(digits[:8], today)
    gender = _GENDERS.get(digits[14])
    if gender is None:
        raise NipError(BAD_GENDER, digit=digits[14])
    year = int(digits[8:12])
    if kind == PPPK:
        return ParsedNip(digits, PPPK, birth, year, None, digits[12:14], gender, int(digits[15:]))
    month = _tmt_month(digits, birth, today)
    serial = int(digits[15:])
    if serial == 0:
        raise NipError(ZERO_SERIAL)
    return ParsedNip(digits, PNS, birth, year, month, "", gender, serial)


def _digits(text: str) -> str:
    digits = "".join((text or "").split())  # drops spaces, tabs and no-break spaces
    if not digits:
        raise NipError(EMPTY)
    if not (digits.isascii() and digits.isdigit()):
        raise NipError(NOT_DIGITS)
    if len(digits) != NIP_LENGTH:
        raise NipError(WRONG_LENGTH, length=len(digits))
    return digits


def _birth_date(digits: str, today: dt.date) -> dt.date:
    try:
        birth = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise NipError(BAD_BIRTH_DATE, digits=digits) from None
    if birth > today or birth.year < EARLIEST_BIRTH_YEAR:
        raise NipError(FUTURE_BIRTH_DATE, digits=digits)
    return birth


def _tmt_month(digits: str, birth: dt.date, today: dt.date) -> int:
    year, month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= month <= 12 or year < EARLIEST_BIRTH_YEAR:
        raise NipError(BAD_TMT, digits=digits[8:14])
    tmt = f"{month:02d}/{year}"
    if (year, month) < (birth.year + MIN_APPOINTMENT_AGE, birth.month):
        raise NipError(TMT_TOO_YOUNG, tmt=tmt, birth=birth.strftime("%d/%m/%Y"))
    if (year, month) > (today.year, today.month):
        raise NipError(TMT_IN_FUTURE, tmt=tmt)
    return month
