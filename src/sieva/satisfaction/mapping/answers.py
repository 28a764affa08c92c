"""Answers as exported: numbers 1–4, the annex's labels per element, or LimeSurvey's A1–A4.

An `AnswerMap` is a dict from a raw cell to 1–4 (0 for blank, `BAD` for anything else)
whose `__missing__` resolves each distinct spelling once, so `map(answers.__getitem__,
column)` runs at C speed over a million cells.
"""

import re
from typing import Any

from sieva.satisfaction.annex import ANNEX

__all__ = ["BAD", "AnswerMap", "answer_maps", "label_list"]

BAD = -1
_SPACES = re.compile(r"\s+")
_LETTER = re.compile(r"^[abcd][.)]\s*")  # "a. Tidak sesuai", "d) Sangat sesuai"
_TRAILING = re.compile(r"[\s.,;:]+$")


def _key(text: str) -> str:
    return _SPACES.sub(" ", text.strip().casefold())


class AnswerMap(dict[Any, int]):
    """Raw cell → 1–4; blank → 0; anything else → `BAD`. Labels are those of `element`."""

    def __init__(self, element: str) -> None:
        super().__init__()
        self.element = element
        self.known: dict[str, int] = {}
        for value, label in enumerate(ANNEX[element].answers, start=1):
            self.known[_key(label)] = value
            self.known[str(value)] = value
            self.known[f"a{value}"] = value  # LimeSurvey answer codes
            self.known["abcd"[value - 1]] = value  # the annex's letters
        for blank in (None, "", " "):
            self[blank] = 0
        for value in range(1, 5):
            self[value] = value  # numbers from XLSX; 3.0 hashes as 3

    def __missing__(self, cell: Any) -> int:
        value = self._resolve(cell)
        self[cell] = value
        return value

    def _resolve(self, cell: Any) -> int:
        if isinstance(cell, bool):
            return BAD
        if isinstance(cell, float) and cell.is_integer():
            cell = int(cell)
        text = _key(str(cell))
        if not text:
            return 0
        if text in self.known:
            return self.known[text]
        if re.fullmatch(r"[1-4][.,]0+", text):
            return int(text[0])
        text = _TRAILING.sub("", _LETTER.sub("", text))
        return self.known.get(text, BAD)


def answer_maps() -> dict[str, AnswerMap]:
    """Fresh maps, one per element (their caches grow with the file's distinct spellings)."""
    return {code: AnswerMap(code) for code in ANNEX}


def label_list(element: str) -> str:
    """The element's labels 1–4 for a message: "1 Tidak sesuai, 2 Kurang sesuai, …"."""
    return ", ".join(f"{n} {label}" for n, label in enumerate(ANNEX[element].answers, start=1))
