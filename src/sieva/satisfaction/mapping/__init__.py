"""Reading SKM exports (Google Forms, KoboToolbox, LimeSurvey, own layouts) without Django.

`propose` decides which column holds what (`headers`), `answer_maps` turn exported answers
into 1–4 (`answers`), and problems come back as codes with Indonesian texts (`messages`)
that the web app translates. Used by `import_skm` (web and command) and by `sieva analyze
ikm`, which runs without Django settings — so nothing here may import Django.
"""

from sieva.satisfaction.mapping.answers import BAD, AnswerMap, answer_maps, label_list
from sieva.satisfaction.mapping.headers import (
    IGNORE,
    RESPONDENT_ID,
    TARGETS,
    UNIT,
    WHEN,
    ColumnChoice,
    Mapping,
    normalise,
    parse_overrides,
    propose,
)
from sieva.satisfaction.mapping.messages import (
    REASON_TEXTS,
    TEXTS,
    Problem,
    ProblemCode,
    Reason,
    render,
)

__all__ = [
    "BAD",
    "IGNORE",
    "REASON_TEXTS",
    "RESPONDENT_ID",
    "TARGETS",
    "TEXTS",
    "UNIT",
    "WHEN",
    "AnswerMap",
    "ColumnChoice",
    "Mapping",
    "Problem",
    "ProblemCode",
    "Reason",
    "answer_maps",
    "label_list",
    "normalise",
    "parse_overrides",
    "propose",
    "render",
]
