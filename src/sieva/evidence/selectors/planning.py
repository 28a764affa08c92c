"""Training needs for next year's plan: what the needs questionnaire's respondents chose and
what supervisors nominated, per competency, unit kerja and grade group."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sieva.evidence.models import Nomination
from sieva.evidence.selectors.themes import Places, min_cell
from sieva.instruments.models import Answer, Item, Purpose
from sieva.org.models import AsnKind, OrgUnit

COMPETENCY_ITEM = "kompetensi"  # the item of the standard needs questionnaire (STD-AKP)


def grade_group(grade: str, asn_kind: str) -> str:
    """ "Golongan III" for III/a–III/d, "PPPK" for any PPPK grade, "—" when unknown."""
    if asn_kind == AsnKind.PPPK:
        return "PPPK"
    head = grade.split("/")[0].strip()
    return f"Golongan {head}" if head else "—"


def competency_labels() -> dict[str, str]:
    """Code → label of every competency offered by a needs questionnaire (standard first)."""
    labels: dict[str, str] = {}
    items = Item.objects.filter(
        code=COMPETENCY_ITEM, version__instrument__purpose=Purpose.NEEDS
    ).order_by("-version__instrument__is_standard", "pk")
    for choices in items.values_list("choices", flat=True):
        for choice in choices or []:
            labels.setdefault(str(choice["value"]), str(choice["label"]))
    return labels


@dataclass(frozen=True)
class NeedCell:
    competency: str
    label: str
    unit: str
    grade: str
    respondents: int
    nominations: int

    @property
    def demand(self) -> int:
        """Nominations weigh double: a supervisor's nomination names a person and a job need."""
        return self.respondents + 2 * self.nominations


def needs_summary(owner: OrgUnit, year: int) -> list[NeedCell]:
    """Needs for plan `year` within `owner`'s subtree: answers to the needs questionnaire
    submitted in the year before, and nominations for `year`; one cell per competency × unit
    kerja × grade group, most demanded first."""
    start = dt.datetime(year - 1, 1, 1, tzinfo=dt.UTC)
    end = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
    answers = Answer.objects.filter(
        item__code=COMPETENCY_ITEM,
        item__version__instrument__purpose=Purpose.NEEDS,
        response__unit__path__startswith=owner.path,
        response__submitted_at__gte=start,
        response__submitted_at__lt=end,
    ).values_list(
        "value_json",
        "response__unit_id",
        "response__respondent__grade",
        "response__respondent__asn_kind",
    )
    nominations = Nomination.objects.filter(
        year=year, employee__unit__path__startswith=owner.path
    ).values_list("competency", "employee__unit_id", "employee__grade", "employee__asn_kind")
    answer_rows = list(answers)
    nomination_rows = list(nominations)
    unit_ids = {row[1] for row in answer_rows + nomination_rows if row[1]}
    places = Places.of(OrgUnit.objects.filter(pk__in=unit_ids))
    chosen: Counter[tuple[str, int, str]] = Counter()
    for values, unit_id, grade, kind in answer_rows:
        for code in values if isinstance(values, list) else []:
            chosen[
                (str(code), places.department[unit_id], grade_group(grade or "", kind or ""))
            ] += 1
    nominated: Counter[tuple[str, int, str]] = Counter(
        (code, places.department[unit_id], grade_group(grade, kind))
        for code, unit_id, grade, kind in nomination_rows
    )
    labels = competency_labels()
    cells = [
        NeedCell(
            competency=key[0],
            label=labels.get(key[0], key[0]),
            unit=places.names[key[1]],
            grade=key[2],
            respondents=chosen[key],
            nominations=nominated[key],
        )
        for key in set(chosen) | set(nominated)
    ]
    return sorted(cells, key=lambda c: (-c.demand, c.label, c.unit, c.grade))


def shown(count: int) -> str:
    """A respondent count as published: below five it is not shown (UU 27/2022)."""
    return str(count) if count >= min_cell() or count == 0 else "<5"
