"""Double-double arithmetic on numpy arrays (Dekker 1971; Shewchuk 1997), for `ikm_batch`.

A value is a pair ``(hi, lo)`` of float64 arrays with ``hi = fl(hi + lo)``: about 106
significant bits, enough to tell which float64 a sum of a few positive ratios rounds to.
Every step below is exact or has a relative error of a few units of 2⁻¹⁰⁴; inputs are
positive and finite, so there is no cancellation to amplify it.
"""

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
DD = tuple[Floats, Floats]

_SPLITTER = 134217729.0  # 2**27 + 1 (Veltkamp split of a 53-bit significand)


def _two_sum(a: Floats, b: Floats) -> DD:
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def _fast_two_sum(a: Floats, b: Floats) -> DD:
    """Exact when |a| >= |b| (or a == 0)."""
    s = a + b
    return s, b - (s - a)


def _split(a: Floats) -> DD:
    c = _SPLITTER * a
    hi = c - (c - a)
    return hi, a - hi


def _two_product(a: Floats, b: Floats) -> DD:
    p = a * b
    ah, al = _split(a)
    bh, bl = _split(b)
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def ratio(num: Floats, den: Floats) -> DD:
    """num / den for integers below 2**53 held as floats (den > 0)."""
    hi = num / den
    p, e = _two_product(hi, den)
    return _fast_two_sum(hi, ((num - p) - e) / den)  # num - p is exact (Sterbenz)


def add(x: DD, y: DD) -> DD:
    s, e = _two_sum(x[0], y[0])
    return _fast_two_sum(s, e + (x[1] + y[1]))


def mul(x: DD, factor: Floats | float) -> DD:
    """x times a float64 that is an integer below 2**53."""
    f = np.broadcast_to(np.asarray(factor, dtype=np.float64), x[0].shape)
    p, e = _two_product(x[0], f)
    return _fast_two_sum(p, e + x[1] * f)


def div(x: DD, divisor: Floats | float) -> DD:
    """x divided by a positive float64 that is an integer below 2**53."""
    d = np.broadcast_to(np.asarray(divisor, dtype=np.float64), x[0].shape)
    q = x[0] / d
    p, e = _two_product(q, d)
    return _fast_two_sum(q, (((x[0] - p) - e) + x[1]) / d)


def correctly_rounded(x: DD, relative_error: float) -> npt.NDArray[np.bool_]:
    """Where ``x[0]`` is certainly the float64 nearest the true value.

    The true value lies within ``relative_error · x[0]`` of ``x[0] + x[1]``; it rounds to
    ``x[0]`` unless that interval reaches the midpoint to the neighbouring float on the side
    of ``x[1]`` (below a power of two the spacing is half the spacing above).
    """
    hi, lo = x
    up = np.spacing(hi)
    down = hi - np.nextafter(hi, np.zeros_like(hi))
    half_gap = np.where(lo >= 0, up, down) / 2
    return np.abs(lo) + relative_error * np.abs(hi) < half_gap
