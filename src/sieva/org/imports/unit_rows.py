"""Checking one data row of the organisation import on its own (the tree is checked later)."""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.utils.translation import gettext_lazy as _

from sieva.org.imports import cells
from sieva.org.imports import unit_columns as col
from sieva.org.imports.cells import CellError
from sieva.org.imports.columns import Layout
from sieva.org.models import OrgKind
from sieva.org.services.unit_rules import POPULATION_MAX, code_problem, name_problem

UNKNOWN_KIND = _("Jenis %(value)s tidak dikenal; pilihan: %(choices)s.")
BAD_POPULATION = _("Populasi layanan harus bilangan bulat 1 sampai %(limit)s, tertulis %(value)s.")

# The Indonesian words people use for each kind, besides its code and its label (decision 0051).
KIND_WORDS = {
    OrgKind.NATIONAL: ("nasional", "pusat", "national"),
    OrgKind.PROVINCE: ("provinsi", "prov", "province"),
    OrgKind.CITY: ("kabkota", "kab_kota", "kabupaten_kota", "kabupaten", "kota", "kab", "city"),
    OrgKind.AGENCY: ("instansi", "pemda", "pemerintah_daerah", "kementerian", "lembaga", "agency"),
    OrgKind.DEPARTMENT: (
        "perangkat_daerah",
        "unit_kerja",
        "perangkat_daerah_unit_kerja",
        "opd",
        "skpd",
        "satuan_kerja",
        "satker",
        "department",
    ),
    OrgKind.SERVICE_UNIT: ("unit_layanan", "unit_pelayanan", "layanan", "service_unit"),
}
_KIND_OF_WORD = {word: kind.value for kind, words in KIND_WORDS.items() for word in words}
_SEPARATORS = re.compile(r"[\s_\-/.]+")
# Thousands written with dots, commas or spaces: "1.200", "12,500", "1 200 000".
_GROUPED = re.compile(r"\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*")


@dataclass(frozen=True)
class UnitRow:
    """One row that passed the cell checks. `parent_key` is the upper-cased KODE_INDUK ("" when
    blank); `active` is None where the file has no AKTIF column, `population_given` False where
    it has no POPULASI_LAYANAN column (a blank cell clears the stored number)."""

    row: int
    code: str
    name: str
    kind: str
    parent_key: str
    population: int | None
    population_given: bool
    active: bool | None

    @property
    def key(self) -> str:
        return self.code.upper()


def unit_key(code: str) -> str:
    """Codes match whatever their case: "mdn-dinkes" is MDN-DINKES."""
    return code.strip().upper()


@lru_cache(maxsize=128)
def kind(value: str) -> str:
    """The `OrgKind` value of a JENIS cell: its code, its label or a common Indonesian word."""
    if not value:
        raise CellError(str(cells.REQUIRED_VALUE))
    key = _SEPARATORS.sub("_", value.strip()).strip("_").lower()
    if key in _KIND_OF_WORD:
        return _KIND_OF_WORD[key]
    for choice in OrgKind:
        if key == _SEPARATORS.sub("_", str(choice.label)).strip("_").lower():
            return str(choice.value)
    labels = ", ".join(str(choice.label) for choice in OrgKind)
    raise CellError(str(UNKNOWN_KIND) % {"value": value, "choices": labels})


def population(cell: Any) -> int | None:
    """A POPULASI_LAYANAN cell as a whole number (None when blank); spreadsheets' 1200.0 and
    Indonesian "1.200" are 1200."""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    value = cell if isinstance(cell, int) and not isinstance(cell, bool) else None
    text = cells.text(cell)
    if value is None and text:
        if text.isdigit():
            value = int(text)
        elif _GROUPED.fullmatch(text):
            value = int(re.sub(r"\D", "", text))
    if value is None and not text:
        return None
    if value is None or not 1 <= value <= POPULATION_MAX:
        limit = f"{POPULATION_MAX:,}".replace(",", ".")
        raise CellError(str(BAD_POPULATION) % {"limit": limit, "value": text})
    return value


class RowReader:
    """Reads data rows in the layout of one file; `problems` holds the last row's
    (column, reason) pairs."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.problems: list[tuple[str, str]] = []

    def _cell(self, raw: list[Any], column: str) -> Any:
        index = self.layout.positions.get(column)
        return raw[index] if index is not None and index < len(raw) else None

    def _parse(self, column: str, parser: Any, cell: Any) -> Any:
        try:
            return parser(cell)
        except CellError as exc:
            self.problems.append((column, str(exc)))
            return None

    def read(self, number: int, raw: list[Any]) -> UnitRow | None:
        """The row as a `UnitRow`, or None with its problems in `problems`."""
        self.problems = []
        code = cells.text(self._cell(raw, col.CODE))
        if problem := code_problem(code):
            self.problems.append((col.CODE, problem))
        name = " ".join(cells.text(self._cell(raw, col.NAME)).split())
        if problem := name_problem(name):
            self.problems.append((col.NAME, problem))
        kind_value = self._parse(col.KIND, kind, cells.text(self._cell(raw, col.KIND)))
        parent_key = unit_key(cells.text(self._cell(raw, col.PARENT)))
        people = None
        if self.layout.has(col.POPULATION):
            people = self._parse(col.POPULATION, population, self._cell(raw, col.POPULATION))
        active = None
        if self.layout.has(col.ACTIVE):
            active = self._parse(col.ACTIVE, cells.boolean, cells.text(self._cell(raw, col.ACTIVE)))
        if self.problems:
            return None
        given = self.layout.has(col.POPULATION)
        return UnitRow(number, code, name, kind_value, parent_key, people, given, active)
