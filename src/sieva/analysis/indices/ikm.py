"""Indeks Kepuasan Masyarakat (IKM) per PermenPANRB 14/2017, with the legacy rules.

Arithmetic is exact (fractions) until the final conversion, so a NIK of 88.305 is
88.31 (grade A) and never 88.30 through binary rounding.

Codes
-----
Elements by their code (`STANDARD_ELEMENTS`, or ``u1``…``u14`` under KEP/25/2004).
`IkmGrade`: ``A`` (mutu Sangat Baik), ``B`` (Baik), ``C`` (Kurang Baik), ``D`` (Tidak Baik),
the same four names under every rule. `IkmMode`: the weighting and grading rule.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

__all__ = [
    "KEP25_ELEMENTS",
    "STANDARD_ELEMENTS",
    "ElementScore",
    "IkmGrade",
    "IkmMode",
    "IkmReconciliation",
    "IkmResult",
    "InvalidAnswer",
    "ikm_from_nrr",
    "ikm_from_responses",
    "ikm_from_totals",
    "ikm_reconcile",
]

#: The nine unsur of PermenPANRB 14/2017, in the official order (U1–U9).
STANDARD_ELEMENTS: tuple[str, ...] = (
    "persyaratan",
    "prosedur",
    "waktu",
    "biaya",
    "produk",
    "kompetensi",
    "perilaku",
    "pengaduan",
    "sarana",
)
#: KEP/25/M.PAN/2/2004 had 14 unsur; old data sets name them U1–U14.
KEP25_ELEMENTS: tuple[str, ...] = tuple(f"u{i}" for i in range(1, 15))


class IkmGrade(StrEnum):
    """Mutu pelayanan: A Sangat Baik, B Baik, C Kurang Baik, D Tidak Baik."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"


# Lower bounds of grades A, B, C (PermenPANRB 14/2017 Lampiran, table of intervals).
_NIK_2017 = (Fraction("88.31"), Fraction("76.61"), Fraction("65.00"))
_NRR_2017 = (Fraction("3.5324"), Fraction("3.0644"), Fraction("2.60"))
# KEP/25/M.PAN/2/2004: NRR 1.00–1.75 D, 1.76–2.50 C, 2.51–3.25 B, 3.26–4.00 A.
_NIK_2004 = (Fraction("81.26"), Fraction("62.51"), Fraction("43.76"))
_NRR_2004 = (Fraction("3.26"), Fraction("2.51"), Fraction("1.76"))


class IkmMode(StrEnum):
    """How the index is weighted and graded."""

    PERMENPANRB_14_2017 = "permenpanrb-14-2017"
    ROUNDED_0_111 = "rounded-0.111"
    ROUNDED_0_11 = "rounded-0.11"
    KEP25_2004 = "kep25-2004"


_LEGACY_WEIGHT = {
    IkmMode.ROUNDED_0_111: (Fraction("0.111"), 9),
    IkmMode.ROUNDED_0_11: (Fraction("0.11"), 9),
    IkmMode.KEP25_2004: (Fraction("0.071"), 14),
}


class InvalidAnswer(ValueError):
    """An answer other than 1–4 or blank; ``index`` is its 0-based position in the column."""

    def __init__(self, element: str, index: int, value: object) -> None:
        super().__init__(
            f"element {element!r}, respondent {index + 1}: {value!r} is not an answer 1–4"
        )
        self.element = element
        self.index = index
        self.value = value


@dataclass(frozen=True)
class ElementScore:
    """One unsur: ``n`` answers, mean ``nrr`` (1–4) and its grade A–D."""

    code: str
    n: int
    nrr: float
    grade: IkmGrade


@dataclass(frozen=True)
class IkmResult:
    """The index of one service unit and period.

    ``ikm`` is Σ wᵢ·NRRᵢ (1–4) at full precision, ``nik_unrounded`` = IKM × 25 and ``nik``
    that value rounded half-up to 2 decimals, which is what ``grade`` is read from.
    ``n_respondents`` is None when computed from published element means.
    """

    mode: IkmMode
    n_respondents: int | None
    elements: dict[str, ElementScore]
    weights: dict[str, float]
    ikm: float
    nik_unrounded: float
    nik: float
    grade: IkmGrade


@dataclass(frozen=True)
class IkmReconciliation:
    """Whether a published NIK follows from its own element means.

    ``recomputed`` maps each rule that fits the number of elements to the NIK it gives
    (unrounded); ``matching`` lists the rules within ``tolerance`` of ``published_nik``.
    ``reproduces`` is True when the current rule (PermenPANRB 14/2017) is among them.
    """

    published_nik: float
    tolerance: float
    recomputed: dict[IkmMode, float]
    matching: tuple[IkmMode, ...]
    reproduces: bool


def _fraction(value: float | Fraction | str, what: str) -> Fraction:
    if isinstance(value, Fraction):
        return value
    if isinstance(value, bool):
        raise ValueError(f"{what} must be a number, got {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number, got {value!r}")
    try:
        # repr() keeps 0.111 as typed rather than its binary approximation.
        return Fraction(repr(value) if isinstance(value, float) else value)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be a number, got {value!r}") from None


def _ordered(codes: Sequence[str]) -> list[str]:
    standard = [c for c in STANDARD_ELEMENTS if c in codes]
    return standard + [c for c in codes if c not in STANDARD_ELEMENTS]


def _weights(
    codes: list[str], mode: IkmMode, weights: Mapping[str, float | Fraction | str] | None
) -> dict[str, Fraction]:
    if mode in _LEGACY_WEIGHT:
        weight, count = _LEGACY_WEIGHT[mode]
        if weights is not None:
            raise ValueError(f"mode {mode.value} uses its fixed weight {weight}; omit weights")
        if len(codes) != count:
            raise ValueError(f"mode {mode.value} needs {count} elements, got {len(codes)}")
        return dict.fromkeys(codes, weight)
    if weights is None:
        return dict.fromkeys(codes, Fraction(1, len(codes)))
    if set(weights) != set(codes):
        raise ValueError(
            f"weights must cover exactly the elements {sorted(codes)}, got {sorted(weights)}"
        )
    out = {c: _fraction(weights[c], f"weight of {c!r}") for c in codes}
    if any(w < 0 for w in out.values()):
        raise ValueError("weights must not be negative")
    if abs(float(sum(out.values())) - 1) > 1e-9:
        raise ValueError(f"weights must sum to 1, got {float(sum(out.values())):.6g}")
    return out


def _half_up(value: Fraction, decimals: int) -> Fraction:
    scale = 10**decimals
    return Fraction(math.floor(value * scale + Fraction(1, 2)), scale)


def _grade(value: Fraction, bounds: tuple[Fraction, Fraction, Fraction]) -> IkmGrade:
    for grade, bound in zip((IkmGrade.A, IkmGrade.B, IkmGrade.C), bounds, strict=True):
        if value >= bound:
            return grade
    return IkmGrade.D


def _element_grade(nrr: Fraction, mode: IkmMode) -> IkmGrade:
    if mode is IkmMode.KEP25_2004:
        return _grade(_half_up(nrr, 2), _NRR_2004)
    return _grade(nrr, _NRR_2017)


def _score(
    nrr: dict[str, Fraction],
    counts: dict[str, int] | None,
    n_respondents: int | None,
    mode: IkmMode,
    weights: Mapping[str, float | Fraction | str] | None,
) -> IkmResult:
    if not nrr:
        raise ValueError("no elements given")
    mode = IkmMode(mode)
    codes = _ordered(list(nrr))
    w = _weights(codes, mode, weights)
    for code in codes:
        if not 1 <= nrr[code] <= 4:
            raise ValueError(f"NRR of {code!r} must lie in 1–4, got {float(nrr[code])}")
    ikm = sum((w[c] * nrr[c] for c in codes), Fraction(0))
    nik_exact = ikm * 25
    nik = _half_up(nik_exact, 2)
    grade = _grade(nik, _NIK_2004 if mode is IkmMode.KEP25_2004 else _NIK_2017)
    elements = {}
    for c in codes:
        n = counts[c] if counts is not None else 0
        elements[c] = ElementScore(c, n, float(nrr[c]), _element_grade(nrr[c], mode))
    return IkmResult(
        mode=mode,
        n_respondents=n_respondents,
        elements=elements,
        weights={c: float(w[c]) for c in codes},
        ikm=float(ikm),
        nik_unrounded=float(nik_exact),
        nik=float(nik),
        grade=grade,
    )


def ikm_from_totals(
    totals: Mapping[str, tuple[int, int]],
    *,
    n_respondents: int | None = None,
    mode: IkmMode = IkmMode.PERMENPANRB_14_2017,
    weights: Mapping[str, float | Fraction | str] | None = None,
) -> IkmResult:
    """IKM from running aggregates: per element the sum of answers and number of answers.

    Parameters
    ----------
    totals : mapping of element code to (sum, count)
        ``count >= 1``; ``sum`` between ``count`` and ``4·count``.
    n_respondents : int, optional
        Number of respondents, reported as is.
    mode, weights
        As for `ikm_from_responses`.

    Examples
    --------
    >>> r = ikm_from_totals({c: (320, 100) for c in STANDARD_ELEMENTS}, n_respondents=100)
    >>> r.nik, r.grade.value
    (80.0, 'B')
    """
    nrr: dict[str, Fraction] = {}
    counts: dict[str, int] = {}
    for code, (total, count) in totals.items():
        if isinstance(count, bool) or int(count) != count or count < 1:
            raise ValueError(f"element {code!r} has no answers; its NRR is undefined")
        if int(total) != total or not count <= total <= 4 * count:
            raise ValueError(
                f"element {code!r}: a sum of {total} is impossible for {count} answers"
            )
        nrr[str(code)] = Fraction(int(total), int(count))
        counts[str(code)] = int(count)
    return _score(nrr, counts, n_respondents, mode, weights)


def ikm_from_responses(
    answers: Mapping[str, Sequence[int | float | None]],
    *,
    mode: IkmMode = IkmMode.PERMENPANRB_14_2017,
    weights: Mapping[str, float | Fraction | str] | None = None,
) -> IkmResult:
    """IKM of a service unit from respondents' answers.

    Parameters
    ----------
    answers : mapping of element code to a column of answers
        One column per unsur (``STANDARD_ELEMENTS`` or the unit's own codes), one entry per
        respondent, all the same length: 1, 2, 3 or 4, or None/NaN for a blank.
    mode : IkmMode
        ``PERMENPANRB_14_2017`` (default) or a legacy rule to reconcile an old report.
    weights : mapping of code to weight, optional
        Only for the current rule when a unit reweights or adds elements; must sum to 1.
        Default: equal weights ``1/k`` (``1/9`` exactly for the nine standard elements).

    Returns
    -------
    IkmResult

    Raises
    ------
    InvalidAnswer
        For an answer outside 1–4 (there is no neutral answer); names element and position.

    Notes
    -----
    ``NRRᵢ`` = mean of element i over those who answered it (blanks excluded);
    ``IKM = Σ wᵢ NRRᵢ`` with ``wᵢ = 1/9``; ``NIK = IKM × 25`` rounded to 2 decimals after
    the exact computation; grade A (Sangat Baik) ≥ 88.31, B (Baik) ≥ 76.61,
    C (Kurang Baik) ≥ 65.00, else D (Tidak Baik); per element by NRR: A ≥ 3.5324,
    B ≥ 3.0644, C ≥ 2.60, else D. Reference: PermenPANRB 14/2017, Lampiran (Bab III).
    Legacy: weights 0.111 or 0.11 with the 2017 bands; KEP/25/M.PAN/2/2004: 14 unsur,
    weight 0.071, NIK bands D 25–43.75, C 43.76–62.50, B 62.51–81.25, A 81.26–100.

    Examples
    --------
    >>> cols = {c: [4, 3, 4, 3] for c in STANDARD_ELEMENTS}
    >>> cols["waktu"] = [3, 2, None, 3]
    >>> r = ikm_from_responses(cols)
    >>> round(r.elements["waktu"].nrr, 4), r.elements["waktu"].grade.value, r.nik, r.grade.value
    (2.6667, 'C', 85.19, 'B')
    """
    columns = {str(code): list(col) for code, col in answers.items()}
    lengths = {len(col) for col in columns.values()}
    if len(lengths) > 1:
        raise ValueError("every element needs one entry per respondent (columns differ in length)")
    totals: dict[str, tuple[int, int]] = {}
    answered = [False] * (lengths.pop() if lengths else 0)
    for code, col in columns.items():
        total = count = 0
        for i, value in enumerate(col):
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            if isinstance(value, bool) or value not in (1, 2, 3, 4):
                raise InvalidAnswer(code, i, value)
            total += int(value)
            count += 1
            answered[i] = True
        totals[code] = (total, count)
    return ikm_from_totals(totals, n_respondents=sum(answered), mode=mode, weights=weights)


def ikm_from_nrr(
    nrr: Mapping[str, float | Fraction | str],
    *,
    mode: IkmMode = IkmMode.PERMENPANRB_14_2017,
    weights: Mapping[str, float | Fraction | str] | None = None,
) -> IkmResult:
    """IKM from element means (e.g. as printed in a report), taken at face value.

    Examples
    --------
    >>> ikm_from_nrr(dict.fromkeys(STANDARD_ELEMENTS, 3.25), mode=IkmMode.ROUNDED_0_11).nik
    80.44
    """
    values = {str(c): _fraction(v, f"NRR of {c!r}") for c, v in nrr.items()}
    return _score(values, None, None, mode, weights)


def ikm_reconcile(
    nrr: Mapping[str, float | Fraction | str],
    *,
    published_nik: float,
    nrr_decimals: int | None = None,
) -> IkmReconciliation:
    """Check whether a published NIK reproduces from the element means printed beside it.

    Parameters
    ----------
    nrr : mapping of element code to mean
        The element means as published.
    published_nik : float
        The published converted index (25–100).
    nrr_decimals : int, optional
        Decimals the means were printed with; widens the tolerance by the rounding they
        carry (``25 · Σwᵢ · ½·10⁻ᵈ``). Default: means taken as exact.

    Returns
    -------
    IkmReconciliation

    Notes
    -----
    Tries every rule that fits the number of elements (9: the 2017 rule and the rounded
    weights 0.111 and 0.11; 14: KEP/25/2004 and equal weights) and reports those within
    ``0.005`` (the published rounding) plus the means' rounding.

    Examples
    --------
    >>> means = dict.fromkeys(STANDARD_ELEMENTS, 3.25)
    >>> r = ikm_reconcile(means, published_nik=80.44)
    >>> r.reproduces, [m.value for m in r.matching]
    (False, ['rounded-0.11'])
    """
    values = {str(c): _fraction(v, f"NRR of {c!r}") for c, v in nrr.items()}
    k = len(values)
    modes = [IkmMode.PERMENPANRB_14_2017]
    if k == 9:
        modes += [IkmMode.ROUNDED_0_111, IkmMode.ROUNDED_0_11]
    elif k == 14:
        modes.append(IkmMode.KEP25_2004)
    recomputed: dict[IkmMode, float] = {}
    matching: list[IkmMode] = []
    tolerance = 0.0
    for mode in modes:
        result = _score(values, None, None, mode, None)
        slack = (
            0.0
            if nrr_decimals is None
            else 25 * sum(result.weights.values()) * 0.5 * 10.0**-nrr_decimals
        )
        tol = 0.005 + slack + 1e-9
        tolerance = max(tolerance, tol)
        recomputed[mode] = result.nik_unrounded
        if abs(result.nik_unrounded - published_nik) <= tol:
            matching.append(mode)
    return IkmReconciliation(
        published_nik=float(published_nik),
        tolerance=tolerance,
        recomputed=recomputed,
        matching=tuple(matching),
        reproduces=IkmMode.PERMENPANRB_14_2017 in matching,
    )
