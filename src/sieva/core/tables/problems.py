"""The problems of one import, bounded: the first `keep` kept, all of them counted.

A file of a million bad rows must not build millions of messages (memory, then a page nobody
reads): every importer collects into a `ProblemLog` and shows "… dan 3.999.950 masalah lain".
"""

from collections.abc import Iterable
from typing import Generic, TypeVar

from django.conf import settings

from sieva.core.tables import messages as m

__all__ = ["ProblemLog", "kept_problems", "more_problems"]

P = TypeVar("P")
KEPT = 10_000


def kept_problems() -> int:
    return int(getattr(settings, "SIEVA_IMPORT_PROBLEMS_KEPT", KEPT))


class ProblemLog(Generic[P]):
    """`kept`: the first problems in the order found; `count`: how many were found."""

    def __init__(self, keep: int | None = None) -> None:
        self.keep = kept_problems() if keep is None else keep
        self.kept: list[P] = []
        self.count = 0

    def add(self, problem: P) -> None:
        self.count += 1
        if len(self.kept) < self.keep:
            self.kept.append(problem)

    def extend(self, problems: Iterable[P]) -> None:
        for problem in problems:
            self.add(problem)

    def __bool__(self) -> bool:
        return self.count > 0

    @property
    def rest(self) -> int:
        """Problems counted but not kept."""
        return self.count - len(self.kept)


def more_problems(count: int, shown: int) -> str:
    """ "… dan 3.999.950 masalah lain" below a list of `shown` of `count` problems; "" when
    every problem is shown."""
    if count <= shown:
        return ""
    return m.say(m.MORE_PROBLEMS, count=m.count(count - shown))
