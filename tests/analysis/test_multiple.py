import numpy as np
import pytest
from statsmodels.stats.multitest import multipletests

from sieva.analysis.multiple import holm


def test_holm_matches_r_p_adjust():
    r = holm([0.01, 0.02, 0.03, 0.04, 0.05])
    # R: p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm") -> 0.05 0.08 0.09 0.09 0.09
    assert r.adjusted == pytest.approx((0.05, 0.08, 0.09, 0.09, 0.09), abs=1e-12)
    assert r.reject == (True, False, False, False, False)


def test_holm_matches_statsmodels_on_unsorted_input_and_caps_at_one():
    p = np.random.default_rng(7).uniform(0, 0.3, size=12)
    r = holm(p, alpha=0.1)
    # statsmodels.stats.multitest.multipletests(p, alpha=0.1, method="holm")
    reject, adjusted, _, _ = multipletests(p, alpha=0.1, method="holm")
    assert r.adjusted == pytest.approx(tuple(adjusted), abs=1e-12)
    assert r.reject == tuple(bool(x) for x in reject)
    assert max(holm([0.5, 0.6, 0.7]).adjusted) == 1.0


def test_holm_rejects_values_that_are_not_p_values():
    with pytest.raises(ValueError, match="between 0 and 1"):
        holm([0.2, 1.2])
