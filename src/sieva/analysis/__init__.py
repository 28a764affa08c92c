"""Framework-free statistics for SIEVA evaluations.

Pure functions over numbers the caller passes in: no Django, no database, no file I/O
(``tests/analysis/test_import_rule.py`` enforces the import rule). Results are frozen
dataclasses. Modules are imported on demand so that ``import sieva.analysis`` stays light::

    from sieva.analysis.paired import paired_t
    from sieva.analysis.indices.ikm import ikm_from_responses

Methods, formulas, references and validation sources: ``docs/statistics.md``.
"""

__all__ = [
    "descriptive",
    "did",
    "gain",
    "groups",
    "indices",
    "matching",
    "multiple",
    "paired",
    "reliability",
    "sampling",
    "shrinkage",
    "suppression",
    "types",
]
