"""IKM of many service units at once from their running aggregates, same results as `ikm`.

`ikm.ikm_from_totals` is exact because it computes in fractions, at 0.1–0.2 ms per unit; a
dashboard of 2,000 units needs them all within 50 ms. Here the arithmetic is vectorised and
still exact where it matters:

- element grades compare integers (``sum · 2500 ≥ 8831 · count`` for NRR ≥ 3.5324);
- IKM and NIK are carried as double-doubles (≈106 bits), so the float each unit reports is
  the one the fractions give; NIK is rounded half-up from that value and its grade read by
  comparing integer hundredths (``8831 ≤ round(NIK·100)``), so no threshold is ever compared
  in binary floating point;
- a unit whose NIK·100 lies within 1e-6 of a .5 rounding boundary (e.g. exactly 76.605), or
  whose float cannot be told from its neighbour, is recomputed by `ikm_from_totals` itself.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property

import numpy as np
import numpy.typing as npt

from sieva.analysis.indices import _double_double as dd
from sieva.analysis.indices.ikm import (
    _LEGACY_WEIGHT,
    _NIK_2004,
    _NIK_2017,
    _NRR_2004,
    _NRR_2017,
    STANDARD_ELEMENTS,
    ElementScore,
    IkmGrade,
    IkmMode,
    IkmResult,
    _ordered,
    ikm_from_totals,
)

__all__ = ["IkmBatch", "ikm_batch_from_totals"]

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Letters = npt.NDArray[np.str_]

#: Counts above this would overflow the integer comparisons (sum · 10⁴ in int64).
MAX_COUNT = 2**40
_ROUNDING_MARGIN = 1e-6  # of NIK·100 around .5; float error there is below 1e-11
_RELATIVE_ERROR = 2.0**-90  # bound on the double-double error (a few units of 2⁻¹⁰⁴)
_LETTERS = np.array(["A", "B", "C", "D", ""])


@dataclass(frozen=True, eq=False)
class IkmBatch:
    """Results for ``len(ikm)`` units, row i of every array being unit i of the input.

    ``nrr`` (units × elements) is NaN and ``element_grades`` empty where an element was not
    answered; ``nik`` is rounded half-up to 2 decimals and ``grades`` read from it.
    ``exact_fallbacks`` counts the units recomputed with fractions. `result` gives one unit
    as the `IkmResult` that `ikm_from_totals` returns for it.
    """

    mode: IkmMode
    codes: tuple[str, ...]
    counts: Ints
    respondents: Ints | None
    nrr: Floats
    element_grades: Letters
    weights: tuple[Fraction, ...]
    ikm: Floats
    nik_unrounded: Floats
    nik: Floats
    grades: Letters
    exact_fallbacks: int

    @cached_property
    def _order(self) -> list[int]:
        """Column indices in the order `ikm_from_totals` lists elements (U1–U9 first)."""
        return [self.codes.index(c) for c in _ordered(list(self.codes))]

    def __len__(self) -> int:
        return len(self.ikm)

    def result(self, row: int) -> IkmResult:
        """Unit `row` as an `IkmResult`, equal to what `ikm_from_totals` gives."""
        counts = self.counts[row].tolist()  # Python scalars: cheaper to read than numpy's
        nrr, grades = self.nrr[row].tolist(), self.element_grades[row].tolist()
        answered = [j for j in self._order if counts[j] > 0]
        elements = {
            self.codes[j]: ElementScore(self.codes[j], counts[j], nrr[j], IkmGrade(grades[j]))
            for j in answered
        }
        weight = float(self.weights[row])
        return IkmResult(
            mode=self.mode,
            n_respondents=None if self.respondents is None else int(self.respondents[row]),
            elements=elements,
            weights={self.codes[j]: weight for j in answered},
            ikm=float(self.ikm[row]),
            nik_unrounded=float(self.nik_unrounded[row]),
            nik=float(self.nik[row]),
            grade=IkmGrade(str(self.grades[row])),
        )


def _integers(name: str, values: npt.ArrayLike) -> Ints:
    array = np.asarray(values)
    if array.size == 0:  # np.asarray([]) is float64
        return array.astype(np.int64)
    if array.dtype.kind not in "iu":
        raise ValueError(f"{name} must be an integer array, got dtype {array.dtype}")
    return array


def _validate(sums: Ints, counts: Ints, codes: tuple[str, ...]) -> None:
    if sums.ndim != 2 or sums.shape != counts.shape:
        raise ValueError(
            f"sums and counts must be 2-D (units × elements) and alike, got {sums.shape} "
            f"and {counts.shape}"
        )
    if not codes or len(set(codes)) != len(codes) or counts.shape[1] != len(codes):
        raise ValueError(f"codes must name each of the {counts.shape[1]} columns once")
    checks = (
        (counts < 0, "a negative number of answers ({count})"),
        (counts > MAX_COUNT, "{count} answers are too many for the batch; use ikm_from_totals"),
        (
            (sums < counts) | (sums > 4 * counts),
            "a sum of {total} is impossible for {count} answers",
        ),
    )
    for bad, reason in checks:
        if bad.any():
            i, j = (int(x) for x in np.argwhere(bad)[0])
            detail = reason.format(total=int(sums[i, j]), count=int(counts[i, j]))
            raise ValueError(f"unit row {i}, element {codes[j]!r}: {detail}")


def _weights(
    answered: npt.NDArray[np.bool_], codes: tuple[str, ...], mode: IkmMode
) -> list[Fraction]:
    """Per unit the weight of each answered element, as `ikm._weights` would give it."""
    k = answered.sum(axis=1)
    if not k.all():
        raise ValueError(f"unit row {int(np.argmin(k))} has no answers; its IKM is undefined")
    if mode not in _LEGACY_WEIGHT:
        equal = {n: Fraction(1, n) for n in set(k.tolist())}  # a few distinct k, many units
        return [equal[n] for n in k.tolist()]
    weight, needed = _LEGACY_WEIGHT[mode]
    if (k != needed).any():
        row = int(np.argmax(k != needed))
        raise ValueError(f"unit row {row}: mode {mode.value} needs {needed} elements, got {k[row]}")
    return [weight] * len(k)


def _element_grades(sums: Ints, counts: Ints, mode: IkmMode) -> Letters:
    below = np.zeros(sums.shape, dtype=np.int64)
    for bound in _NRR_2004 if mode is IkmMode.KEP25_2004 else _NRR_2017:
        if mode is IkmMode.KEP25_2004:  # NRR rounded half-up to 2 dp, then compared
            hundredths = bound * 100
            assert hundredths.denominator == 1
            below += 200 * sums + counts < 2 * hundredths.numerator * counts
        else:
            below += sums * bound.denominator < bound.numerator * counts
    below[counts == 0] = 4
    return _LETTERS[below]


def _nik_grades(hundredths: Ints, mode: IkmMode) -> Letters:
    below = np.zeros(hundredths.shape, dtype=np.int64)
    for bound in _NIK_2004 if mode is IkmMode.KEP25_2004 else _NIK_2017:
        limit = bound * 100
        assert limit.denominator == 1
        below += hundredths < limit.numerator
    return _LETTERS[below]


def ikm_batch_from_totals(
    sums: npt.ArrayLike,
    counts: npt.ArrayLike,
    respondents: npt.ArrayLike | None = None,
    *,
    codes: Sequence[str] = STANDARD_ELEMENTS,
    mode: IkmMode = IkmMode.PERMENPANRB_14_2017,
) -> IkmBatch:
    """IKM of many units from per-element sums and counts of answers (running aggregates).

    Parameters
    ----------
    sums, counts : integer arrays, units × elements
        Column j is element ``codes[j]``. ``count = 0`` marks an element nobody in that unit
        answered: it is left out and the equal weights are spread over the others, as
        `ikm_from_totals` does when given only the answered elements. Otherwise
        ``count <= sum <= 4·count``.
    respondents : integer array, optional
        Respondents per unit, reported as ``n_respondents``.
    codes : sequence of str
        Element codes of the columns (default the nine `STANDARD_ELEMENTS`).
    mode : IkmMode
        The 2017 rule (equal weights) or a legacy rule; legacy rules need every one of their
        9 or 14 elements answered. Custom weights are not supported: use `ikm_from_totals`.

    Returns
    -------
    IkmBatch
        Identical, unit by unit, to `ikm_from_totals` (IKM, NIK and NRR floats included).

    Raises
    ------
    ValueError
        Naming the unit row and element: impossible sums, negative counts, a unit with no
        answered element, or a legacy mode missing elements.

    Examples
    --------
    >>> sums = np.array([[320] * 9, [353] * 8 + [0]])
    >>> counts = np.array([[100] * 9, [100] * 8 + [0]])
    >>> batch = ikm_batch_from_totals(sums, counts, [100, 100])
    >>> batch.nik.tolist(), batch.grades.tolist(), batch.element_grades[1, -2:].tolist()
    ([80.0, 88.25], ['B', 'B'], ['B', ''])
    >>> batch.result(1) == ikm_from_totals(
    ...     {c: (353, 100) for c in STANDARD_ELEMENTS[:8]}, n_respondents=100
    ... )
    True
    """
    mode = IkmMode(mode)
    codes = tuple(str(c) for c in codes)
    s, n = _integers("sums", sums), _integers("counts", counts)
    _validate(s, n, codes)
    s, n = s.astype(np.int64), n.astype(np.int64)
    people = None if respondents is None else _integers("respondents", respondents)
    if people is not None and people.shape != (len(n),):
        raise ValueError(f"respondents must hold one count per unit ({len(n)})")
    answered = n > 0
    weights = _weights(answered, codes, mode)
    nrr = np.where(answered, s / np.where(answered, n, 1), np.nan)

    zero = np.zeros(len(n))
    total: dd.DD = (zero, zero)
    for j in range(len(codes)):
        total = dd.add(total, dd.ratio(s[:, j].astype(float), np.maximum(n[:, j], 1).astype(float)))
    num = np.array([w.numerator for w in weights], dtype=np.float64)
    den = np.array([w.denominator for w in weights], dtype=np.float64)
    ikm = dd.div(dd.mul(total, num), den)
    nik_exact = dd.mul(ikm, 25.0)
    scaled = dd.mul(nik_exact, 100.0)[0]
    hundredths = np.floor(scaled + 0.5)
    exact = (
        (np.abs(scaled - np.floor(scaled) - 0.5) >= _ROUNDING_MARGIN)
        & dd.correctly_rounded(ikm, _RELATIVE_ERROR)
        & dd.correctly_rounded(nik_exact, _RELATIVE_ERROR)
    )
    batch = IkmBatch(
        mode=mode,
        codes=codes,
        counts=n,
        respondents=None if people is None else people.astype(np.int64),
        nrr=nrr,
        element_grades=_element_grades(s, n, mode),
        weights=tuple(weights),
        ikm=ikm[0].copy(),
        nik_unrounded=nik_exact[0].copy(),
        nik=hundredths / 100,
        grades=_nik_grades(hundredths.astype(np.int64), mode),
        exact_fallbacks=int((~exact).sum()),
    )
    for row in np.flatnonzero(~exact):
        _recompute(batch, int(row), s[row])
    return batch


def _recompute(batch: IkmBatch, row: int, sums: Ints) -> None:
    """Overwrite unit `row` with the fraction-exact result (near a rounding boundary)."""
    totals = {
        c: (int(sums[j]), int(batch.counts[row, j]))
        for j, c in enumerate(batch.codes)
        if batch.counts[row, j] > 0
    }
    n = None if batch.respondents is None else int(batch.respondents[row])
    exact = ikm_from_totals(totals, n_respondents=n, mode=batch.mode)
    batch.ikm[row], batch.nik_unrounded[row] = exact.ikm, exact.nik_unrounded
    batch.nik[row], batch.grades[row] = exact.nik, exact.grade
