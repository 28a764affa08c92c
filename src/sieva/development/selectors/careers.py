"""Reads on careers: a person's competency standard and gaps, gap closure per program,
readiness with its evidence, the talent 9-box and succession candidates."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from sieva.analysis.indices.appraisal import Predikat
from sieva.analysis.indices.development import (
    SATISFACTORY_OR_ABOVE,
    GapClosure,
    Qualification,
    gap_closure,
)
from sieva.core.labels import label
from sieva.development.models import (
    Appraisal,
    AssessmentResult,
    Competency,
    CompetencyAssessment,
    DevelopmentPlan,
    JobStandard,
    JobStandardLevel,
    ProgramCompetency,
    TalentPlacement,
)
from sieva.org.access import Access, scope_queryset
from sieva.org.models import AsnKind, Employee
from sieva.programs.models import Enrollment, Program
from sieva.programs.selectors.jp import jp_per_employee
from sieva.programs.selectors.learning_record import employee_jp_by_year
from sieva.programs.selectors.participation import REGISTERED_STATUSES

GOOD_PREDIKAT = (Predikat.VERY_GOOD, Predikat.GOOD)
TOP_BOXES = (7, 8, 9)


def standard_for(employee: Employee) -> JobStandard | None:
    """The standard of the employee's jabatan in the nearest instansi node above them."""
    if not employee.position_name:
        return None
    ids = [int(part) for part in employee.unit.path.strip("/").split("/") if part]
    return (
        JobStandard.objects.filter(
            owner_id__in=ids, position_name__iexact=employee.position_name.strip()
        )
        .order_by("-owner__depth")
        .first()
    )


def latest_levels(
    employee_ids: Iterable[int] | QuerySet[Any], *, on_or_before: dt.date | None = None
) -> dict[tuple[int, int], tuple[int, dt.date]]:
    """(employee, competency) → (latest level, its date), optionally up to a day; the ids
    may be a subquery (large sets stay in the database)."""
    ids = employee_ids if isinstance(employee_ids, QuerySet) else list(employee_ids)
    rows = CompetencyAssessment.objects.filter(employee_id__in=ids)
    if on_or_before is not None:
        rows = rows.filter(assessed_on__lte=on_or_before)
    found: dict[tuple[int, int], tuple[int, dt.date]] = {}
    for e, c, level, day in rows.order_by("assessed_on", "pk").values_list(
        "employee_id", "competency_id", "level", "assessed_on"
    ):
        found[(e, c)] = (level, day)
    return found


@dataclass(frozen=True)
class Gap:
    competency: Competency
    required: int
    assessed: int | None
    assessed_on: dt.date | None

    @property
    def gap(self) -> int | None:
        return None if self.assessed is None else max(self.required - self.assessed, 0)


def person_gaps(employee: Employee) -> tuple[JobStandard | None, list[Gap]]:
    """The employee's standard and, per required competency, the latest assessed level."""
    standard = standard_for(employee)
    if standard is None:
        return None, []
    levels = latest_levels([employee.pk])
    gaps = []
    for row in standard.levels.select_related("competency").order_by("competency__kind", "pk"):
        level, day = levels.get((employee.pk, row.competency_id), (None, None))
        gaps.append(Gap(row.competency, row.required_level, level, day))
    return standard, gaps


@dataclass(frozen=True)
class ProgramClosure:
    program: Program
    participants: int  # with an assessment before and after on a targeted competency
    closure: GapClosure


def program_gap_closure(program: Program) -> ProgramClosure:
    """Gap closure of a program's participants on the competencies it targets: before = the
    latest assessment up to a cohort's start, after = the latest after its end; the required
    level from each person's own standard. Four queries whatever the number of participants."""
    targets = set(
        ProgramCompetency.objects.filter(program=program).values_list("competency_id", flat=True)
    )
    taking = Enrollment.objects.filter(cohort__program=program, status__in=REGISTERED_STATUSES)
    rows = list(
        taking.values_list(
            "employee_id",
            "employee__position_name",
            "employee__unit__path",
            "cohort__start_date",
            "cohort__end_date",
        )
    )
    history: dict[tuple[int, int], list[tuple[dt.date, int]]] = defaultdict(list)
    for e, c, level, day in (
        CompetencyAssessment.objects.filter(
            employee__in=taking.values("employee_id"), competency_id__in=targets
        )
        .order_by("assessed_on", "pk")
        .values_list("employee_id", "competency_id", "level", "assessed_on")
    ):
        history[(e, c)].append((day, level))
    required = _required_levels(targets)
    totals: tuple[list[float], list[float], list[float]] = ([], [], [])
    people = 0
    for person, position, path, start, end in rows:
        counted = False
        for competency_id, level in _standard_levels(required, position, path).items():
            seen = history.get((person, competency_id), [])
            before = [lv for day, lv in seen if day <= start]
            after = [lv for day, lv in seen if day > end]
            if before and after:
                totals[0].append(level)
                totals[1].append(before[-1])
                totals[2].append(after[-1])
                counted = True
        people += counted
    return ProgramClosure(program, people, gap_closure(*totals))


def _required_levels(competencies: set[int]) -> list[tuple[str, str, int, dict[int, int]]]:
    """Standards requiring any of `competencies`: (position name, owner path, owner depth,
    competency → level), deepest owner first."""
    found: dict[int, tuple[str, str, int, dict[int, int]]] = {}
    for standard_id, name, path, depth, competency_id, level in JobStandardLevel.objects.filter(
        competency_id__in=competencies
    ).values_list(
        "standard_id",
        "standard__position_name",
        "standard__owner__path",
        "standard__owner__depth",
        "competency_id",
        "required_level",
    ):
        found.setdefault(standard_id, (name.strip().lower(), path, depth, {}))[3][competency_id] = (
            level
        )
    return sorted(found.values(), key=lambda row: -row[2])


def _standard_levels(
    standards: list[tuple[str, str, int, dict[int, int]]], position: str, unit_path: str
) -> dict[int, int]:
    """The levels of the standard matching a person (nearest owner above their unit first)."""
    name = position.strip().lower()
    for standard_name, path, _depth, levels in standards:
        if standard_name == name and unit_path.startswith(path):
            return levels
    return {}


def closing_programs(competency_ids: Iterable[int]) -> dict[int, list[ProgramClosure]]:
    """Programs targeting each competency, with their measured gap closure, best first."""
    links = ProgramCompetency.objects.filter(competency_id__in=list(competency_ids)).select_related(
        "program"
    )
    closures: dict[int, ProgramClosure] = {}
    out: dict[int, list[ProgramClosure]] = defaultdict(list)
    for link in links:
        if link.program_id not in closures:
            closures[link.program_id] = program_gap_closure(link.program)
        out[link.competency_id].append(closures[link.program_id])
    for rows in out.values():
        rows.sort(key=lambda r: -(r.closure.rate if r.closure.rate is not None else -1))
    return out


@dataclass(frozen=True)
class Evidence:
    label: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class Readiness:
    """An explained recommendation: ready when every piece of evidence holds."""

    title: str
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return bool(self.evidence) and all(e.ok for e in self.evidence)


def _appraisals(employee: Employee, years: tuple[int, int]) -> dict[int, Appraisal]:
    rows = Appraisal.objects.filter(employee=employee, year__in=years)
    return {a.year: a for a in rows}


def readiness(employee: Employee, today: dt.date) -> list[Readiness]:
    """Readiness for advanced training and for promotion, each with the evidence checked
    (PP 11/2017 Pasal 199, 203–204: development duty met, appraisal at least Baik for two
    years, competence against the standard)."""
    last, before = today.year - 1, today.year - 2
    appraisals = _appraisals(employee, (before, last))
    jp = dict(employee_jp_by_year(employee.pk))

    def jp_evidence() -> Evidence:
        earned = jp.get(last, 0)
        ok = employee.asn_kind != AsnKind.PNS or earned >= settings.SIEVA_PNS_MIN_JP_PER_YEAR
        return Evidence(
            _("Kewajiban pengembangan %(year)d") % {"year": last},
            ok,
            _("%(jp)s JP") % {"jp": f"{earned:g}"},
        )

    def appraisal_evidence(years: tuple[int, ...]) -> Evidence:
        got = [appraisals.get(y) for y in years]
        ok = all(a is not None and a.predikat in GOOD_PREDIKAT for a in got)
        detail = ", ".join(
            f"{y}: {label(Predikat(a.predikat)) if a else _('belum ada')}"
            for y, a in zip(years, got, strict=True)
        )
        return Evidence(_("Predikat kinerja paling rendah Baik"), ok, detail)

    result = (
        AssessmentResult.objects.filter(enrollment__employee=employee)
        .select_related("enrollment__cohort__program")
        .order_by("-enrollment__cohort__end_date")
        .first()
    )
    result_evidence = Evidence(
        _("Hasil pelatihan terakhir paling rendah Memuaskan"),
        result is not None and result.qualification in SATISFACTORY_OR_ABOVE,
        f"{result.enrollment.cohort.program.name}: {label(Qualification(result.qualification))}"
        if result
        else _("belum ada hasil"),
    )
    _standard, gaps = person_gaps(employee)
    open_gaps = [g for g in gaps if g.gap]
    unassessed = [g for g in gaps if g.assessed is None]
    competence = Evidence(
        _("Kompetensi memenuhi standar jabatan"),
        bool(gaps) and not open_gaps and not unassessed,
        _("belum ada standar jabatan")
        if not gaps
        else ", ".join(f"{g.competency.name} −{g.gap}" for g in open_gaps)
        or (
            _("%(n)d kompetensi belum dinilai") % {"n": len(unassessed)}
            if unassessed
            else _("semua terpenuhi")
        ),
    )
    return [
        Readiness(
            _("Siap mengikuti pelatihan lanjutan"),
            [jp_evidence(), appraisal_evidence((last,)), result_evidence],
        ),
        Readiness(
            _("Siap dipertimbangkan untuk promosi"),
            [jp_evidence(), appraisal_evidence((before, last)), competence],
        ),
    ]


def plan_of(employee: Employee, year: int) -> DevelopmentPlan | None:
    return (
        DevelopmentPlan.objects.filter(employee=employee, year=year)
        .prefetch_related("items__competency", "items__program")
        .first()
    )


@dataclass(frozen=True)
class TalentGrid:
    year: int
    boxes: dict[int, list[TalentPlacement]]
    placed: int


def talent_grid(access: Access, year: int) -> TalentGrid:
    rows = scope_queryset(
        TalentPlacement.objects.filter(year=year).select_related("employee__unit"),
        access,
        "employee__unit",
    ).order_by("employee__name")
    boxes: dict[int, list[TalentPlacement]] = {box: [] for box in range(1, 10)}
    for row in rows:
        boxes[row.box].append(row)
    return TalentGrid(year, boxes, sum(len(v) for v in boxes.values()))


@dataclass(frozen=True)
class Candidate:
    employee: Employee
    box: int
    gap: int | None  # total gap against the key position's standard; None when unassessed
    evidence: list[str]


@dataclass(frozen=True)
class Succession:
    position: JobStandard
    candidates: list[Candidate]


def succession(access: Access, year: int, limit: int = 5) -> list[Succession]:
    """Per key position in scope: staff in boxes 7–9 of `year` with the development duty met
    and appraisals at least Baik in `year` and the year before (PP 11/2017 Pasal 199), the
    smallest gap against the position's standard first."""
    positions = scope_queryset(
        JobStandard.objects.filter(is_key_position=True).select_related("owner", "incumbent"),
        access,
        "owner",
    ).prefetch_related("levels")
    placements = scope_queryset(
        TalentPlacement.objects.filter(year=year, box__in=TOP_BOXES).select_related(
            "employee__unit"
        ),
        access,
        "employee__unit",
    )
    pool = {p.employee_id: p for p in placements}
    pool_ids = placements.values("employee_id")
    good = set(
        Appraisal.objects.filter(
            employee__in=pool_ids, year__in=(year - 1, year), predikat__in=GOOD_PREDIKAT
        )
        .values("employee_id")
        .annotate(n=Count("pk"))
        .filter(n=2)
        .values_list("employee_id", flat=True)
    )
    pns = Employee.objects.filter(pk__in=pool_ids, asn_kind=AsnKind.PNS)
    pns_ids = set(pns.values_list("pk", flat=True))
    jp = jp_per_employee(pns, year)
    duty = {
        pk
        for pk in pool
        if pk not in pns_ids or jp.get(pk, 0) >= settings.SIEVA_PNS_MIN_JP_PER_YEAR
    }
    eligible = [p for pk, p in pool.items() if pk in good and pk in duty]
    levels = latest_levels(pool_ids)
    out = []
    for position in positions:
        required = {row.competency_id: row.required_level for row in position.levels.all()}
        candidates = []
        for placement in eligible:
            if placement.employee_id == position.incumbent_id:
                continue
            if not placement.employee.unit.is_within(position.owner):
                continue
            have = [levels.get((placement.employee_id, c)) for c in required]
            gap = (
                None
                if any(h is None for h in have)
                else sum(max(r - h[0], 0) for r, h in zip(required.values(), have, strict=True))  # type: ignore[index]
            )
            candidates.append(
                Candidate(
                    placement.employee,
                    placement.box,
                    gap,
                    [
                        _("kotak %(box)d") % {"box": placement.box},
                        _("predikat Baik 2 tahun"),
                        _("kewajiban JP terpenuhi"),
                    ],
                )
            )
        candidates.sort(key=lambda c: (c.gap is None, c.gap or 0, -c.box, c.employee.name))
        out.append(Succession(position, candidates[:limit]))
    return out


def standards_in(access: Access) -> QuerySet[JobStandard]:
    return scope_queryset(
        JobStandard.objects.select_related("owner", "incumbent").prefetch_related(
            "levels__competency"
        ),
        access,
        "owner",
    ).order_by("position_name")
