"""Every code `sieva.analysis` returns has words, and every warning's words fit its numbers."""

import importlib
import inspect
import pkgutil
import re
from enum import StrEnum

import numpy as np
import pytest
from django.utils import translation

import sieva.analysis
from sieva.analysis.descriptive import LikertBand
from sieva.analysis.did import DidWarning, did_2x2, did_twfe
from sieva.analysis.gain import GainCategory
from sieva.analysis.groups import chi_square
from sieva.analysis.indices.appraisal import IpAsnBand
from sieva.analysis.suppression import suppress_counts
from sieva.analysis.types import Notice
from sieva.core import codebook
from sieva.core.labels import LABELS, label, notice_text
from tests.test_translations import compiled_catalogue  # noqa: F401 - the shared fixture

PLACEHOLDER = re.compile(r"%\((\w+)\)")


def _analysis_enums() -> set[type[StrEnum]]:
    found = set()
    for info in pkgutil.walk_packages(sieva.analysis.__path__, "sieva.analysis."):
        module = importlib.import_module(info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, StrEnum) and value.__module__.startswith("sieva.analysis"):
                found.add(value)
    return found


def test_every_code_of_every_analysis_enum_has_an_indonesian_text():
    enums = _analysis_enums()
    assert len(enums) >= 15
    assert enums == set(codebook.TEXTS)
    for kind in enums:
        assert set(codebook.TEXTS[kind]) == set(kind), kind
        assert set(LABELS[kind]) == set(kind), kind


def _notices() -> list[Notice]:
    """One real notice of every warning code, produced by the analysis functions themselves."""
    rng = np.random.default_rng(3)
    unit = np.repeat(np.arange(8), 2)
    post = np.tile([0, 1], 8)
    treated = (unit < 3).astype(int)
    few = did_2x2(rng.normal(size=16) + treated * post, treated=treated, post=post, unit=unit)
    units = [u for u in range(6) for _ in range(4)]
    periods = [1, 2, 3, 4] * 6
    switching = [0, 1, 1, 0, 0, 0, 1, 1] + [0] * 16  # unit 0 leaves, units 0 and 1 differ
    timing = did_twfe(rng.normal(size=24), unit=units, period=periods, treatment=switching)
    suppressed = [
        suppress_counts({"a": 2, "b": 9, "c": 7}).note,
        suppress_counts({"a": 2, "b": 9}, total_shown=False).note,
    ]
    return [
        *few.warnings,
        *timing.warnings,
        *suppressed,
        chi_square([[1, 0, 4], [2, 3, 1]]).warning,
    ]


def test_each_warning_text_uses_exactly_the_numbers_its_notice_carries():
    notices = _notices()
    codes = {n.code for n in notices}
    warning_enums = [kind for kind in codebook.TEXTS if any(isinstance(c, kind) for c in codes)]
    assert codes == {code for kind in warning_enums for code in kind}  # every code produced
    assert DidWarning.TREATMENT_SWITCHES_OFF in codes
    for notice in notices:
        assert set(PLACEHOLDER.findall(codebook.text(notice.code))) == set(notice.params)
        for language in ("id", "en"):
            with translation.override(language):
                sentence = notice_text(notice)
            assert "%(" not in sentence
            assert all(str(int(v)) in sentence for v in notice.params.values() if v == int(v))


@pytest.mark.usefixtures("compiled_catalogue")
def test_codes_read_in_english_when_english_is_chosen():
    few = _notices()[0]
    with translation.override("en"):
        assert label(LikertBand.VERY_HIGH) == "very high"
        assert notice_text(few).startswith(f"Only {few.params['n_clusters']} units")
    with translation.override("id"):
        assert label(LikertBand.VERY_HIGH) == "sangat tinggi"
        assert notice_text(few) == codebook.notice_text(few)


def test_a_code_of_another_enum_with_the_same_value_keeps_its_own_words():
    assert GainCategory.HIGH == IpAsnBand.HIGH == "high"  # StrEnums compare as strings
    assert codebook.text(GainCategory.HIGH) == "tinggi"
    assert codebook.text(IpAsnBand.HIGH) == "Tinggi"
    with pytest.raises(KeyError):
        codebook.text(StrEnum("Other", {"HIGH": "high"}).HIGH)
