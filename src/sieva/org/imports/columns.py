"""The column layout of the employee import (documented in docs/employee-import.md).

Headers match case-insensitively, with spaces, dots and hyphens read as underscores, so
"Nama Jabatan", "NAMA_JABATAN" and "nama-jabatan" are one column. Unknown columns are ignored,
so a wider export (such as one from SIASN) can be uploaded as it is.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

NIP = "NIP"
NAME = "NAMA"
ASN_KIND = "JENIS_ASN"
GRADE = "GOLONGAN"
POSITION_KIND = "JENIS_JABATAN"
POSITION_LEVEL = "JENJANG_JABATAN"
POSITION_NAME = "NAMA_JABATAN"
EDUCATION = "PENDIDIKAN"
UNIT = "KODE_UNIT"
SUPERVISOR = "NIP_ATASAN"
CONTRACT_START = "TMT_KONTRAK"
ACTIVE = "AKTIF"

REQUIRED = (NIP, NAME, ASN_KIND, GRADE, POSITION_KIND, UNIT)
OPTIONAL = (POSITION_LEVEL, POSITION_NAME, EDUCATION, SUPERVISOR, CONTRACT_START, ACTIVE)
ALL = REQUIRED + OPTIONAL
# Names other exports use for the same column (SIASN calls the 18-digit number NIP_BARU).
ALIASES = {"NIP_BARU": NIP, "NAMA_PEGAWAI": NAME, "NIP_ATASAN_LANGSUNG": SUPERVISOR}

# The model field each optional column fills; an absent column leaves the field untouched.
FIELD_OF_OPTIONAL = {
    POSITION_LEVEL: "position_level",
    POSITION_NAME: "position_name",
    EDUCATION: "education",
    SUPERVISOR: "supervisor",
    CONTRACT_START: "contract_start",
    ACTIVE: "is_active",
}

MISSING_COLUMN = _("Kolom wajib %(column)s tidak ada pada baris judul.")
DUPLICATE_COLUMN = _("Kolom %(column)s muncul lebih dari sekali.")
HEADER_ROW = 1

_SEPARATORS = re.compile(r"[\s.\-]+")


def header_key(text: str) -> str:
    """`text` as a column key: upper case, separators as underscores."""
    return _SEPARATORS.sub("_", text.strip()).strip("_").upper()


def canonical_header(text: str) -> str:
    """`text` as an employee-import column key, aliases resolved."""
    key = header_key(text)
    return ALIASES.get(key, key)


@dataclass(frozen=True)
class Layout:
    """Where each known column sits in the file (0-based), by canonical name."""

    positions: dict[str, int]

    def has(self, column: str) -> bool:
        return column in self.positions

    @property
    def present_optional_fields(self) -> list[str]:
        return [field for column, field in FIELD_OF_OPTIONAL.items() if self.has(column)]


def match_columns(
    keys: list[str], known: tuple[str, ...], required: tuple[str, ...]
) -> tuple[Layout, list[tuple[str, str]]]:
    """The layout of a header row already turned into column `keys`, and its (column,
    reason) problems: a `known` column given twice, a `required` one missing."""
    positions: dict[str, int] = {}
    problems: list[tuple[str, str]] = []
    for index, key in enumerate(keys):
        if key not in known:
            continue
        if key in positions:
            problems.append((key, str(DUPLICATE_COLUMN) % {"column": key}))
        else:
            positions[key] = index
    for column in required:
        if column not in positions:
            problems.append((column, str(MISSING_COLUMN) % {"column": column}))
    return Layout(positions), problems


def match_header(header: list[str]) -> tuple[Layout, list[tuple[str, str]]]:
    """The layout of `header` and the (column, reason) problems found on the header row."""
    return match_columns([canonical_header(text) for text in header], ALL, REQUIRED)
