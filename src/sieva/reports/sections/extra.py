"""Extra blocks other apps add to a section (Studi Kasus, Tantangan…).

The qualitative-evidence app will give case stories and challenges through a small selector;
a section builder calls `extra_blocks(key, inp)` at its end so those blocks join the
section without the section knowing where they come from. Empty until an app registers."""

from collections.abc import Callable
from typing import Any

from sieva.reports.inputs import ReportInput

Provider = Callable[[ReportInput], list[dict[str, Any]]]
PROVIDERS: dict[str, list[Provider]] = {}


def extra_blocks(section_key: str, inp: ReportInput) -> list[dict[str, Any]]:
    return [block for provide in PROVIDERS.get(section_key, []) for block in provide(inp)]
