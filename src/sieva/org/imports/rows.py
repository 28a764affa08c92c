"""Checking one data row of the employee import on its own (cross-row checks live elsewhere)."""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from operator import itemgetter
from typing import Any, NamedTuple

from django.utils.translation import gettext_lazy as _

from sieva.org.imports import cells
from sieva.org.imports import columns as col
from sieva.org.imports.cells import CellError
from sieva.org.models import AsnKind, PositionKind, PositionLevel
from sieva.org.nip import ParsedNip

UNIT_NOT_FOUND = _("Kode unit %(code)s tidak ditemukan dalam cakupan Anda.")
LEVEL_REQUIRED = _("Jenjang wajib diisi untuk jabatan fungsional.")
LEVEL_MISMATCH = _("Jenjang %(level)s tidak sesuai dengan jenis jabatan %(kind)s.")
LEVEL_NOT_ALLOWED = _("Jenjang hanya diisi untuk jabatan fungsional; kosongkan untuk %(kind)s.")
SUPERVISOR_NOT_NIP = _("NIP atasan harus 18 angka.")
SUPERVISOR_SELF = _("NIP atasan sama dengan NIP pegawai itu sendiri.")
CONTRACT_REQUIRED = _("TMT kontrak wajib diisi untuk PPPK.")
CONTRACT_ONLY_PPPK = _("TMT kontrak hanya diisi untuk PPPK; kosongkan untuk PNS.")
CONTRACT_BEFORE_APPOINTMENT = _(
    "TMT kontrak (%(date)s) sebelum tahun pengangkatan pada NI PPPK (%(year)d)."
)

NAME_LIMIT = 200
EXPERT = frozenset(
    {
        PositionLevel.AHLI_PERTAMA,
        PositionLevel.AHLI_MUDA,
        PositionLevel.AHLI_MADYA,
        PositionLevel.AHLI_UTAMA,
    }
)
SKILLED = frozenset(
    {PositionLevel.PEMULA, PositionLevel.TERAMPIL, PositionLevel.MAHIR, PositionLevel.PENYELIA}
)
_LEVELS_OF = {
    PositionKind.FUNCTIONAL_EXPERT: EXPERT,
    PositionKind.FUNCTIONAL_SKILLED: SKILLED,
}
_SPACES = re.compile(r"\s+")


class EmployeeRow(NamedTuple):
    """One valid row, ready to write; a tuple keeps 100,000 of them small in memory."""

    row: int
    nip: str
    name: str
    asn_kind: str
    gender: str
    birth_date: dt.date
    grade: str
    position_kind: str
    position_level: str
    position_name: str
    education: str
    unit_id: int
    supervisor_nip: str
    contract_start: dt.date | None
    is_active: bool


@dataclass
class RowCheck:
    """The context every row is checked against, and the (column, reason) problems found."""

    layout: col.Layout
    unit_ids: dict[str, int]  # unit code (as stored and upper-cased) -> id, inside the scope
    today: dt.date
    problems: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # One C-level call picks every known column; absent columns read a padding cell.
        self.width = max(self.layout.positions.values(), default=0) + 1
        self._pick = itemgetter(*(self.layout.positions.get(c, self.width) for c in col.ALL))

    def cells(self, raw: list[Any]) -> tuple[Any, ...]:
        """The row's cells in `columns.ALL` order ("" for a column the file lacks)."""
        if len(raw) <= self.width:
            raw = [*raw, *[""] * (self.width + 1 - len(raw))]
        return self._pick(raw)  # type: ignore[no-any-return]


def is_blank(raw: list[Any]) -> bool:
    return all(
        cell is None or cell == "" or (isinstance(cell, str) and cell.isspace()) for cell in raw
    )


def check_row(number: int, raw: list[Any], check: RowCheck) -> EmployeeRow | None:
    """The row as an `EmployeeRow`, or None with its problems put in ``check.problems``."""
    problems: list[tuple[str, str]] = []
    check.problems = problems
    # Unpacked in the order of columns.ALL.
    (
        nip_cell,
        name_cell,
        kind_cell,
        grade_cell,
        position_kind_cell,
        unit_cell,
        level_cell,
        position_name_cell,
        education_cell,
        supervisor_cell,
        contract_cell,
        active_cell,
    ) = check.cells(raw)
    try:
        codes = _cached_codes(
            kind_cell, grade_cell, position_kind_cell, level_cell, education_cell, active_cell
        )
    except InvalidCodes as exc:
        codes = exc.codes
        problems.extend(exc.problems)
    kind = codes.asn_kind
    text = cells.text
    parse = partial(_parse, problems)
    nip_text = parse(col.NIP, cells.nip_text, nip_cell)
    parsed = None
    if nip_text is not None and kind:
        parsed = parse(col.NIP, cells.parsed_nip, nip_text, kind, check.today)
    name = parse(col.NAME, _name, text(name_cell))
    position_name = parse(col.POSITION_NAME, cells.collapsed, text(position_name_cell), 200)
    unit_id = _unit(text(unit_cell), check)
    supervisor = _supervisor(supervisor_cell, problems, parsed.number if parsed else "")
    contract_start = _contract_start(contract_cell, problems, kind, parsed)
    if problems or parsed is None or unit_id is None:
        return None
    return EmployeeRow(
        number,
        parsed.number,
        name,
        kind,
        parsed.gender,
        parsed.birth_date,
        codes.grade,
        codes.position_kind,
        codes.position_level,
        position_name,
        codes.education,
        unit_id,
        supervisor,
        contract_start,
        codes.is_active,
    )


class Codes(NamedTuple):
    """The row's values drawn from short code lists; None where a value is invalid."""

    asn_kind: str | None
    grade: str | None
    position_kind: str
    position_level: str
    education: str | None
    is_active: bool | None


class InvalidCodes(Exception):
    """Raised by `_cached_codes` so failures bypass the cache; carries what did parse."""

    def __init__(self, codes: Codes, problems: list[tuple[str, str]]) -> None:
        self.codes = codes
        self.problems = problems


# typed: 1 and True must not share a cache entry. Failures raise, so they are never cached.
@lru_cache(maxsize=4096, typed=True)
def _cached_codes(
    kind: Any, grade: Any, position_kind: Any, level: Any, education: Any, active: Any
) -> Codes:
    """The code-list columns of a row parsed together: they repeat, so this runs rarely."""
    problems: list[tuple[str, str]] = []
    parse = partial(_parse, problems)
    text = cells.text
    asn_kind = parse(col.ASN_KIND, cells.asn_kind, text(kind))
    codes = Codes(
        asn_kind,
        parse(col.GRADE, cells.grade, text(grade), asn_kind) if asn_kind else None,
        *_position(text(position_kind), text(level), problems),
        parse(col.EDUCATION, cells.education, text(education)),
        parse(col.ACTIVE, cells.boolean, text(active)),
    )
    if problems:
        raise InvalidCodes(codes, problems)
    return codes


def _parse(
    problems: list[tuple[str, str]], column: str, parser: Callable[..., Any], *args: Any
) -> Any:
    """`parser(*args)`, or None after noting its CellError against `column`."""
    try:
        return parser(*args)
    except CellError as exc:
        problems.append((column, str(exc)))
        return None


def _name(value: str) -> str:
    if not value:
        raise CellError(str(cells.REQUIRED_VALUE))
    return cells.collapsed(value, NAME_LIMIT)


def _position(kind_text: str, level_text: str, problems: list[tuple[str, str]]) -> tuple[str, str]:
    try:
        kind = cells.position_kind(kind_text)
    except CellError as exc:
        problems.append((col.POSITION_KIND, str(exc)))
        kind = None
    try:
        level = cells.position_level(level_text)
    except CellError as exc:
        problems.append((col.POSITION_LEVEL, str(exc)))
        return "", ""
    if kind is None:
        return "", ""
    if kind == cells.FUNCTIONAL:
        if not level:
            problems.append((col.POSITION_LEVEL, str(LEVEL_REQUIRED)))
            return "", ""
        kind = (
            PositionKind.FUNCTIONAL_EXPERT if level in EXPERT else PositionKind.FUNCTIONAL_SKILLED
        )
    allowed = _LEVELS_OF.get(kind)
    if allowed is None and level:
        label = PositionKind(kind).label
        problems.append((col.POSITION_LEVEL, str(LEVEL_NOT_ALLOWED) % {"kind": label}))
    elif allowed is not None and not level:
        problems.append((col.POSITION_LEVEL, str(LEVEL_REQUIRED)))
    elif allowed is not None and level not in allowed:
        params = {"level": PositionLevel(level).label, "kind": PositionKind(kind).label}
        problems.append((col.POSITION_LEVEL, str(LEVEL_MISMATCH) % params))
    return str(kind), level


def _unit(code: str, check: RowCheck) -> int | None:
    if not code:
        check.problems.append((col.UNIT, str(cells.REQUIRED_VALUE)))
        return None
    unit_id = check.unit_ids.get(code) or check.unit_ids.get(code.upper())
    if unit_id is None:
        check.problems.append((col.UNIT, str(UNIT_NOT_FOUND) % {"code": code}))
    return unit_id


def _supervisor(value: Any, problems: list[tuple[str, str]], own_nip: str) -> str:
    try:
        digits = _SPACES.sub("", cells.nip_text(value))
    except CellError as exc:
        problems.append((col.SUPERVISOR, str(exc)))
        return ""
    if not digits:
        return ""
    if len(digits) != 18 or not (digits.isascii() and digits.isdigit()):
        problems.append((col.SUPERVISOR, str(SUPERVISOR_NOT_NIP)))
    elif digits == own_nip:
        problems.append((col.SUPERVISOR, str(SUPERVISOR_SELF)))
    return digits


def _contract_start(
    value: Any, problems: list[tuple[str, str]], kind: str | None, parsed: ParsedNip | None
) -> dt.date | None:
    try:
        start = cells.date(value)
    except CellError as exc:
        problems.append((col.CONTRACT_START, str(exc)))
        return None
    if kind == AsnKind.PNS and start is not None:
        problems.append((col.CONTRACT_START, str(CONTRACT_ONLY_PPPK)))
    elif kind == AsnKind.PPPK and start is None:
        problems.append((col.CONTRACT_START, str(CONTRACT_REQUIRED)))
    elif kind == AsnKind.PPPK and start and parsed and start.year < parsed.appointment_year:
        params = {"date": start.strftime("%d/%m/%Y"), "year": parsed.appointment_year}
        problems.append((col.CONTRACT_START, str(CONTRACT_BEFORE_APPOINTMENT) % params))
    return start
