"""``{{ value|label }}`` and ``{{ notice|notice }}``: `sieva.analysis` codes as words."""

from enum import StrEnum

from django import template

from sieva.analysis.types import Notice
from sieva.core import labels

register = template.Library()


@register.filter
def label(code: StrEnum | None) -> str:
    """The translated name of an analysis code; empty for None."""
    return "" if code is None else labels.label(code)


@register.filter
def notice(value: Notice | None) -> str:
    """The translated sentence of an analysis notice; empty for None."""
    return "" if value is None else labels.notice_text(value)


@register.filter
def code_label(value: str | None, kind: str) -> str:
    """The translated name of a code stored as plain text (a JSON field, a CharField), given
    the name of its `sieva.analysis` enum: ``{{ appraisal.predikat|code_label:"Predikat" }}``."""
    if not value:
        return ""
    enum = next(e for e in labels.LABELS if e.__name__ == kind)
    return labels.label(enum(value))
