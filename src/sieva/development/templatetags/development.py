"""Template helpers of the development pages."""

from dataclasses import dataclass
from typing import Any

from django import template

register = template.Library()


@dataclass(frozen=True)
class ScoreCell:
    name: str
    value: str


@register.simple_tag
def score_cell(row: Any, component: Any, posted: Any = None) -> ScoreCell:
    """The input name of a participant × component cell and what it shows: what was just
    posted (after a refused save, so nothing typed is lost), else the stored score."""
    name = f"s-{row.enrollment.pk}-{component.pk}"
    if posted and name in posted:
        return ScoreCell(name, posted[name])
    found = row.scores.get(component.pk)
    return ScoreCell(name, "" if found is None else f"{found.score.normalize():f}")
