"""Invisible control characters in what people type or upload: the one check every form and
importer applies (decision 0065).

NUL, \\x01 … the C0 controls other than tab and line breaks, and DEL have no place in a name,
an answer or a cell: they do not show, they do not survive XML (XLSX, DOCX) and they make two
equal-looking names differ. Input carrying one is refused with the character named, never
silently changed; `sieva.core.exports` still drops any that are stored already.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy

__all__ = [
    "CONTROL_CHARACTERS",
    "NoControlCharacters",
    "control_character",
    "control_character_message",
]

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MESSAGE = gettext_lazy(
    "Berisi karakter kendali tak terlihat (%(code)s), biasanya terbawa saat menyalin dari "
    "aplikasi lain; hapus lalu ketik ulang teks itu."
)


def control_character(text: str) -> str | None:
    """The first control character in `text`, None when there is none."""
    found = CONTROL_CHARACTERS.search(text)
    return found.group() if found else None


def control_character_message(character: str) -> str:
    """Why text holding `character` is refused, naming it as U+0001."""
    return str(MESSAGE) % {"code": f"U+{ord(character):04X}"}


@deconstructible
class NoControlCharacters:
    """A validator: ValidationError (code "control_character") for text with one."""

    code = "control_character"

    def __call__(self, value: object) -> None:
        character = control_character(str(value)) if value is not None else None
        if character is not None:
            raise ValidationError(
                MESSAGE, code=self.code, params={"code": f"U+{ord(character):04X}"}
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NoControlCharacters)

    def __hash__(self) -> int:
        return hash(self.code)
