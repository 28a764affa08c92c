"""The standard SKM instrument, generated from the one SKM definition (`elements`).

`SatisfactionConfig.ready()` registers `skm_instrument_document` with
`sieva.instruments.extensions`, so `sieva load_standard_instruments` stores exactly this
document (no JSON copy exists that could drift from the definition). Text is written in
Indonesian whatever language is active: it is stored, like an agency's own instrument.
"""

from typing import Any

from django.utils import translation

from sieva.instruments.exchange.document import SCHEMA, SCHEMA_VERSION
from sieva.instruments.models import ItemKind, Purpose
from sieva.satisfaction.elements import (
    ANSWER_VALUES,
    PROFILE,
    QUESTION_ORDER,
    SKM_ELEMENTS,
    SUGGESTION_CODE,
    SUGGESTION_LABEL,
    ProfileField,
)

CODE = "STD-SKM"
IKM_SCALE = "ikm"


def _item(code: str, kind: str, label: Any, *, required: bool, **extra: Any) -> dict[str, Any]:
    return {
        "code": code,
        "kind": kind,
        "label": str(label),
        "help": "",
        "required": required,
        "choices": [],
        "rows": [],
        "min": None,
        "max": None,
        "correct": [],
        "points": 0,
        "show_if": None,
    } | extra


def _profile_item(field: ProfileField) -> dict[str, Any]:
    if field.choices is None:
        return _item(field.code, ItemKind.SHORT_TEXT.value, field.label, required=field.required)
    return _item(
        field.code,
        ItemKind.SINGLE.value,
        field.label,
        required=field.required,
        choices=[{"value": c.value, "label": str(c.label)} for c in field.choices],
    )


def _element_item(code: str) -> dict[str, Any]:
    element = SKM_ELEMENTS[code]
    return _item(
        code,
        ItemKind.LIKERT4.value,
        element.question,
        required=True,
        help=str(element.name),
        choices=[
            {"value": str(v), "label": str(label)}
            for v, label in zip(ANSWER_VALUES, element.answers, strict=True)
        ],
    )


def _section(title: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"title": title, "show_if": None, "items": items}


def skm_instrument_document() -> dict[str, Any]:
    """The `sieva.instrument` document of the standard SKM: profile, the nine questions in
    the annex's order, suggestions, and the scale `ikm` of the nine elements."""
    with translation.override("id"):
        return {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "instrument": {
                "code": CODE,
                "title": "Survei Kepuasan Masyarakat (PermenPANRB 14/2017)",
                "purpose": Purpose.SKM.value,
                "rater_kind": "",
                "description": (
                    "Sembilan unsur pelayanan, jawaban 1–4 tanpa pilihan netral. Unsur "
                    "disimpan menurut kodenya, bukan urutannya. IKM = rata-rata tertimbang "
                    "NRR unsur (bobot 1/9), nilai konversi = IKM × 25. Jawaban kampanye "
                    "instrumen ini dihitung dalam IKM unit layanan sasarannya."
                ),
            },
            "sections": [
                _section("Profil responden", [_profile_item(f) for f in PROFILE]),
                _section(
                    "Pendapat responden tentang pelayanan",
                    [_element_item(code) for code in QUESTION_ORDER],
                ),
                _section(
                    "Saran dan masukan",
                    [
                        _item(
                            SUGGESTION_CODE,
                            ItemKind.LONG_TEXT.value,
                            SUGGESTION_LABEL,
                            required=False,
                        )
                    ],
                ),
            ],
            "scales": [
                {
                    "code": IKM_SCALE,
                    "name": "Indeks Kepuasan Masyarakat",
                    # Listed as asked: a version lists a scale's members in item order.
                    "items": [{"item": code, "reverse": False} for code in QUESTION_ORDER],
                }
            ],
        }
