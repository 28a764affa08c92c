"""Figures: JP per employee, SKM results per unit and period (aggregates only), evaluation
figures per program and year, recommendations."""

import datetime as dt
from decimal import Decimal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from sieva.api import figures
from sieva.api.auth import require
from sieva.api.errors import ERRORS, invalid
from sieva.api.pagination import Id, Page, PathId, UpdatedSince, changed_since
from sieva.org.access import Capability, get_org_unit_for_user
from sieva.programs.access import get_program_for_user
from sieva.programs.selectors.jp import EmployeeJp
from sieva.recommendations.selectors import recommendations_in_scope

router = Router(tags=["Angka"])


class JpOut(Schema):
    employee_id: int
    nip: str
    name: str
    asn_kind: str
    unit_id: Id
    jp: Decimal
    period_start: dt.date
    period_end: dt.date = Field(..., description="Hari terakhir periode.")
    meets_minimum: bool | None = Field(..., description="PNS: JP ≥ minimum; null untuk PPPK.")
    exceeds_cap: bool | None = Field(..., description="PPPK: JP > batas; null untuk PNS.")


class JpFilter(Schema):
    year: int = Field(default_factory=lambda: timezone.localdate().year, ge=2000, le=2100)
    unit_id: Id | None = None


@router.get("/jp/", response={200: list[JpOut], **ERRORS}, summary="JP per pegawai per tahun")
@paginate(Page)
def jp_list(request: HttpRequest, filters: Query[JpFilter]) -> object:
    access = require(request, Capability.VIEW_REPORTS)
    require(request, Capability.VIEW_PERSONAL_DATA)
    node = get_org_unit_for_user(access, filters.unit_id) if filters.unit_id else None
    return _JpOutPages(figures.JpPages(access, filters.year, node))


class _JpOutPages:
    """Pages of `JpOut`, computed a page at a time."""

    def __init__(self, pages: figures.JpPages) -> None:
        self.pages = pages

    def __len__(self) -> int:
        return len(self.pages)

    def __getitem__(self, window: slice) -> list[JpOut]:
        return [_jp_out(r) for r in self.pages[window]]


def _jp_out(r: EmployeeJp) -> JpOut:
    return JpOut(
        employee_id=r.employee_id,
        nip=r.nip,
        name=r.name,
        asn_kind=r.asn_kind,
        unit_id=r.unit_id,
        jp=r.jp,
        period_start=r.period_start,
        period_end=r.period_last_day,
        meets_minimum=r.meets_minimum if r.is_pns else None,
        exceeds_cap=r.exceeds_cap if not r.is_pns else None,
    )


class SkmOut(Schema):
    unit_id: Id
    unit_code: str
    unit_name: str
    period: str
    respondents: int
    suppressed: bool = Field(..., description="Kurang dari batas responden: angka tidak diberikan.")
    ikm: float | None
    nik: float | None = Field(..., description="Nilai konversi IKM × 25.")
    grade: str | None
    nrr: dict[str, float] = Field(..., description="NRR per unsur (kode unsur).")


class SkmFilter(Schema):
    period: str | None = Field(
        None, description="2026-05, 2026-T2 atau 2026; kosong: bulan terakhir."
    )


@router.get("/skm/results/", response={200: list[SkmOut], **ERRORS}, summary="Hasil SKM per unit")
@paginate(Page)
def skm_results(request: HttpRequest, filters: Query[SkmFilter]) -> object:
    access = require(request, Capability.VIEW_REPORTS)
    try:
        period = figures.skm_period(filters.period, access)
    except ValueError as exc:
        raise invalid([{"field": "query.period", "message": str(exc)}]) from None
    if period is None:
        return []
    rows = []
    for unit, score in figures.skm_scores(access, period):
        result = score.result
        rows.append(
            SkmOut(
                unit_id=unit.pk,
                unit_code=unit.code,
                unit_name=unit.name,
                period=period.key,
                respondents=score.respondents,
                suppressed=score.suppressed,
                ikm=result.ikm if result else None,
                nik=result.nik if result else None,
                grade=str(result.grade) if result else None,
                nrr={code: e.nrr for code, e in result.elements.items()} if result else {},
            )
        )
    return rows


class FigureOut(Schema):
    path: str = Field(..., description="Letak angka dalam hasil evaluasi, mis. l0.participation.")
    key: str
    label: str
    value: float | None
    n: int
    unit: str
    ci_low: float | None
    ci_high: float | None
    design: str
    caveats: list[str]


class EvaluationOut(Schema):
    program_id: Id
    year: int | None
    figures: list[FigureOut]


class YearQuery(Schema):
    year: int | None = Field(
        None, ge=2000, le=2100, description="Angkatan yang mulai pada tahun ini; kosong: semua."
    )


@router.get(
    "/programs/{program_id}/evaluation/",
    response={200: EvaluationOut, **ERRORS},
    summary="Angka evaluasi satu program (per tahun)",
)
def program_evaluation(
    request: HttpRequest, program_id: PathId, query: Query[YearQuery]
) -> EvaluationOut:
    access = require(request, Capability.VIEW_REPORTS)
    program = get_program_for_user(access, program_id)
    found = figures.evaluation_figures(access, program, query.year)
    return EvaluationOut(
        program_id=program.pk,
        year=query.year,
        figures=[
            FigureOut(
                path=path,
                key=f.key,
                label=str(f.label),
                value=f.value,
                n=f.n,
                unit=f.unit,
                ci_low=f.ci[0] if f.ci else None,
                ci_high=f.ci[1] if f.ci else None,
                design=f.design.name.lower(),
                caveats=[str(c.kind) for c in f.caveats],
            )
            for path, f in found
        ],
    )


class RecommendationOut(Schema):
    id: int
    scope_id: int
    scope_key: str
    period: str
    level: str
    rule: str
    priority: int
    strength: str
    statement: str
    text: str
    status: str
    owner_unit_id: int | None
    updated_at: dt.datetime


@router.get(
    "/recommendations/", response={200: list[RecommendationOut], **ERRORS}, summary="Rekomendasi"
)
@paginate(Page)
def recommendation_list(request: HttpRequest, filters: Query[UpdatedSince]) -> object:
    access = require(request, Capability.VIEW_REPORTS)
    records = recommendations_in_scope(access)
    return changed_since(records, filters.updated_since).order_by("pk")
