"""What a unit publishes about its SKM (PermenPANRB 14/2017: results are published and
followed up): the figures of one period, its trend, its weakest elements with the actions
taken on them, and — for the official report — the respondent profile and a summary of the
open answers.

Every IKM figure comes from `selectors.ikm_scores` (the one reader, with its suppression)
and is formatted once here with `sieva.core.numbers`, so the public page, the hall display,
the PDF and the DOCX print the same text as the staff pages ("3,0000", "75,00").
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from sieva.analysis.suppression import suppress_counts
from sieva.analysis.text import match_keywords
from sieva.core.labels import label
from sieva.core.numbers import decimal
from sieva.core.periods import add_months
from sieva.org.models import OrgUnit
from sieva.satisfaction import selectors
from sieva.satisfaction.elements import ELEMENTS, PROFILE, SKM_ELEMENTS, Text
from sieva.satisfaction.models import FollowUpStatus, SkmFollowUp, SkmResponse
from sieva.satisfaction.periods import Period, parse_period
from sieva.satisfaction.selectors import IkmScore

WEAKEST = 3  # elements a unit reports its actions on
TREND_QUARTERS = 4


def ikm_text(value: float) -> str:
    """IKM (1–4) as every page prints it: four decimals."""
    return decimal(value, 4)


def nik_text(value: float) -> str:
    """Nilai konversi (25–100) as every page prints it: two decimals."""
    return decimal(value, 2)


@dataclass(frozen=True)
class ElementFigure:
    code: str
    number: int
    name: Text
    n: int
    nrr: float
    nrr_text: str
    grade: str
    grade_label: str


@dataclass(frozen=True)
class TrendPoint:
    period: Period
    respondents: int
    nik: str | None  # None: suppressed or empty
    grade: str | None
    suppressed: bool


@dataclass(frozen=True)
class UnitResults:
    """One unit's published SKM figures for `period` (see the module docstring).

    ``shown`` is False when the period is suppressed or empty; then only ``respondents``
    is given ("belum cukup data") and the element lists are empty."""

    unit: OrgUnit
    period: Period
    respondents: int
    shown: bool
    suppressed: bool
    ikm: str | None
    nik: str | None
    grade: str | None
    grade_label: str | None
    elements: list[ElementFigure]
    weakest: list[ElementFigure]
    follow_ups: list[SkmFollowUp]
    trend: list[TrendPoint]


def quarter_of(month: dt.date) -> Period:
    return parse_period(f"{month.year}-T{(month.month - 1) // 3 + 1}")


def default_period(unit: OrgUnit) -> Period | None:
    """The quarter of the unit's latest month with answers (None before the first answer):
    a quarter gathers enough respondents where a month often does not."""
    latest = selectors.latest_month(OrgUnit.objects.filter(pk=unit.pk))
    return quarter_of(latest) if latest else None


def _previous_quarters(period: Period, count: int) -> list[Period]:
    """The `count` quarters ending with the one that holds the end of `period`."""
    last = quarter_of(period.last).first
    return [quarter_of(add_months(last, -3 * i)) for i in reversed(range(count))]


def _elements(score: IkmScore) -> list[ElementFigure]:
    result = score.result
    if result is None:
        return []
    return [
        ElementFigure(
            code,
            SKM_ELEMENTS[code].number,
            SKM_ELEMENTS[code].name,
            result.elements[code].n,
            result.elements[code].nrr,
            ikm_text(result.elements[code].nrr),
            str(result.elements[code].grade),
            label(result.elements[code].grade),
        )
        for code in ELEMENTS
        if code in result.elements
    ]


def weakest_elements(elements: Sequence[ElementFigure]) -> list[ElementFigure]:
    """The `WEAKEST` elements with the lowest NRR (ties in element order)."""
    return sorted(elements, key=lambda e: (e.nrr, e.number))[:WEAKEST]


def follow_ups_for(unit: OrgUnit, period: Period, codes: Sequence[str]) -> list[SkmFollowUp]:
    """Actions of `unit` on elements `codes`: those recorded for `period` and those of
    earlier periods not finished yet."""
    return list(
        SkmFollowUp.objects.filter(unit=unit, element__in=codes)
        .filter(Q(period=period.key) | ~Q(status=FollowUpStatus.DONE))
        .order_by("deadline", "pk")
    )


def unit_results(unit: OrgUnit, period: Period) -> UnitResults:
    """The figures `unit` publishes for `period`, with the quarterly trend up to it."""
    (score,) = selectors.ikm_scores([unit.pk], [period])
    quarters = _previous_quarters(period, TREND_QUARTERS)
    trend = [
        TrendPoint(
            s.period,
            s.respondents,
            nik_text(s.result.nik) if s.result else None,
            str(s.result.grade) if s.result else None,
            s.suppressed,
        )
        for s in selectors.ikm_scores([unit.pk], quarters)
    ]
    elements = _elements(score)
    weakest = weakest_elements(elements)
    result = score.result
    return UnitResults(
        unit=unit,
        period=period,
        respondents=score.respondents,
        shown=result is not None,
        suppressed=score.suppressed,
        ikm=ikm_text(result.ikm) if result else None,
        nik=nik_text(result.nik) if result else None,
        grade=str(result.grade) if result else None,
        grade_label=label(result.grade) if result else None,
        elements=elements,
        weakest=weakest,
        follow_ups=follow_ups_for(unit, period, [e.code for e in weakest]) if weakest else [],
        trend=trend,
    )


# --- for the official report (staff only) ---------------------------------------------


@dataclass(frozen=True)
class ProfileBreakdown:
    """Respondents by one profile question; a count is None when hidden (below the minimum
    cell, or its complement)."""

    label: Text
    rows: list[tuple[str, int | None]]
    hidden: bool


def respondent_profile(unit: OrgUnit, period: Period) -> list[ProfileBreakdown]:
    """Respondents of `unit` in `period` by gender, age, education and occupation, with
    small cells suppressed (`sieva.analysis.suppression.suppress_counts`)."""
    responses = SkmResponse.objects.filter(
        unit=unit, period__range=(period.first, period.last)
    ).order_by()
    out = []
    for question in PROFILE:
        if question.choices is None:
            continue
        counts = dict(
            responses.values_list(question.field)
            .annotate(n=Count("pk"))
            .values_list(question.field, "n")
        )
        categories = {value: str(text) for value, text in question.choices.choices}
        categories[""] = _("Tidak diisi")
        table = {key: counts.get(key, 0) for key in categories if counts.get(key, 0)}
        if not table:
            continue
        kept = suppress_counts(table, min_count=selectors.min_cell_size())
        rows = [(categories[key], kept.values[key]) for key in table]
        out.append(ProfileBreakdown(question.label, rows, kept.note is not None))
    return out


# Themes of open answers, keyed by element code: words citizens use about each element.
THEMES: dict[str, tuple[str, ...]] = {
    "persyaratan": ("syarat", "persyaratan", "berkas", "dokumen", "fotokopi"),
    "prosedur": ("prosedur", "alur", "birokrasi", "ribet", "rumit", "daftar online"),
    "waktu": ("lama", "lambat", "antre", "antrian", "tunggu", "cepat", "jam buka"),
    "biaya": ("biaya", "mahal", "tarif", "pungli", "bayar", "gratis"),
    "produk": ("hasil", "salah", "keliru", "tidak sesuai"),
    "kompetensi": ("paham", "bingung", "kompeten", "terampil", "menguasai"),
    "perilaku": ("ramah", "sopan", "judes", "jutek", "kasar", "senyum", "pelayanan petugas"),
    "pengaduan": ("pengaduan", "keluhan", "komplain", "kotak saran", "tanggapan"),
    "sarana": ("parkir", "toilet", "wc", "kursi", "ruang tunggu", "ac", "kipas", "bersih"),
}


@dataclass(frozen=True)
class SuggestionSummary:
    """How many open answers there were and how many touch each element's theme (most
    mentioned first; themes nobody mentioned left out). No answer is quoted: free text
    may name people."""

    answers: int
    themes: list[tuple[Text, int]]
    other: int
    hidden: bool


def suggestion_summary(unit: OrgUnit, period: Period) -> SuggestionSummary:
    """The open answers (``SkmResponse.suggestion``) of `unit` in `period`, summarised by
    element theme with `sieva.analysis.text.match_keywords` (stems, so *antrean* and
    *mengantre* count alike). Fewer than the minimum cell of answers: counted, not
    summarised."""
    texts = [
        text.strip()
        for text in SkmResponse.objects.filter(unit=unit, period__range=(period.first, period.last))
        .exclude(suggestion="")
        .values_list("suggestion", flat=True)
        if text and text.strip()
    ]
    if len(texts) < selectors.min_cell_size():
        return SuggestionSummary(len(texts), [], 0, bool(texts))
    joined = "\n".join(texts)
    spans, start = [], 0
    for text in texts:
        spans.append((start, start + len(text)))
        start += len(text) + 1
    matches = match_keywords(joined, spans, THEMES)
    by_theme: dict[str, int] = {}
    touched = set()
    for match in matches:
        by_theme[str(match.key)] = by_theme.get(str(match.key), 0) + 1
        touched.add(match.start)
    themes = sorted(by_theme.items(), key=lambda item: (-item[1], item[0]))
    return SuggestionSummary(
        len(texts),
        [(SKM_ELEMENTS[code].name, count) for code, count in themes],
        len(texts) - len(touched),
        False,
    )
