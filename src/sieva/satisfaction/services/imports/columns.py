"""Profile values of an SKM file, and the field names the import's layout uses.

Which column holds what is decided by `sieva.satisfaction.mapping` (Django-free, shared with
`sieva analyze ikm`). Value maps are dicts whose `__missing__` tries the spellings people
type (case, spaces, labels) once per distinct value, so `map(table.__getitem__, column)`
runs at C speed on a million rows.
"""

import re
from typing import Any

from sieva.satisfaction.elements import (
    PROFILE,
    AgeBand,
    Occupation,
    RespondentEducation,
    RespondentGender,
)
from sieva.satisfaction.mapping import BAD, RESPONDENT_ID, UNIT, WHEN

__all__ = ["BAD", "RESPONDENT_ID", "UNIT", "WHEN", "ValueMap", "allowed", "value_maps"]
# Profile columns are named like the SKM instrument's items (the one SKM definition).
GENDER, AGE, EDUCATION, OCCUPATION, SERVICE = (field.code for field in PROFILE)


_SEPARATORS = re.compile(r"[\s\-/.]+")


def normalise(name: str) -> str:
    return _SEPARATORS.sub("_", name.strip().lower()).strip("_")


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


def _choices(enum: Any, extra: dict[str, str]) -> dict[str, str]:
    out = {c.value: c.value for c in enum}
    out |= {str(c.label): c.value for c in enum}
    return out | extra


class AgeMap(ValueMap):
    """Age band by code or label, or an age in years turned into its band."""

    def lookup(self, key: str) -> Any:
        if key.endswith("_0"):
            key = key[:-2]  # 34.0 from a spreadsheet
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
