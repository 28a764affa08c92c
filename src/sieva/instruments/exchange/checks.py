"""Checks of an instrument document before anything is stored.

Each problem names where it is: a JSON path for JSON files, and for XLSX files the sheet row
(parsers put ``_row`` on sections and items) and the XLSForm column of the field.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from sieva.instruments.answers import LIKERT_POINTS
from sieva.instruments.models import ItemKind, Purpose, RaterKind

CODE_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,59}$")
CHOICE_KINDS = {"single", "multiple", "matrix"}
SCALE_KINDS = {"likert4", "likert5", "number", "single"}

# Document field → XLSForm column, so an XLSX problem names the column the user must fix.
XLSX_COLUMNS = {
    "code": "name",
    "kind": "type",
    "label": "label",
    "required": "required",
    "choices": "type",
    "rows": "sieva_rows",
    "min": "sieva_min",
    "max": "sieva_max",
    "correct": "sieva_correct",
    "points": "sieva_points",
    "show_if": "relevant",
    "title": "label",
}


@dataclass(frozen=True)
class Problem:
    where: str
    reason: str
    row: int | None = None
    column: str = ""
    sheet: str = ""

    def __str__(self) -> str:
        if self.row is not None:
            return _("Lembar %(sheet)s baris %(row)s kolom %(column)s: %(reason)s") % {
                "sheet": self.sheet or "survey",
                "row": self.row,
                "column": self.column,
                "reason": self.reason,
            }
        return f"{self.where}: {self.reason}"


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(
        self, where: str, reason: str, node: dict[str, Any] | None = None, field: str = ""
    ) -> None:
        row = node.get("_row") if node else None
        column = XLSX_COLUMNS.get(field, field) if row is not None else ""
        sheet = node.get("_sheet", "survey") if node else ""
        self.problems.append(Problem(where, reason, row, column, sheet))


def _is_number(value: Any) -> bool:
    if value in (None, ""):
        return True
    try:
        return Decimal(str(value)).is_finite()
    except InvalidOperation:
        return False


def check_document(document: Any) -> list[Problem]:
    """All problems of `document`; an empty list means `write_version` may store it."""
    out = _Collector()
    if not isinstance(document, dict):
        out.add(_("berkas"), _("Isi berkas harus berupa objek JSON."))
        return out.problems
    meta = document.get("instrument") or {}
    if not str(meta.get("code", "")).strip() or not CODE_PATTERN.match(str(meta.get("code"))):
        out.add(
            "instrument.code",
            _("Kode instrumen wajib diisi (huruf, angka, _ . -)."),
            meta,
            "form_id",
        )
    if not str(meta.get("title", "")).strip():
        out.add("instrument.title", _("Judul instrumen wajib diisi."), meta, "form_title")
    if meta.get("purpose") not in Purpose.values:
        out.add(
            "instrument.purpose",
            _("Tujuan “%(v)s” tidak dikenal.") % {"v": meta.get("purpose")},
            meta,
            "sieva_purpose",
        )
    if meta.get("rater_kind") not in ("", None, *RaterKind.values):
        out.add(
            "instrument.rater_kind",
            _("Jenis penilai “%(v)s” tidak dikenal.") % {"v": meta.get("rater_kind")},
            meta,
            "sieva_rater_kind",
        )
    sections = document.get("sections")
    if not isinstance(sections, list) or not sections:
        out.add("sections", _("Instrumen harus memiliki paling sedikit satu bagian."))
        return out.problems
    seen: dict[str, dict[str, Any]] = {}
    for s_index, section in enumerate(sections):
        where = f"sections[{s_index}]"
        if not str(section.get("title", "")).strip():
            out.add(where, _("Judul bagian wajib diisi."), section, "title")
        _check_condition(out, where, section, seen)
        for i_index, item in enumerate(section.get("items") or []):
            _check_item(out, f"{where}.items[{i_index}]", item, seen)
    if not seen:
        out.add("sections", _("Instrumen harus memiliki paling sedikit satu butir."))
    _check_scales(out, document.get("scales") or [], seen)
    return out.problems


def _check_condition(
    out: _Collector, where: str, node: dict[str, Any], seen: dict[str, Any]
) -> None:
    condition = node.get("show_if")
    if not condition:
        return
    if condition.get("item") not in seen:
        out.add(
            f"{where}.show_if",
            _("Syarat tampil merujuk butir “%(c)s” yang tidak ada sebelumnya.")
            % {"c": condition.get("item")},
            node,
            "show_if",
        )


def _check_item(out: _Collector, where: str, item: dict[str, Any], seen: dict[str, Any]) -> None:
    code = str(item.get("code", ""))
    if not CODE_PATTERN.match(code):
        out.add(
            f"{where}.code",
            _("Kode butir “%(c)s” tidak valid (huruf, angka, _ . -; diawali huruf).") % {"c": code},
            item,
            "code",
        )
    elif code in seen:
        out.add(
            f"{where}.code",
            _("Kode butir “%(c)s” dipakai lebih dari sekali.") % {"c": code},
            item,
            "code",
        )
    kind = item.get("kind")
    if kind not in ItemKind.values:
        out.add(
            f"{where}.kind", _("Jenis butir “%(k)s” tidak dikenal.") % {"k": kind}, item, "kind"
        )
    if not str(item.get("label", "")).strip():
        out.add(f"{where}.label", _("Teks pertanyaan wajib diisi."), item, "label")
    _check_condition(out, where, item, seen)
    if code:
        seen[code] = item
    choices = item.get("choices") or []
    values = [str(c.get("value", "")).strip() for c in choices]
    if kind in CHOICE_KINDS and not choices:
        out.add(
            f"{where}.choices", _("Butir pilihan harus memiliki daftar pilihan."), item, "choices"
        )
    if "" in values or len(set(values)) != len(values):
        out.add(
            f"{where}.choices",
            _("Nilai pilihan harus terisi dan berbeda satu sama lain."),
            item,
            "choices",
        )
    if kind != "multiple" and any(c.get("exclusive") for c in choices):
        out.add(
            f"{where}.choices",
            _("Pilihan eksklusif hanya untuk butir pilihan ganda (boleh lebih dari satu)."),
            item,
            "choices",
        )
    if kind in LIKERT_POINTS and choices:
        expected = [str(n) for n in range(1, LIKERT_POINTS[kind] + 1)]
        if values != expected:
            out.add(
                f"{where}.choices",
                _("Pilihan Likert harus bernilai %(v)s.") % {"v": ", ".join(expected)},
                item,
                "choices",
            )
    if kind == "matrix":
        rows = [str(r.get("code", "")) for r in item.get("rows") or []]
        if not rows or "" in rows or len(set(rows)) != len(rows):
            out.add(
                f"{where}.rows",
                _("Matriks harus memiliki baris dengan kode yang berbeda."),
                item,
                "rows",
            )
    for field in ("min", "max", "points"):
        if not _is_number(item.get(field)):
            out.add(f"{where}.{field}", _("Harus berupa angka."), item, field)
    bounds = (item.get("min"), item.get("max"))
    if all(b not in (None, "") and _is_number(b) for b in bounds) and Decimal(
        str(bounds[0])
    ) > Decimal(str(bounds[1])):
        out.add(f"{where}.min", _("Nilai minimum lebih besar dari maksimum."), item, "min")
    unknown = [str(v) for v in item.get("correct") or [] if str(v) not in values]
    if unknown:
        out.add(
            f"{where}.correct",
            _("Kunci jawaban “%(v)s” bukan salah satu pilihan.") % {"v": unknown[0]},
            item,
            "correct",
        )


def _check_scales(out: _Collector, scales: list[dict[str, Any]], items: dict[str, Any]) -> None:
    codes: set[str] = set()
    for index, scale in enumerate(scales):
        where = f"scales[{index}]"
        code = str(scale.get("code", ""))
        if not CODE_PATTERN.match(code) or code in codes:
            out.add(
                f"{where}.code",
                _("Kode skala “%(c)s” kosong, tidak valid atau ganda.") % {"c": code},
                scale,
                "scale",
            )
        codes.add(code)
        if not str(scale.get("name", "")).strip():
            out.add(f"{where}.name", _("Nama skala wajib diisi."), scale, "scale_name")
        for member in scale.get("items") or []:
            item = items.get(member.get("item"))
            if item is None:
                out.add(
                    f"{where}.items",
                    _("Skala merujuk butir “%(c)s” yang tidak ada.") % {"c": member.get("item")},
                    member or scale,
                    "item",
                )
            elif item.get("kind") not in SCALE_KINDS:
                out.add(
                    f"{where}.items",
                    _("Butir “%(c)s” bukan butir berskor dan tidak dapat masuk skala.")
                    % {"c": member.get("item")},
                    member,
                    "item",
                )
