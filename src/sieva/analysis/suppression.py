"""Small-cell suppression for published breakdowns (no cell of fewer than 5 people).

UU 27/2022 (Pelindungan Data Pribadi) and the survey promise of anonymity: a breakdown cell
with fewer than ``min_count`` respondents is hidden (primary suppression). When row or
column totals are shown, a single hidden cell in a line could be recovered by subtraction,
so the smallest other cell of that line is hidden too (complementary suppression).

Totals over nested parts (months in a quarter in a year, units in a pool) are guarded the
other way round: a total is published only when what subtraction could recover from it —
the respondents of its hidden parts together — is none or at least ``min_count``
(`total_shown`, `calendar_shown`).

Codes
-----
`SuppressionNote` (the ``note`` of a result, a `Notice`, None when nothing is hidden):
``small_cells_hidden`` (params ``primary``, ``min_count``) or
``small_cells_and_complements_hidden`` (params ``primary``, ``complementary``, ``min_count``).
"""

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

import numpy as np
from numpy.typing import ArrayLike

from sieva.analysis.types import Notice

__all__ = [
    "CalendarShown",
    "SuppressedCounts",
    "SuppressedTable",
    "SuppressionNote",
    "calendar_shown",
    "suppress_counts",
    "suppress_table",
    "total_shown",
]

K = TypeVar("K", bound=Hashable)

Cell = tuple[int, int]


class SuppressionNote(StrEnum):
    SMALL_CELLS_HIDDEN = "small_cells_hidden"
    SMALL_CELLS_AND_COMPLEMENTS_HIDDEN = "small_cells_and_complements_hidden"


@dataclass(frozen=True)
class SuppressedTable:
    """A table of counts with hidden cells set to None.

    ``primary`` are the cells below ``min_count``; ``complementary`` the cells hidden only so
    that a primary cell cannot be recovered from the totals. ``note`` says that (and how
    many) cells were hidden, for a line under the table (None when nothing is hidden).
    """

    values: tuple[tuple[int | None, ...], ...]
    primary: frozenset[Cell]
    complementary: frozenset[Cell]
    min_count: int
    note: Notice | None


@dataclass(frozen=True)
class SuppressedCounts(Generic[K]):
    """Counts by category with hidden ones set to None (see `SuppressedTable`)."""

    values: dict[K, int | None]
    primary: frozenset[K]
    complementary: frozenset[K]
    min_count: int
    note: Notice | None


def _lines(shape: tuple[int, int]) -> list[list[Cell]]:
    rows, cols = shape
    # A line of one cell has no total of its own to subtract from.
    lines = [[(i, j) for j in range(cols)] for i in range(rows)] if cols > 1 else []
    if rows > 1:
        lines += [[(i, j) for i in range(rows)] for j in range(cols)]
    return lines


def suppress_table(
    counts: ArrayLike, *, min_count: int = 5, totals_shown: bool = True
) -> SuppressedTable:
    """Hide cells below ``min_count`` and, if totals are shown, their complements.

    Parameters
    ----------
    counts : array_like of int, 1-D or 2-D
        Respondent counts per cell (a 1-D input is one row).
    min_count : int
        Smallest count that may be shown, default 5 (``SIEVA_MIN_CELL_SIZE``).
    totals_shown : bool
        Whether row/column totals are published next to the cells, default True.

    Returns
    -------
    SuppressedTable

    Notes
    -----
    Primary: every cell with ``count < min_count`` (zero included: "none of this group
    answered X" discloses too). Complementary, repeated until nothing changes: in every
    row or column with exactly one hidden cell, also hide the smallest visible cell (first
    in order on ties). This follows the usual cell-suppression practice (Hundepool et al.
    2012, *Statistical Disclosure Control*, §5.2) but is not an audit against every linear
    combination of published margins. Totals themselves below ``min_count`` are the
    caller's to hide.

    Examples
    --------
    >>> t = suppress_table([[12, 3, 20], [15, 9, 30]])
    >>> t.values
    ((None, None, 20), (None, None, 30))
    >>> sorted(t.primary), sorted(t.complementary)
    ([(0, 1)], [(0, 0), (1, 0), (1, 1)])
    """
    arr = np.asarray(counts)
    if arr.ndim == 1:
        arr = arr.reshape(1, -1)
    if arr.ndim != 2 or arr.size == 0:
        raise ValueError(f"counts must be a non-empty 1-D or 2-D table, got shape {arr.shape}")
    try:
        arr = arr.astype(np.float64)
    except (TypeError, ValueError):
        raise ValueError("counts must be whole numbers") from None
    if not np.all(np.isfinite(arr)) or np.any(arr < 0) or np.any(arr != np.round(arr)):
        raise ValueError("counts must be non-negative whole numbers")
    if isinstance(min_count, bool) or min_count < 1:
        raise ValueError(f"min_count must be at least 1, got {min_count}")
    table = arr.astype(np.int64)
    shape = (int(table.shape[0]), int(table.shape[1]))
    primary = {(i, j) for i in range(shape[0]) for j in range(shape[1]) if table[i, j] < min_count}
    hidden = set(primary)
    changed = totals_shown
    while changed:
        changed = False
        for line in _lines(shape):
            if sum(cell in hidden for cell in line) == 1:
                visible = [cell for cell in line if cell not in hidden]
                hidden.add(min(visible, key=lambda c: int(table[c])))
                changed = True
    values = tuple(
        tuple(None if (i, j) in hidden else int(table[i, j]) for j in range(shape[1]))
        for i in range(shape[0])
    )
    complementary = frozenset(hidden - primary)
    note = None
    if complementary:
        note = Notice(
            SuppressionNote.SMALL_CELLS_AND_COMPLEMENTS_HIDDEN,
            {
                "primary": len(primary),
                "complementary": len(complementary),
                "min_count": min_count,
            },
        )
    elif primary:
        note = Notice(
            SuppressionNote.SMALL_CELLS_HIDDEN, {"primary": len(primary), "min_count": min_count}
        )
    return SuppressedTable(values, frozenset(primary), complementary, min_count, note)


def suppress_counts(
    counts: Mapping[K, int], *, min_count: int = 5, total_shown: bool = True
) -> SuppressedCounts[K]:
    """`suppress_table` for one breakdown keyed by category (e.g. unit → respondents).

    Examples
    --------
    >>> r = suppress_counts({"Loket A": 40, "Loket B": 2, "Loket C": 7})
    >>> r.values
    {'Loket A': 40, 'Loket B': None, 'Loket C': None}
    """
    keys = list(counts)
    table = suppress_table([counts[k] for k in keys], min_count=min_count, totals_shown=total_shown)
    row = table.values[0]
    return SuppressedCounts(
        values={k: row[j] for j, k in enumerate(keys)},
        primary=frozenset(keys[j] for _, j in table.primary),
        complementary=frozenset(keys[j] for _, j in table.complementary),
        min_count=min_count,
        note=table.note,
    )


Bools = np.ndarray[Any, np.dtype[np.bool_]]
Counts = np.ndarray[Any, np.dtype[np.int64]]


def _counts(values: ArrayLike, name: str) -> Counts:
    arr = np.asarray(values)
    if arr.size and (not np.issubdtype(arr.dtype, np.integer) or np.any(arr < 0)):
        raise ValueError(f"{name} must be non-negative whole numbers")
    return arr.astype(np.int64)


def total_shown(totals: ArrayLike, hidden: ArrayLike, *, min_count: int = 5) -> Bools:
    """Whether each total may be published next to its visible parts.

    Parameters
    ----------
    totals : array_like of int
        Respondents in each total.
    hidden : array_like of int, same shape
        Respondents in the parts of each total that are not published themselves (what
        ``total − visible parts`` would reveal).
    min_count : int
        Smallest group that may be shown, default 5 (``SIEVA_MIN_CELL_SIZE``).

    Returns
    -------
    ndarray of bool
        ``totals ≥ min_count`` and (``hidden = 0`` or ``hidden ≥ min_count``).

    Notes
    -----
    Where the published totals nest (a laminar family: months, quarters, a year), every
    group recoverable by adding and subtracting them is a union of the "hidden" remainders,
    so requiring each remainder to be empty or at least ``min_count`` is exact, not a
    heuristic (the remainders are disjoint and span the published totals).

    Examples
    --------
    >>> total_shown([14, 12, 9], [2, 6, 0]).tolist()
    [False, True, True]
    """
    if isinstance(min_count, bool) or min_count < 1:
        raise ValueError(f"min_count must be at least 1, got {min_count}")
    total, rest = _counts(totals, "totals"), _counts(hidden, "hidden")
    if total.shape != rest.shape:
        raise ValueError(f"totals {total.shape} and hidden {rest.shape} differ in shape")
    return (total >= min_count) & ((rest == 0) | (rest >= min_count))  # type: ignore[no-any-return]


@dataclass(frozen=True)
class CalendarShown:
    """Which months ``(n, 12)``, quarters ``(n, 4)`` and years ``(n,)`` may be published;
    ``quarter_hidden`` and ``year_hidden`` are the respondents subtraction would reveal."""

    months: Bools
    quarters: Bools
    years: Bools
    quarter_hidden: Counts
    year_hidden: Counts


def calendar_shown(monthly: ArrayLike, *, min_count: int = 5) -> CalendarShown:
    """Which months, quarters and years of a series may be published together.

    Parameters
    ----------
    monthly : array_like of int, shape (n, 12)
        Respondents per month, January to December, of ``n`` series (units).
    min_count : int
        Smallest group that may be shown, default 5.

    Returns
    -------
    CalendarShown

    Notes
    -----
    A month is shown from ``min_count`` respondents. A quarter is shown when `total_shown`
    allows it given its hidden months; a year when it allows it given what its hidden
    quarters leave hidden (their hidden months: the shown months of a hidden quarter are
    published on their own). Empty months hide nothing.

    Examples
    --------
    >>> c = calendar_shown([[6, 6, 2] + [0] * 9])
    >>> c.months[0, :3].tolist(), c.quarters[0].tolist(), c.years.tolist()
    ([True, True, False], [False, False, False, False], [False])
    """
    counts = _counts(monthly, "monthly")
    if counts.ndim != 2 or counts.shape[1] != 12:
        raise ValueError(f"monthly must have shape (n, 12), got {counts.shape}")
    months = counts >= min_count
    hidden_months = np.where(months, 0, counts).reshape(-1, 4, 3).sum(axis=2)
    quarters = total_shown(counts.reshape(-1, 4, 3).sum(axis=2), hidden_months, min_count=min_count)
    year_hidden = np.where(quarters, 0, hidden_months).sum(axis=1)
    years = total_shown(counts.sum(axis=1), year_hidden, min_count=min_count)
    return CalendarShown(months, quarters, years, hidden_months, year_hidden)
