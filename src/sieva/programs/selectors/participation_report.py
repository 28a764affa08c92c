"""The participation report: the funnel by program, cohort, unit and region, and the reasons.

Scope and region follow the program owner (docs/decisions/0005-jp-compliance.md); the unit
breakdown follows the participant's unit, and units outside the user's subtree stay unnamed.
"""

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet, Sum
from django.utils.translation import gettext as _

from sieva.core.report_table import (
    COUNT,
    PCT,
    TEXT,
    ReportTable,
    Suppressed,
    is_small,
    percent,
)
from sieva.org.access import Access, Capability, scope_queryset
from sieva.org.models import OrgKind, OrgUnit
from sieva.programs.models import AbsenceReason, Cohort, ParticipationCell, Program
from sieva.programs.selectors.budget_report import budget_tables
from sieva.programs.selectors.jp import nearest_of_kind, work_unit_of
from sieva.programs.selectors.participation import (
    EMPTY_FUNNEL,
    Funnel,
    funnel_sum,
    stored_funnel_by,
)


@dataclass(frozen=True)
class ParticipationFilter:
    year: int | None = None
    program: Program | None = None
    kind: str = ""
    node: OrgUnit | None = None


def report_cohorts(access: Access, filters: ParticipationFilter) -> QuerySet[Cohort]:
    """Cohorts of programs owned inside the user's subtree, narrowed by `filters`."""
    cohorts = scope_queryset(Cohort.objects.all(), access, "program__owner")
    if filters.year:
        cohorts = cohorts.filter(start_date__year=filters.year)
    if filters.program:
        cohorts = cohorts.filter(program=filters.program)
    if filters.kind:
        cohorts = cohorts.filter(program__kind=filters.kind)
    if filters.node:
        cohorts = cohorts.filter(program__owner__path__startswith=filters.node.path)
    return cohorts


def _funnel_row(name: Any, funnel: Funnel, *lead: Any, hide: bool = False) -> tuple[Any, ...]:
    if hide:
        return (*lead, name, *([Suppressed()] * 6))
    return (
        *lead,
        name,
        funnel.invited,
        funnel.registered,
        funnel.attended,
        funnel.completed,
        percent(funnel.participation_rate),
        percent(funnel.completion_rate),
    )


def _funnel_columns(*lead: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return (
        *lead,
        (_("Diundang"), COUNT),
        (_("Terdaftar"), COUNT),
        (_("Hadir"), COUNT),
        (_("Selesai"), COUNT),
        (_("Tingkat partisipasi (%)"), PCT),
        (_("Tingkat penyelesaian (%)"), PCT),
    )


@dataclass(frozen=True)
class ParticipationReport:
    total: Funnel
    tables: dict[str, ReportTable]

    @property
    def participation_pct(self) -> float | None:
        return percent(self.total.participation_rate)

    @property
    def completion_pct(self) -> float | None:
        return percent(self.total.completion_rate)


def participation_report(access: Access, filters: ParticipationFilter) -> ParticipationReport:
    """Funnel tables by program, cohort, unit and region, reasons and budget; eight queries.

    The funnels are read from the participation store (decision 0069): the page costs the
    cohorts and units it shows, not the enrollments and attendance behind them.
    """
    cohort_qs = report_cohorts(access, filters)
    cohorts = list(
        cohort_qs.values(
            "pk", "name", "start_date", "program_id", "program__name", "program__owner__path"
        ).order_by("program__name", "start_date", "name", "pk")
    )
    cells = ParticipationCell.objects.filter(cohort__in=cohort_qs.values("pk"))
    stored = stored_funnel_by(cells, "cohort_id")
    by_cohort = {key["cohort_id"]: funnel for key, funnel, _jp in stored}
    earned = {key["cohort_id"]: jp for key, _funnel, jp in stored}
    # Funnels of disjoint groups add up stage by stage: a program's is the sum of its
    # cohorts' (one scan of the enrollments less than grouping them again by program).
    per_program: dict[int, list[Funnel]] = defaultdict(list)
    for c in cohorts:
        if c["pk"] in by_cohort:
            per_program[c["program_id"]].append(by_cohort[c["pk"]])
    by_program = {pk: funnel_sum(funnels) for pk, funnels in per_program.items()}
    hide_small = not access.can(Capability.VIEW_PERSONAL_DATA)

    programs: dict[int, tuple[str, str]] = {}
    for c in cohorts:
        programs[c["program_id"]] = (c["program__name"], c["program__owner__path"])
    tables = {
        "program": ReportTable(
            "program",
            _("Partisipasi per program"),
            _funnel_columns((_("Program"), TEXT)),
            [
                _funnel_row(name, by_program.get(pk, EMPTY_FUNNEL))
                for pk, (name, _p) in programs.items()
            ],
        ),
        "cohort": ReportTable(
            "cohort",
            _("Partisipasi per angkatan"),
            _funnel_columns((_("Program"), TEXT), (_("Angkatan"), TEXT)),
            [
                _funnel_row(c["name"], by_cohort.get(c["pk"], EMPTY_FUNNEL), c["program__name"])
                for c in cohorts
            ],
        ),
        "unit": _unit_table(access, cells, hide_small),
        "region": _region_table(programs, by_program),
        "reasons": _reasons_table(cells, programs, hide_small),
    }
    tables.update(budget_tables(cohort_qs, cohorts, by_cohort, earned))
    return ParticipationReport(total=funnel_sum(by_program.values()), tables=tables)


def _unit_table(
    access: Access, cells: QuerySet[ParticipationCell], hide_small: bool
) -> ReportTable:
    by_path = stored_funnel_by(cells, "unit__path")
    units = work_unit_of(key["unit__path"] for key, _f, _jp in by_path)
    grouped: dict[tuple[str, str], list[Funnel]] = defaultdict(list)
    outside: list[Funnel] = []
    for key, funnel, _jp in by_path:
        path = key["unit__path"]
        # Programs may invite people of other organisations; their units stay unnamed.
        if not path.startswith(access.scope_path):
            outside.append(funnel)
            continue
        _pk, name, unit_path = units[path]
        grouped[(unit_path, name)].append(funnel)
    rows = []
    for (_path, name), funnels in sorted(grouped.items()):
        total = funnel_sum(funnels)
        rows.append(_funnel_row(name, total, hide=hide_small and is_small(total.invited)))
    if outside:
        total = funnel_sum(outside)
        rows.append(
            _funnel_row(
                _("Di luar cakupan Anda"), total, hide=hide_small and is_small(total.invited)
            )
        )
    return ReportTable(
        "unit",
        _("Partisipasi per perangkat daerah / unit kerja peserta"),
        _funnel_columns((_("Unit kerja"), TEXT)),
        rows,
        note=_("Unit layanan dihitung pada perangkat daerah induknya."),
    )


def _region_table(
    programs: dict[int, tuple[str, str]], by_program: dict[int, Funnel]
) -> ReportTable:
    cities = nearest_of_kind((path for _n, path in programs.values()), OrgKind.CITY)
    grouped: dict[tuple[str, str], list[Funnel]] = defaultdict(list)
    for pk, (_name, owner_path) in programs.items():
        city = cities[owner_path]
        key = (city[2], city[1]) if city else ("~", _("Tingkat provinsi / nasional"))
        grouped[key].append(by_program.get(pk, EMPTY_FUNNEL))
    return ReportTable(
        "region",
        _("Partisipasi per kabupaten/kota penyelenggara"),
        _funnel_columns((_("Kabupaten/kota"), TEXT)),
        [_funnel_row(name, funnel_sum(f)) for (_p, name), f in sorted(grouped.items())],
        note=_("Wilayah = kabupaten/kota dari instansi pemilik program."),
    )


def _reasons_table(
    cells: QuerySet[ParticipationCell], programs: dict[int, tuple[str, str]], hide_small: bool
) -> ReportTable:
    counts = (
        cells.exclude(absence_reason="")
        .values("cohort__program_id", "absence_reason")
        .annotate(n=Sum("invited"))  # every enrollment of a cell gave its reason
        .order_by()
    )
    per_program: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for row in counts:
        per_program[row["cohort__program_id"]].append((row["absence_reason"], row["n"]))
    labels = dict(AbsenceReason.choices)
    rows = []
    for pk, (name, _path) in programs.items():
        reasons = sorted(per_program.get(pk, []), key=lambda r: (-r[1], r[0]))
        total = sum(n for _r, n in reasons)
        # One hidden cell could be recovered from the shares, so they go with it.
        any_hidden = hide_small and any(is_small(n) for _r, n in reasons)
        for reason, n in reasons:
            hidden = hide_small and is_small(n)
            share = None if any_hidden else percent(n / total)
            rows.append((name, str(labels[reason]), Suppressed() if hidden else n, share))
    return ReportTable(
        "reasons",
        _("Alasan tidak mengikuti"),
        ((_("Program"), TEXT), (_("Alasan"), TEXT), (_("Jumlah"), COUNT), (_("Pangsa (%)"), PCT)),
        rows,
        note=_("Pangsa = jumlah alasan / semua alasan yang tercatat pada program itu."),
    )
