"""Golongan: the 17 ruang of PNS (I/a-IV/e) and the 17 golongan of PPPK (I-XVII).

PNS ruang and their names follow PP 99/2000; PPPK golongan follow Perpres 98/2020 and are
never converted to the PNS form (DOMAIN.md). Pure Python (no Django); messages are
Indonesian templates a Django caller translates with ``gettext(err.template) % err.params``.
"""

import re
from typing import Any

__all__ = [
    "GradeError",
    "PNS_GRADES",
    "PNS_GRADE_TITLES",
    "PPPK_GRADES",
    "grade_rank",
    "grades_for",
    "normalise_grade",
]

PNS = "PNS"
PPPK = "PPPK"

# (ruang, pangkat) in ascending order.
PNS_GRADE_TITLES: dict[str, str] = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
PNS_GRADES: tuple[str, ...] = tuple(PNS_GRADE_TITLES)
_ROMAN: tuple[str, ...] = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_ROMAN += ("XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII")
PPPK_GRADES: tuple[str, ...] = _ROMAN

_PREFIX = re.compile(r"^(GOLONGAN|GOL)\b\.?\s*")
# "III/a", "III a", "III-a", "III.a", "IIIA", "3a", "3/a"; IV before I so "IVA" is IV/a.
_PNS_FORM = re.compile(r"^(IV|III|II|I|[1-4])\s*[/\-.]?\s*([A-E])$")
_ARABIC = {str(n): roman for n, roman in enumerate(_ROMAN, start=1)}
_ARABIC_GROUP = {"1": "I", "2": "II", "3": "III", "4": "IV"}


def gettext_noop(message: str) -> str:
    """Marks `message` for translation without translating (keeps this module Django-free)."""
    return message


EMPTY = gettext_noop("Golongan kosong.")
UNKNOWN_PNS = gettext_noop(
    "Golongan PNS %(text)s tidak dikenal; gunakan I/a sampai IV/e (mis. III/a)."
)
UNKNOWN_PPPK = gettext_noop("Golongan PPPK %(text)s tidak dikenal; gunakan I sampai XVII.")
PNS_FORM_FOR_PPPK = gettext_noop(
    "Golongan %(text)s berbentuk golongan PNS; PPPK memakai golongan I sampai XVII."
)
UNKNOWN_KIND = gettext_noop("Jenis ASN harus PNS atau PPPK, tertulis %(kind)s.")


class GradeError(ValueError):
    """An unknown golongan; ``template`` and ``params`` let a caller translate the reason."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(template % params if params else template)


def normalise_grade(text: str, asn_kind: str) -> str:
    """The canonical golongan for `text`: ``"III/a"`` for PNS, ``"IX"`` for PPPK.

    Accepts the usual spellings ("III/a", "III a", "3a", "IIIA", "Gol. III/a"; "IX", "9").
    Raises `GradeError` (a ValueError) for anything else, including a PNS ruang for PPPK.

    >>> normalise_grade("3a", "PNS"), normalise_grade("iv-E", "PNS"), normalise_grade("9", "PPPK")
    ('III/a', 'IV/e', 'IX')
    """
    cleaned = _PREFIX.sub("", " ".join((text or "").split()).upper())
    if not cleaned:
        raise GradeError(EMPTY)
    if asn_kind == PNS:
        return _pns(cleaned, text)
    if asn_kind == PPPK:
        return _pppk(cleaned, text)
    raise GradeError(UNKNOWN_KIND, kind=asn_kind)


def _pns(cleaned: str, text: str) -> str:
    match = _PNS_FORM.match(cleaned)
    if match is None:
        raise GradeError(UNKNOWN_PNS, text=text.strip())
    group = _ARABIC_GROUP.get(match[1], match[1])
    grade = f"{group}/{match[2].lower()}"
    if grade not in PNS_GRADE_TITLES:  # only IV has a ruang e
        raise GradeError(UNKNOWN_PNS, text=text.strip())
    return grade


def _pppk(cleaned: str, text: str) -> str:
    grade = _ARABIC.get(cleaned, cleaned)
    if grade in PPPK_GRADES:
        return grade
    if _PNS_FORM.match(cleaned):
        raise GradeError(PNS_FORM_FOR_PPPK, text=text.strip())
    raise GradeError(UNKNOWN_PPPK, text=text.strip())


def grades_for(asn_kind: str) -> tuple[str, ...]:
    """The golongan of `asn_kind` in ascending order (for form choices and reports)."""
    if asn_kind == PNS:
        return PNS_GRADES
    if asn_kind == PPPK:
        return PPPK_GRADES
    raise GradeError(UNKNOWN_KIND, kind=asn_kind)


def grade_rank(grade: str, asn_kind: str) -> int:
    """1 for the lowest golongan of `asn_kind` up to 17; ValueError for a non-canonical grade.

    >>> sorted(["IV/a", "II/c", "III/d"], key=lambda g: grade_rank(g, "PNS"))
    ['II/c', 'III/d', 'IV/a']
    """
    grades = grades_for(asn_kind)
    if grade not in grades:
        return grades.index(normalise_grade(grade, asn_kind)) + 1
    return grades.index(grade) + 1
