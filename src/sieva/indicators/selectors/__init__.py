"""Reads of indicator data; `l4` and `roi` are the entry points for the evaluation engine."""

from sieva.indicators.selectors.l4 import (
    BeforeAfter,
    DidInput,
    IndicatorSeries,
    before_after,
    indicator_series,
)
from sieva.indicators.selectors.roi import ProgramRoi, benefit_claims, program_roi

__all__ = [
    "BeforeAfter",
    "DidInput",
    "IndicatorSeries",
    "ProgramRoi",
    "before_after",
    "benefit_claims",
    "indicator_series",
    "program_roi",
]
