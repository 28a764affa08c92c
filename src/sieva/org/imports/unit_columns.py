"""The column layout of the organisation import (documented in docs/org-import.md).

Headers match as in the employee import: case-insensitively, with spaces, dots and hyphens
read as underscores ("Kode induk" = KODE_INDUK), so the CSV export of the unit list can be
uploaded again. Unknown columns are ignored.
"""

from sieva.org.imports.columns import Layout, header_key, match_columns

CODE = "KODE"
NAME = "NAMA"
KIND = "JENIS"
PARENT = "KODE_INDUK"
POPULATION = "POPULASI_LAYANAN"
ACTIVE = "AKTIF"

REQUIRED = (CODE, NAME, KIND, PARENT)
OPTIONAL = (POPULATION, ACTIVE)
ALL = REQUIRED + OPTIONAL
ALIASES = {
    "KODE_UNIT": CODE,
    "NAMA_UNIT": NAME,
    "JENIS_UNIT": KIND,
    "INDUK": PARENT,
    "KODE_UNIT_INDUK": PARENT,
    "POPULASI": POPULATION,
}


def match_header(header: list[str]) -> tuple[Layout, list[tuple[str, str]]]:
    """The layout of `header` and the (column, reason) problems found on the header row."""
    keys = [ALIASES.get(key, key) for key in map(header_key, header)]
    return match_columns(keys, ALL, REQUIRED)
