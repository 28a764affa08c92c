"""Instrument files agencies share: JSON (the document as is) and XLSForm-style XLSX.

The XLSX follows XLSForm so a form from KoboToolbox or ODK opens with little change: sheet
``survey`` (type, name, label, hint, required, relevant, appearance), ``choices`` (list_name,
name, label) and ``settings`` (form_id, form_title). What XLSForm cannot say travels in
``sieva_*`` columns (exact kind, matrix rows, min/max, answer key, points) and a ``scales``
sheet; files without them still import, their kinds inferred from the XLSForm type.
"""

import json
from typing import Any

from django.utils.translation import gettext as _

from sieva.core.exports import Sheet, render_workbook
from sieva.instruments.exchange.checks import Problem, check_document
from sieva.instruments.exchange.document import SCHEMA, SCHEMA_VERSION, version_document
from sieva.instruments.exchange.xlsform import read_xlsform
from sieva.instruments.models import InstrumentVersion

__all__ = ["export_json", "export_xlsx", "parse_file", "parse_json", "read_xlsform"]

SURVEY_COLUMNS = [
    "type",
    "name",
    "label",
    "hint",
    "required",
    "relevant",
    "appearance",
    "sieva_kind",
    "sieva_rows",
    "sieva_min",
    "sieva_max",
    "sieva_correct",
    "sieva_points",
]
XLSFORM_TYPES = {
    "likert4": "select_one",
    "likert5": "select_one",
    "single": "select_one",
    "matrix": "select_one",
    "multiple": "select_multiple",
    "number": "decimal",
    "date": "date",
    "short_text": "text",
    "long_text": "text",
}


def export_json(version: InstrumentVersion) -> bytes:
    return json.dumps(version_document(version), ensure_ascii=False, indent=2).encode("utf-8")


def parse_json(data: bytes) -> tuple[dict[str, Any], list[Problem]]:
    """The document in a JSON file and its problems (bad JSON, unknown schema, content)."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, [Problem("berkas", _("Berkas bukan JSON yang sah: %(e)s") % {"e": exc})]
    except RecursionError:
        # Thousands of nested brackets exhaust the parser's stack; no instrument nests so.
        return {}, [Problem("berkas", _("Berkas JSON bersarang terlalu dalam untuk instrumen."))]
    if not isinstance(document, dict) or document.get("schema") != SCHEMA:
        reason = _("Berkas bukan instrumen SIEVA (schema harus “%(s)s”).") % {"s": SCHEMA}
        return {}, [Problem("schema", reason)]
    if document.get("schema_version") != SCHEMA_VERSION:
        reason = _("Versi skema %(v)r tidak didukung; harus %(ok)s.") % {
            "v": document.get("schema_version"),
            "ok": SCHEMA_VERSION,
        }
        return {}, [Problem("schema_version", reason)]
    return document, check_document(document)


def parse_file(filename: str, data: bytes) -> tuple[dict[str, Any], list[Problem]]:
    """Dispatch on the file extension: ``.json`` or ``.xlsx``."""
    name = filename.lower()
    if name.endswith(".json"):
        return parse_json(data)
    if name.endswith(".xlsx"):
        document, problems = read_xlsform(data)
        if problems:
            return document, problems
        return document, check_document(document)
    return {}, [Problem("berkas", _("Jenis berkas tidak didukung; unggah .json atau .xlsx."))]


def _condition(condition: dict[str, str] | None) -> str:
    if not condition:
        return ""
    return f"${{{condition['item']}}} = '{condition['value']}'"


def export_xlsx(version: InstrumentVersion) -> bytes:
    document = version_document(version)
    survey: list[list[Any]] = []
    choices: list[list[Any]] = []
    for index, section in enumerate(document["sections"], start=1):
        survey.append(
            [
                "begin_group",
                f"bagian_{index}",
                section["title"],
                "",
                "",
                _condition(section["show_if"]),
            ]
        )
        for item in section["items"]:
            xls_type = XLSFORM_TYPES[item["kind"]]
            if item["choices"]:
                xls_type = f"{xls_type} {item['code']}"
                choices.extend([item["code"], c["value"], c["label"]] for c in item["choices"])
            survey.append(
                [
                    xls_type,
                    item["code"],
                    item["label"],
                    item["help"],
                    "yes" if item["required"] else "no",
                    _condition(item["show_if"]),
                    "multiline" if item["kind"] == "long_text" else "",
                    item["kind"],
                    "|".join(f"{r['code']}={r['label']}" for r in item["rows"]),
                    item["min"],
                    item["max"],
                    " ".join(item["correct"]),
                    item["points"] or None,
                ]
            )
        survey.append(["end_group"])
    meta = document["instrument"]
    settings = Sheet(
        "settings",
        [
            "form_id",
            "form_title",
            "version",
            "sieva_purpose",
            "sieva_rater_kind",
            "sieva_description",
        ],
        [
            [
                meta["code"],
                meta["title"],
                str(version.number),
                meta["purpose"],
                meta["rater_kind"],
                meta["description"],
            ]
        ],
    )
    scales = [
        [scale["code"], scale["name"], member["item"], "yes" if member["reverse"] else "no"]
        for scale in document["scales"]
        for member in scale["items"]
    ]
    # Bare sheets (no title block): XLSForm readers expect the column names on row 1.
    return render_workbook(
        [
            Sheet("survey", SURVEY_COLUMNS, survey),
            Sheet("choices", ["list_name", "name", "label"], choices),
            settings,
            Sheet("scales", ["scale", "scale_name", "item", "reverse"], scales),
        ]
    )
