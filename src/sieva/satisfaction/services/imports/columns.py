"""The SKM import layout: which header names are accepted, and how raw cells become values.

Value maps are dicts whose `__missing__` tries the spellings people type (case, spaces,
labels, numbers as 3.0) once per distinct value, so `map(table.__getitem__, column)` runs
at C speed on a million rows.
"""

import re
from typing import Any

from django.utils.translation import gettext as _

from sieva.satisfaction.elements import (
    ELEMENTS,
    PROFILE,
    AgeBand,
    Occupation,
    RespondentEducation,
    RespondentGender,
)

BAD = -1  # marks a cell that is not a valid value
UNIT, WHEN, RESPONDENT_ID = "kode_unit", "tanggal", "id_respon"
# Profile columns are named like the SKM instrument's items (the one SKM definition).
GENDER, AGE, EDUCATION, OCCUPATION, SERVICE = (field.code for field in PROFILE)
REQUIRED = (UNIT, WHEN, *ELEMENTS)
OPTIONAL = (GENDER, AGE, EDUCATION, OCCUPATION, SERVICE, RESPONDENT_ID)
# "waktu" alone is the element waktu penyelesaian, never the timestamp.
_ALIASES = {
    "unit": UNIT,
    "kode_unit_layanan": UNIT,
    "cap_waktu": WHEN,
    "timestamp": WHEN,
    "waktu_pengisian": WHEN,
    "tanggal_pengisian": WHEN,
    "gender": GENDER,
    "kelompok_usia": AGE,
    "umur": AGE,
    "jenis_layanan": SERVICE,
    "id": RESPONDENT_ID,
    "_uuid": RESPONDENT_ID,
    "response_id": RESPONDENT_ID,
}
_POSITIONAL = re.compile(r"^u[1-9]$")
_SEPARATORS = re.compile(r"[\s\-/.]+")


def normalise(name: str) -> str:
    return _SEPARATORS.sub("_", name.strip().lower()).strip("_")


def match_header(header: list[str]) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Field → column index, and (column, problem) pairs for the header row."""
    layout: dict[str, int] = {}
    problems: list[tuple[str, str]] = []
    for index, name in enumerate(header):
        key = normalise(name)
        field = _ALIASES.get(key, key)
        if _POSITIONAL.match(key):
            problems.append(
                (
                    name,
                    _(
                        "Kolom U1–U9 berbeda urutannya antarformulir (U8/U9 sering tertukar); ganti "
                        "nama kolom dengan kode unsur: %(codes)s."
                    )
                    % {"codes": ", ".join(ELEMENTS)},
                )
            )
        elif field in REQUIRED or field in OPTIONAL:
            if field in layout:
                problems.append((name, _("Kolom ini muncul dua kali.")))
            layout[field] = index
    for field in REQUIRED:
        if field not in layout:
            problems.append((field, _("Kolom wajib %(column)s tidak ada.") % {"column": field}))
    return layout, problems


class ValueMap(dict[Any, Any]):
    """Raw cell → value; unknown spellings resolve through `lookup` and are remembered."""

    def __init__(self, known: dict[str, Any]) -> None:
        super().__init__()
        self.known = {normalise(str(k)): v for k, v in known.items()}
        self[None] = ""
        self[""] = ""

    def lookup(self, key: str) -> Any:
        return self.known.get(key, BAD)

    def __missing__(self, cell: Any) -> Any:
        value = self.lookup(normalise(str(cell)))
        self[cell] = value
        return value


class AnswerMap(ValueMap):
    """1–4 → int; blank → 0 (left unanswered); anything else → BAD."""

    def __init__(self) -> None:
        super().__init__({str(v): v for v in range(1, 5)})
        self[None] = 0
        self[""] = 0
        for v in range(1, 5):
            self[v] = v  # XLSX numbers; 3.0 hashes as 3

    def lookup(self, key: str) -> Any:
        if key == "":
            return 0
        if key.endswith("_0") or key.endswith(",0"):
            key = key[:-2]  # "3.0" and "3,0" after normalising
        return self.known.get(key, BAD)


def _choices(enum: Any, extra: dict[str, str]) -> dict[str, str]:
    out = {c.value: c.value for c in enum}
    out |= {str(c.label): c.value for c in enum}
    return out | extra


class AgeMap(ValueMap):
    """Age band by code or label, or an age in years turned into its band."""

    def lookup(self, key: str) -> Any:
        if key.isdigit() and 10 <= int(key) <= 120:
            age = int(key)
            if age < 20:
                return AgeBand.UNDER_20.value
            if age >= 60:
                return AgeBand.FROM_60.value
            return f"{age // 10 * 10}-{age // 10 * 10 + 9}"
        return super().lookup(key)


def value_maps() -> dict[str, ValueMap]:
    """Fresh maps for one import (their caches grow with the file's distinct values)."""
    return {
        GENDER: ValueMap(
            _choices(
                RespondentGender,
                {
                    "laki_laki": "L",
                    "pria": "L",
                    "m": "L",
                    "male": "L",
                    "wanita": "P",
                    "f": "P",
                    "female": "P",
                },
            )
        ),
        AGE: AgeMap(_choices(AgeBand, {"60": "60+", "<_20": "<20", "dibawah_20": "<20"})),
        EDUCATION: ValueMap(
            _choices(
                RespondentEducation,
                {
                    "sltp": "SMP",
                    "slta": "SMA",
                    "smk": "SMA",
                    "sma_smk": "SMA",
                    "d1": "D1-D3",
                    "d2": "D1-D3",
                    "d3": "D1-D3",
                    "d4": "D4-S1",
                    "s1": "D4-S1",
                    "sarjana": "D4-S1",
                },
            )
        ),
        OCCUPATION: ValueMap(
            _choices(
                Occupation,
                {
                    "asn": "pns",
                    "pppk": "pns",
                    "tni": "tni_polri",
                    "polri": "tni_polri",
                    "swasta": "swasta",
                    "wiraswasta": "wirausaha",
                    "mahasiswa": "pelajar",
                    "pelajar_mahasiswa": "pelajar",
                },
            )
        ),
    }


def allowed(field: str) -> str:
    """The accepted values of a profile field, for an error message."""
    coded = {p.code: p.choices for p in PROFILE if p.choices is not None}
    return ", ".join(c.value for c in coded[field])
