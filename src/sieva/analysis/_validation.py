"""Input checks shared by the analysis modules (private)."""

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["as_matrix", "as_vector", "check_level", "check_paired", "round_half_up"]


def as_vector(values: ArrayLike, name: str, *, min_n: int = 1) -> NDArray[np.float64]:
    """``values`` as a 1-D float array; ValueError when not numeric, not finite or too short."""
    try:
        arr = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must contain only numbers") from None
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains missing (NaN) or infinite values; remove them first")
    if arr.size < min_n:
        raise ValueError(f"{name} needs at least {min_n} values, got {arr.size}")
    return arr


def as_matrix(
    values: ArrayLike, name: str, *, min_rows: int = 2, min_cols: int = 2
) -> NDArray[np.float64]:
    """``values`` as a finite 2-D float array of at least ``min_rows`` × ``min_cols``."""
    try:
        arr = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must contain only numbers") from None
    if arr.ndim != 2:
        raise ValueError(f"{name} must be two-dimensional (rows × columns), got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains missing (NaN) or infinite values; remove them first")
    rows, cols = arr.shape
    if rows < min_rows or cols < min_cols:
        raise ValueError(
            f"{name} needs at least {min_rows} rows and {min_cols} columns, got {rows} × {cols}"
        )
    return arr


def check_paired(
    pre: ArrayLike, post: ArrayLike, *, min_n: int = 2
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Both series as arrays of equal length ``>= min_n``."""
    a = as_vector(pre, "pre", min_n=min_n)
    b = as_vector(post, "post", min_n=min_n)
    if a.size != b.size:
        raise ValueError(f"pre and post must have the same length, got {a.size} and {b.size}")
    return a, b


def check_level(level: float, name: str = "confidence") -> float:
    """A probability strictly between 0 and 1."""
    if not 0.0 < level < 1.0:
        raise ValueError(f"{name} must be between 0 and 1 (exclusive), got {level}")
    return float(level)


def round_half_up(value: float, decimals: int) -> float:
    """Round as reports and spreadsheets do (0.125 -> 0.13), on the shortest decimal repr.

    Python's ``round`` rounds half to even on the binary value (``round(88.305, 2)`` gives
    88.3), which would move published figures across a grade boundary.
    """
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))
