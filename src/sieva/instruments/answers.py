"""Checking one respondent's answers against an instrument version, without the database.

`spec_for_version` (in selectors) turns a version into a `FormSpec` once; `check_answers` is a
pure function over that spec, used by web submissions and file imports alike. Errors are keyed
by item code, in Indonesian, one message per item; answers to items hidden by a display
condition are dropped, and a hidden required item is not required.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from sieva.core.text import control_character, control_character_message

CHOICE_KINDS = frozenset({"likert4", "likert5", "single", "multiple", "matrix"})
LIKERT_POINTS = {"likert4": 4, "likert5": 5}


@dataclass(frozen=True)
class Condition:
    """Shown only when the answer to `item` equals `value` (or, for a list, contains it)."""

    item: str
    value: str

    def holds(self, answers: Mapping[str, Any]) -> bool:
        given = answers.get(self.item)
        if isinstance(given, list | tuple):
            return self.value in {str(v) for v in given}
        return given is not None and str(given).strip() == self.value


@dataclass(frozen=True)
class ItemSpec:
    code: str
    kind: str
    label: str
    required: bool = True
    choices: tuple[tuple[str, str], ...] = ()
    rows: tuple[tuple[str, str], ...] = ()
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    conditions: tuple[Condition, ...] = ()  # the section's and the item's own, all must hold
    exclusive: frozenset[str] = frozenset()  # options that cannot be ticked with another

    @property
    def choice_values(self) -> frozenset[str]:
        return frozenset(value for value, _label in self.choices)


@dataclass(frozen=True)
class FormSpec:
    items: tuple[ItemSpec, ...]

    def by_code(self) -> dict[str, ItemSpec]:
        return {item.code: item for item in self.items}


@dataclass
class AnswerCheck:
    """`errors` by item code (empty when valid); `cleaned` holds typed values of shown items."""

    errors: dict[str, str] = field(default_factory=dict)
    cleaned: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


class _Invalid(Exception):
    pass


def _is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | dict):
        return len(value) == 0
    return False


def _number(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise _Invalid(_("Harus berupa angka."))
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise _Invalid(_("Harus berupa angka.")) from None
    if not number.is_finite():
        raise _Invalid(_("Harus berupa angka."))
    return number


def _choice(item: ItemSpec, value: Any) -> str | int:
    text = str(value).strip()
    if item.kind in LIKERT_POINTS:
        top = LIKERT_POINTS[item.kind]
        try:
            number = _number(text)
        except _Invalid:
            raise _Invalid(_("Harus berupa angka 1 sampai %(top)d.") % {"top": top}) from None
        if number != number.to_integral_value() or not 1 <= number <= top:
            raise _Invalid(_("Nilai harus antara 1 dan %(top)d.") % {"top": top})
        return int(number)
    if text not in item.choice_values:
        raise _Invalid(_("Pilihan “%(value)s” tidak dikenal.") % {"value": text})
    return text


def _plain(number: Decimal) -> str:
    """18.00 → "18", 2.50 → "2.5": bounds read as people write them."""
    return format(number.normalize(), "f")


def _clean(item: ItemSpec, value: Any) -> Any:
    kind = item.kind
    if kind in LIKERT_POINTS or kind == "single":
        if isinstance(value, list | tuple | dict):
            raise _Invalid(_("Pilih satu jawaban saja."))
        return _choice(item, value)
    if kind == "multiple":
        values = value if isinstance(value, list | tuple) else str(value).split()
        chosen = sorted({str(_choice(item, v)) for v in values})
        alone = [v for v in chosen if v in item.exclusive]
        if alone and len(chosen) > 1:
            labels = dict(item.choices)
            raise _Invalid(
                _("“%(question)s”: pilihan “%(option)s” tidak dapat dipilih bersama pilihan lain.")
                % {"question": item.label, "option": labels.get(alone[0], alone[0])}
            )
        return chosen
    if kind == "matrix":
        if not isinstance(value, Mapping):
            raise _Invalid(_("Jawaban matriks harus berisi satu nilai per baris."))
        row_codes = {code for code, _label in item.rows}
        unknown = sorted(set(value) - row_codes)
        if unknown:
            raise _Invalid(_("Baris “%(row)s” tidak dikenal.") % {"row": unknown[0]})
        cleaned: dict[str, Any] = {}
        for code, label in item.rows:
            if _is_blank(value.get(code)):
                if item.required:
                    raise _Invalid(_("Baris “%(row)s” wajib diisi.") % {"row": label})
                continue
            try:
                cleaned[code] = _choice(item, value[code])
            except _Invalid as exc:
                raise _Invalid(f"{label}: {exc}") from None
        return cleaned
    if kind == "number":
        number = _number(value)
        if item.min_value is not None and number < item.min_value:
            raise _Invalid(_("Nilai minimal %(min)s.") % {"min": _plain(item.min_value)})
        if item.max_value is not None and number > item.max_value:
            raise _Invalid(_("Nilai maksimal %(max)s.") % {"max": _plain(item.max_value)})
        return number
    if kind == "date":
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise _Invalid(_("Tanggal tidak valid; gunakan format TTTT-BB-HH.")) from None
    if isinstance(value, list | tuple | dict):
        raise _Invalid(_("Harus berupa teks."))
    text = str(value).strip()
    if (character := control_character(text)) is not None:
        raise _Invalid(control_character_message(character))
    if kind == "short_text" and len(text) > 500:
        raise _Invalid(_("Teks terlalu panjang (maksimal 500 karakter)."))
    return text


def check_answers(spec: FormSpec, answers: Mapping[str, Any]) -> AnswerCheck:
    """Validate `answers` (item code → raw value) against `spec`.

    Raw values are what a form or a file gives: strings, numbers, lists for multiple choice,
    dicts for matrices. Conditions are evaluated on the raw answers, so a section shown when
    ``jenis == "2"`` works whether the answer arrived as ``"2"`` or ``2``.
    """
    result = AnswerCheck()
    known = spec.by_code()
    for code in answers:
        if code not in known:
            result.errors[str(code)] = _("Butir tidak dikenal pada instrumen ini.")
    for item in spec.items:
        if not all(condition.holds(answers) for condition in item.conditions):
            continue
        value = answers.get(item.code)
        if _is_blank(value):
            if item.required:
                result.errors[item.code] = _("Wajib diisi.")
            continue
        try:
            result.cleaned[item.code] = _clean(item, value)
        except _Invalid as exc:
            result.errors[item.code] = str(exc)
    return result
