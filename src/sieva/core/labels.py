"""The one translation edge for `sieva.analysis` codes: words in the reader's language.

`sieva.analysis` returns codes (a Likert band, an IKM grade, a warning as a `Notice`); pages,
report renderers, exports and the evaluation engine's caveats turn them into words here and
nowhere else. `LABELS` maps every code to a lazy translation of its Indonesian text in
`sieva.core.codebook` (the English is in core's catalogue). In templates, load ``labels`` and
write ``{{ value|label }}`` or ``{{ notice|notice }}``.
"""

from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sieva.analysis.types import Notice
from sieva.core import codebook

__all__ = ["LABELS", "label", "notice_text"]

LABELS: dict[type[StrEnum], dict[str, Promise]] = {
    kind: {code: _(text) for code, text in texts.items()} for kind, texts in codebook.TEXTS.items()
}


def label(code: StrEnum) -> str:
    """The name of `code` in the active language (KeyError for a code without one)."""
    return str(LABELS[type(code)][code])


def notice_text(notice: Notice) -> str:
    """The sentence of `notice` in the active language, its numbers filled in."""
    return gettext(codebook.text(notice.code)) % dict(notice.params)
