"""Reading an XLSForm-style workbook into an instrument document.

Rows are numbered as the spreadsheet shows them (header = row 1), so every problem points at
the cell to fix. Only the structure is read here; `check_document` then checks the content
with the same row numbers (each section and item carries ``_row``).
"""

import re
from typing import Any

from django.utils.translation import gettext as _

from sieva.core.tables import UnreadableFile, Workbook, cell_text, read_workbook
from sieva.instruments.exchange.checks import Problem
from sieva.instruments.models import ItemKind

RELEVANT = re.compile(r"^\s*\$\{([^}]+)\}\s*=\s*['\"]([^'\"]*)['\"]\s*$")
SELECTED = re.compile(r"^\s*selected\(\s*\$\{([^}]+)\}\s*,\s*['\"]([^'\"]*)['\"]\s*\)\s*$")
TRUE_WORDS = {"yes", "true", "1", "ya", "true()"}
FALSE_WORDS = {"", "no", "false", "0", "tidak", "false()"}
IGNORED_TYPES = {"start", "end", "today", "deviceid", "note", "calculate", "end_group", "end group"}
INFERRED = {"integer": "number", "decimal": "number", "date": "date", "text": "short_text"}


def _records(workbook: Workbook, name: str) -> list[tuple[int, dict[str, str]]]:
    """(row number, {column: text}) for each non-empty row; label::lang columns read as label."""
    if name not in workbook.sheet_names:
        return []
    table = workbook.sheet(name)
    headers = [h.lower().split("::")[0].strip() for h in table.header]
    out = []
    for number, row in table.rows:
        record = {h: cell_text(v) for h, v in zip(headers, row, strict=False) if h}
        if any(record.values()):
            out.append((number, record))
    return out


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, sheet: str, row: int, column: str, reason: str) -> None:
        self.problems.append(Problem(f"{sheet}!{row}", reason, row, column, sheet))

    def condition(self, row: int, text: str) -> dict[str, str] | None:
        if not text:
            return None
        match = RELEVANT.match(text) or SELECTED.match(text)
        if match is None:
            reason = _("Ekspresi tidak didukung; gunakan ${kode} = 'nilai'.")
            self.problem("survey", row, "relevant", reason)
            return None
        return {"item": match.group(1).strip(), "value": match.group(2)}

    def required(self, row: int, text: str) -> bool:
        word = text.lower()
        if word in TRUE_WORDS:
            return True
        if word not in FALSE_WORDS:
            self.problem("survey", row, "required", _("Isi “yes” atau “no”."))
        return False


def read_xlsform(data: bytes) -> tuple[dict[str, Any], list[Problem]]:
    """The document in an XLSForm workbook and the problems found while reading it."""
    try:
        return _read(read_workbook(data, "form.xlsx"))
    except UnreadableFile as exc:  # also from a sheet past the import limits
        return {}, [Problem("berkas", str(exc))]


def _read(workbook: Workbook) -> tuple[dict[str, Any], list[Problem]]:
    reader = _Reader()
    if "survey" not in workbook.sheet_names:
        return {}, [Problem("survey", _("Lembar “survey” tidak ada."))]
    choices: dict[str, list[dict[str, str]]] = {}
    for row, record in _records(workbook, "choices"):
        if not record.get("list_name") or not record.get("name"):
            reason = _("list_name dan name wajib diisi.")
            reader.problem(
                "choices", row, "list_name" if not record.get("list_name") else "name", reason
            )
            continue
        choices.setdefault(record["list_name"], []).append(
            {"value": record["name"], "label": record.get("label", "")}
        )
    settings_rows = _records(workbook, "settings")
    settings = settings_rows[0][1] if settings_rows else {}
    document: dict[str, Any] = {
        "instrument": {
            "_row": 2,
            "_sheet": "settings",
            "code": settings.get("form_id", ""),
            "title": settings.get("form_title", ""),
            "purpose": settings.get("sieva_purpose") or "lainnya",
            "rater_kind": settings.get("sieva_rater_kind", ""),
            "description": settings.get("sieva_description", ""),
        },
        "sections": [],
        "scales": _scales(workbook),
    }
    section: dict[str, Any] | None = None
    for row, record in _records(workbook, "survey"):
        xls_type = " ".join(record.get("type", "").split())
        base, _sep, list_name = xls_type.partition(" ")
        if base in {"begin_group", "begin"} or xls_type == "begin group":
            section = {
                "_row": row,
                "title": record.get("label") or record.get("name", ""),
                "items": [],
            }
            section["show_if"] = reader.condition(row, record.get("relevant", ""))
            document["sections"].append(section)
            continue
        if base in {"end_group", "end"} or xls_type in IGNORED_TYPES:
            section = None if base in {"end_group", "end"} else section
            continue
        if section is None:
            section = {
                "_row": row,
                "title": _("Bagian %(n)d") % {"n": len(document["sections"]) + 1},
                "items": [],
                "show_if": None,
            }
            document["sections"].append(section)
        item = _item(reader, row, record, base, list_name, choices)
        if item is not None:
            section["items"].append(item)
    return document, reader.problems


def _item(
    reader: _Reader,
    row: int,
    record: dict[str, str],
    base: str,
    list_name: str,
    choices: dict[str, list[dict[str, str]]],
) -> dict[str, Any] | None:
    kind = record.get("sieva_kind", "")
    if base in {"select_one", "select_multiple"}:
        if list_name not in choices:
            reason = _("Daftar pilihan “%(l)s” tidak ada di lembar choices.") % {"l": list_name}
            reader.problem("survey", row, "type", reason)
            return None
        kind = kind or ("single" if base == "select_one" else "multiple")
    elif base in INFERRED:
        if not kind:
            multiline = "multiline" in record.get("appearance", "")
            kind = "long_text" if base == "text" and multiline else INFERRED[base]
    else:
        reader.problem("survey", row, "type", _("Tipe “%(t)s” tidak didukung.") % {"t": base})
        return None
    if kind not in ItemKind.values:
        reader.problem("survey", row, "sieva_kind", _("Jenis “%(k)s” tidak dikenal.") % {"k": kind})
        return None
    rows = []
    for part in filter(None, (p.strip() for p in record.get("sieva_rows", "").split("|"))):
        code, _sep, label = part.partition("=")
        rows.append({"code": code.strip(), "label": label.strip() or code.strip()})
    return {
        "_row": row,
        "code": record.get("name", ""),
        "kind": kind,
        "label": record.get("label", ""),
        "help": record.get("hint", ""),
        "required": reader.required(row, record.get("required", "")),
        "choices": list(choices.get(list_name, [])),
        "rows": rows,
        "min": record.get("sieva_min") or None,
        "max": record.get("sieva_max") or None,
        "correct": record.get("sieva_correct", "").split(),
        "points": record.get("sieva_points") or 0,
        "show_if": reader.condition(row, record.get("relevant", "")),
    }


def _scales(workbook: Workbook) -> list[dict[str, Any]]:
    scales: dict[str, dict[str, Any]] = {}
    for row, record in _records(workbook, "scales"):
        code = record.get("scale", "")
        scale = scales.setdefault(
            code,
            {
                "_row": row,
                "_sheet": "scales",
                "code": code,
                "name": record.get("scale_name", ""),
                "items": [],
            },
        )
        reverse = record.get("reverse", "").lower() in TRUE_WORDS
        scale["items"].append(
            {"_row": row, "_sheet": "scales", "item": record.get("item", ""), "reverse": reverse}
        )
    return list(scales.values())
