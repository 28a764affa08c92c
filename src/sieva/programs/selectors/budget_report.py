"""Budget realisation per program and cohort (definitions in decision 0005).

- realisation % = realised / planned x 100 ("—" without a plan);
- cost per participant = realised / attended (attended as in the participation funnel);
- cost per JP = realised / the JP earned in that cohort by its attendees (sum of Session.jp
  over their attendance rows). Program rows sum their cohorts first, then divide, and
  count only cohorts that have budget lines: a cohort without any is "—", not free.
"""

from decimal import Decimal
from typing import Any

from django.db.models import QuerySet, Sum
from django.utils.translation import gettext as _

from sieva.core.report_table import (
    COUNT,
    JP,
    MONEY,
    PCT,
    TEXT,
    ReportTable,
    percent,
    rupiah,
)
from sieva.programs.models import BudgetLine, Cohort
from sieva.programs.selectors.participation import EMPTY_FUNNEL, Funnel


def budget_tables(
    cohort_qs: QuerySet[Cohort],
    cohorts: list[dict[str, Any]],
    by_cohort: dict[int, Funnel],
    earned: dict[int, Decimal],
) -> dict[str, ReportTable]:
    """The per-program and per-cohort budget tables of `cohorts` (rows of `cohort_qs`), with
    each cohort's funnel and the JP its attendees earned (both from the participation
    store); one query."""
    ids = cohort_qs.values("pk")
    money = {
        row["cohort_id"]: (row["planned"], row["realised"])
        for row in BudgetLine.objects.filter(cohort__in=ids)
        .values("cohort_id")
        .annotate(planned=Sum("planned"), realised=Sum("realised"))
        .order_by()
    }
    cohort_rows = []
    per_program: dict[int, tuple[str, list[Decimal] | None]] = {}
    for c in cohorts:
        name, sums = per_program.get(c["program_id"], (c["program__name"], None))
        if c["pk"] not in money:
            cohort_rows.append((c["program__name"], c["name"], *_budget_cells(None)))
            per_program[c["program_id"]] = (name, sums)
            continue
        figures = [
            *money[c["pk"]],
            Decimal(by_cohort.get(c["pk"], EMPTY_FUNNEL).attended),
            earned.get(c["pk"]) or Decimal("0"),
        ]
        cohort_rows.append((c["program__name"], c["name"], *_budget_cells(figures)))
        sums = figures if sums is None else [a + b for a, b in zip(sums, figures, strict=True)]
        per_program[c["program_id"]] = (name, sums)
    columns = (
        (_("Rencana (Rp)"), MONEY),
        (_("Realisasi (Rp)"), MONEY),
        (_("Realisasi (%)"), PCT),
        (_("Peserta hadir"), COUNT),
        (_("JP peserta hadir"), JP),
        (_("Biaya per peserta (Rp)"), MONEY),
        (_("Biaya per JP (Rp)"), MONEY),
    )
    note = _(
        "Biaya per peserta = realisasi / peserta hadir; biaya per JP = realisasi / jumlah JP "
        "yang diperoleh peserta hadir pada angkatan itu. Baris program menjumlahkan angkatan "
        "yang memiliki anggaran; “—” berarti belum ada anggaran atau pembagi nol."
    )
    return {
        "budget_program": ReportTable(
            "budget_program",
            _("Realisasi anggaran per program"),
            ((_("Program"), TEXT), *columns),
            [(name, *_budget_cells(sums)) for name, sums in per_program.values()],
            note=note,
        ),
        "budget_cohort": ReportTable(
            "budget_cohort",
            _("Realisasi anggaran per angkatan"),
            ((_("Program"), TEXT), (_("Angkatan"), TEXT), *columns),
            cohort_rows,
            note=note,
        ),
    }


def _budget_cells(figures: list[Decimal] | None) -> tuple[Any, ...]:
    """The row cells from (planned, realised, attended, JP earned); all "—" without a budget."""
    if figures is None:
        return (None,) * 7
    planned, realised, attended, earned = figures
    return (
        planned,
        realised,
        percent(float(realised / planned) if planned else None),
        int(attended),
        earned,
        rupiah(realised, attended),
        rupiah(realised, earned),
    )
