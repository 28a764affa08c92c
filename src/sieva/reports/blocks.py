"""The building blocks of a report document: plain dicts, so a snapshot stores them as JSON
and the HTML, PDF and DOCX renderers all read the same thing."""

from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext as _

from sieva.evaluation.engine.figures import CaveatKind, Figure
from sieva.evaluation.templatetags.figures import figure_ci, figure_value
from sieva.reports.narrative import Sentence, source_link

Block = dict[str, Any]


def paragraph(sentences: Sequence[Sentence]) -> Block:
    paths: list[str] = []
    for sentence in sentences:
        paths.extend(s for s in sentence.sources if s not in paths)
    return {
        "type": "p",
        "text": " ".join(s.text for s in sentences),
        "sources": [source_link(path) for path in paths],
    }


def text(value: str) -> Block:
    return {"type": "p", "text": value, "sources": []}


def note(value: str) -> Block:
    return {"type": "note", "text": value}


def verdict(label: str, grade: str, reason: str) -> Block:
    """The plain verdict on a program (evaluation.verdict) with its evidence grade."""
    return {"type": "verdict", "label": label, "grade": grade, "text": reason}


def heading(value: str) -> Block:
    return {"type": "h3", "text": value}


def items(values: Iterable[str]) -> Block:
    return {"type": "list", "items": [str(v) for v in values]}


def table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> Block:
    return {
        "type": "table",
        "caption": caption,
        "headers": [str(h) for h in headers],
        "rows": [["" if v is None else str(v) for v in row] for row in rows],
    }


def chart(svg: str | None, caption: str) -> Block | None:
    return {"type": "chart", "svg": str(svg), "caption": caption} if svg else None


def figure_row(figure: Figure) -> list[str]:
    return [
        figure.label,
        figure_value(figure),
        figure_ci(figure),
        str(figure.n),
        figure.design.label,
        " ".join(c.message for c in figure.caveats if c.kind is not CaveatKind.NO_DATA),
    ]


def figure_table(caption: str, figures: Iterable[Figure | None]) -> Block:
    """Figures as rows; a figure nobody answered (n = 0) is left out, not shown as a dash."""
    headers = [_("Indikator"), _("Nilai"), _("IK 95 %"), "n", _("Desain"), _("Catatan")]
    shown = [f for f in figures if f is not None and f.label and f.n]
    return {
        **table(caption, headers, [figure_row(f) for f in shown]),
        "kind": "figures",
        "figure_keys": [f.key for f in shown],  # for tracing and tests; never printed
    }


def section(key: str, title: str, blocks: Iterable[Block | None]) -> dict[str, Any]:
    return {"key": key, "title": title, "blocks": [b for b in blocks if b is not None]}
