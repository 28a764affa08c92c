"""Regulatory and evaluation indices: IKM, SKP predikat, 9-box, IP ASN, ROI.

Import from the submodules: ``sieva.analysis.indices.ikm``, ``.appraisal``, ``.roi``.
"""

__all__ = ["appraisal", "ikm", "roi"]
