"""Regulatory and evaluation indices: IKM, SKP predikat, 9-box, IP ASN, ROI, GAS,
participant qualification and competency gaps.

Import from the submodules: ``sieva.analysis.indices.ikm``, ``.appraisal``, ``.roi``,
``.development``.
"""

__all__ = ["appraisal", "development", "ikm", "roi"]
