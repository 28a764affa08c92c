"""Reads of indicator data; `roi` is the entry point for a program's Phillips ROI (L5)."""

from sieva.indicators.selectors.roi import ProgramRoi, benefit_claims, program_roi

__all__ = ["ProgramRoi", "benefit_claims", "program_roi"]
