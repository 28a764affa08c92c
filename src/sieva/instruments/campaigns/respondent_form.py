"""The respondent's form: POST data → raw answers for `check_answers`, and the version's
sections → what the template draws (each item with its value and error).

Field names: the item code; a matrix row is ``<code>__<row>``; a multiple choice repeats the
item code once per ticked box.
"""

from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict

from sieva.instruments.answers import FormSpec
from sieva.instruments.exchange.document import with_default_choices
from sieva.instruments.selectors import SectionView

ROW_SEPARATOR = "__"


def answers_from_post(spec: FormSpec, data: QueryDict) -> dict[str, Any]:
    """Raw answers as `check_answers` takes them; blank fields are left out."""
    answers: dict[str, Any] = {}
    for item in spec.items:
        if item.kind == "multiple":
            values = [v for v in data.getlist(item.code) if v.strip()]
            if values:
                answers[item.code] = values
        elif item.kind == "matrix":
            rows = {
                code: data.get(f"{item.code}{ROW_SEPARATOR}{code}", "").strip()
                for code, _label in item.rows
            }
            rows = {code: value for code, value in rows.items() if value}
            if rows:
                answers[item.code] = rows
        else:
            value = data.get(item.code, "")
            if value.strip():
                answers[item.code] = value
    return answers


@dataclass
class Choice:
    value: str
    label: str
    checked: bool
    exclusive: bool = False


@dataclass
class MatrixRow:
    code: str
    label: str
    name: str
    cells: list[Choice]


@dataclass
class Field:
    item: Any
    value: str = ""
    error: str = ""
    choices: list[Choice] = field(default_factory=list)
    rows: list[MatrixRow] = field(default_factory=list)

    @property
    def input_id(self) -> str:
        return f"f-{self.item.code}"

    @property
    def is_likert(self) -> bool:
        return str(self.item.kind).startswith("likert")


@dataclass
class FormSection:
    section: Any
    fields: list[Field]


def _choices(item: Any, selected: set[str]) -> list[Choice]:
    return [
        Choice(c["value"], c["label"], c["value"] in selected, bool(c.get("exclusive")))
        for c in with_default_choices(item.kind, item.choices)
    ]


def _field(item: Any, answers: dict[str, Any], errors: dict[str, str]) -> Field:
    raw = answers.get(item.code)
    result = Field(item=item, error=errors.get(item.code, ""))
    if item.kind == "matrix":
        given = raw if isinstance(raw, dict) else {}
        for row in item.rows:
            chosen = {str(given.get(row["code"], ""))}
            name = f"{item.code}{ROW_SEPARATOR}{row['code']}"
            result.rows.append(MatrixRow(row["code"], row["label"], name, _choices(item, chosen)))
        result.choices = _choices(item, set())
    elif item.kind in ("likert4", "likert5", "single", "multiple"):
        selected = {str(v) for v in raw} if isinstance(raw, list) else {str(raw or "")}
        result.choices = _choices(item, selected)
    else:
        result.value = str(raw or "")
    return result


def form_sections(
    sections: list[SectionView], answers: dict[str, Any], errors: dict[str, str]
) -> list[FormSection]:
    return [
        FormSection(block.section, [_field(item, answers, errors) for item in block.items])
        for block in sections
    ]
