"""Joint display: a theme beside a number, unit by unit — e.g. the units whose officials say
they get no support from their supervisor beside the units' L3 application rate.

The number is computed here from the L3 answers the way the evaluation engine reads them
(decision 0012: item `frekuensi`, applied when ≥ `SIEVA_APPLIED_FREQUENCY`), grouped by the
respondent's unit kerja. Groups of fewer than five sources or respondents show no figure.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.conf import settings

from sieva.evidence.models import Code, Study
from sieva.evidence.selectors.themes import PEOPLE, Places, final_codings, min_cell
from sieva.instruments.models import Answer, Purpose
from sieva.org.models import OrgUnit

FREQUENCY_ITEM = "frekuensi"  # the L3 item the engine reads (evaluation/engine/levels/behaviour.py)


@dataclass(frozen=True)
class JointRow:
    unit: str
    sources: int
    mentioning: int | None  # None: fewer than five sources in the unit
    share: float | None
    respondents: int
    applied_rate: float | None  # None: fewer than five L3 answers


def _application(study: Study) -> dict[int, tuple[int, int]]:
    """department id → (L3 answers, answers at or above the 'applied' frequency)."""
    answers = Answer.objects.filter(
        item__code=FREQUENCY_ITEM,
        item__version__instrument__purpose=Purpose.BEHAVIOUR,
        value_number__isnull=False,
        response__unit__path__startswith=study.owner.path,
    )
    if study.program_id is not None:
        answers = answers.filter(response__campaign__cohort__program_id=study.program_id)
    rows = list(answers.values_list("response__unit_id", "value_number"))
    places = Places.of(OrgUnit.objects.filter(pk__in={unit_id for unit_id, _v in rows}))
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    threshold = settings.SIEVA_APPLIED_FREQUENCY
    for unit_id, value in rows:
        cell = totals[places.department[unit_id]]
        cell[0] += 1
        cell[1] += int(value >= threshold)
    return {k: (v[0], v[1]) for k, v in totals.items()}


def joint_display(study: Study, code: Code) -> list[JointRow]:
    """One row per unit kerja with interviews or open answers: how many of its sources
    mention `code`, beside the share of its L3 respondents who apply what they learned."""
    sources = list(study.sources.filter(kind__in=PEOPLE, unit__isnull=False).select_related("unit"))
    places = Places.of(s.unit for s in sources)
    department = {s.pk: places.department[s.unit_id] for s in sources}
    sizes = Counter(department.values())
    mentioned = set(final_codings([study]).filter(code=code).values_list("source_id", flat=True))
    hits = Counter(department[s] for s in mentioned if s in department)
    applied = _application(study)
    rows = []
    for unit_id, n in sorted(sizes.items(), key=lambda kv: places.names[kv[0]]):
        shown = n >= min_cell()
        respondents, yes = applied.get(unit_id, (0, 0))
        rows.append(
            JointRow(
                unit=places.names[unit_id],
                sources=n,
                mentioning=hits[unit_id] if shown else None,
                share=100 * hits[unit_id] / n if shown else None,
                respondents=respondents,
                applied_rate=100 * yes / respondents if respondents >= min_cell() else None,
            )
        )
    return rows
