"""Reads on talent: readiness for promotion with its evidence, the 9-box of a year and the
succession candidates for key positions (decisions in `docs/decisions/`, issue 12)."""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count
from django.utils.translation import gettext as _

from sieva.analysis.indices.appraisal import Predikat
from sieva.analysis.indices.development import (
    SATISFACTORY_OR_ABOVE,
    Qualification,
)
from sieva.core.labels import label
from sieva.development.models import (
    Appraisal,
    AssessmentResult,
    JobStandard,
    TalentPlacement,
)
from sieva.development.selectors.careers import latest_levels, person_gaps
from sieva.org.access import Access, scope_queryset
from sieva.org.models import AsnKind, Employee
from sieva.programs.selectors.jp import jp_per_employee
from sieva.programs.selectors.learning_record import employee_jp_by_year

GOOD_PREDIKAT = (Predikat.VERY_GOOD, Predikat.GOOD)
TOP_BOXES = (7, 8, 9)


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
