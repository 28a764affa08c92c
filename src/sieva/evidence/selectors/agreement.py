"""Agreement between coders on the double-coded sample, and the disagreements the lead
adjudicates (decision 0032).

Units are the segments of each finished double-coded source (`text.segments`: a speaker's
turn, a paragraph, an open answer). For every code, each coder's value on a unit is 1 when
one of their codings of that code overlaps the unit and 0 when it does not; a coder who did
not code the source is missing. Krippendorff's alpha (nominal) is computed per code over all
coders; Cohen's kappa as well when the sample has exactly two coders.
"""

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.contrib.auth import get_user_model

from sieva.analysis.agreement import (
    CohensKappa,
    KrippendorffAlpha,
    cohens_kappa,
    krippendorff_alpha,
)
from sieva.evidence.models import Adjudication, Assignment, Code, Coding, Source, Study
from sieva.evidence.text import segments


@dataclass(frozen=True)
class CodeAgreement:
    code: Code
    alpha: KrippendorffAlpha | None  # None: no unit coded by two coders
    kappa: CohensKappa | None  # only with exactly two coders
    applied: int  # unit × coder cells where the code was applied
    flagged: bool  # alpha below the study's threshold: revise the code

    @property
    def band(self) -> str:
        return self.alpha.band if self.alpha is not None else ""


@dataclass(frozen=True)
class Disagreement:
    source: Source
    start: int
    end: int
    code: Code
    votes: tuple[tuple[str, bool], ...]  # (coder name, applied)
    decision: Adjudication | None

    @property
    def text(self) -> str:
        return self.source.text[self.start : self.end]


@dataclass
class AgreementReport:
    coders: list[Any]
    sources: list[Source]
    n_units: int
    codes: list[CodeAgreement] = field(default_factory=list)
    overall: KrippendorffAlpha | None = None
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def flagged(self) -> list[CodeAgreement]:
        return [c for c in self.codes if c.flagged]

    @property
    def open_disagreements(self) -> list[Disagreement]:
        return [d for d in self.disagreements if d.decision is None]


def _sample(study: Study) -> tuple[list[Source], dict[int, list[int]]]:
    """Sources that at least two coders have finished, with those coders' ids."""
    finished: dict[int, list[int]] = {}
    for source_id, coder_id in (
        Assignment.objects.filter(source__study=study, done_at__isnull=False)
        .order_by("source_id", "coder_id")
        .values_list("source_id", "coder_id")
    ):
        finished.setdefault(source_id, []).append(coder_id)
    ids = [s for s, coders in finished.items() if len(coders) >= 2]
    sources = list(Source.objects.filter(pk__in=ids).select_related("unit").order_by("label"))
    return sources, {s.pk: finished[s.pk] for s in sources}


def _presence(
    study: Study, sources: list[Source], coders_of: dict[int, list[int]]
) -> tuple[list[Code], list[int], list[tuple[Source, int, int]], np.ndarray]:
    """codes × units × coders array: 1 applied, 0 not, NaN where the coder did not code."""
    codes = list(study.codes.order_by("order", "name", "pk"))
    coder_ids = sorted({c for coders in coders_of.values() for c in coders})
    units: list[tuple[Source, int, int]] = []
    first_unit: dict[int, int] = {}
    starts: dict[int, list[int]] = {}
    for source in sources:
        spans = segments(source.text)
        first_unit[source.pk] = len(units)
        starts[source.pk] = [s for s, _e in spans]
        units += [(source, s, e) for s, e in spans]
    code_index = {c.pk: i for i, c in enumerate(codes)}
    coder_index = {c: j for j, c in enumerate(coder_ids)}
    values = np.full((len(codes), len(units), len(coder_ids)), np.nan)
    for source in sources:
        first, n = first_unit[source.pk], len(starts[source.pk])
        for coder in coders_of[source.pk]:
            values[:, first : first + n, coder_index[coder]] = 0.0
    rows = Coding.objects.filter(
        source__in=sources, suggested=False, adjudicated=False, coder_id__in=coder_ids
    ).values_list("source_id", "code_id", "coder_id", "start", "end")
    for source_id, code_id, coder_id, start, end in rows:
        if coder_id not in coders_of[source_id]:
            continue
        unit_starts, first = starts[source_id], first_unit[source_id]
        i = max(0, bisect_right(unit_starts, start) - 1)
        while i < len(unit_starts):
            unit = units[first + i]
            if unit[1] >= end:
                break
            if unit[2] > start:
                values[code_index[code_id], first + i, coder_index[coder_id]] = 1.0
            i += 1
    return codes, coder_ids, units, values


def agreement_report(study: Study, *, with_disagreements: bool = True) -> AgreementReport:
    """Alpha (and kappa for two coders) per code over the finished double-coded sample, the
    pooled alpha over every unit × code, and each disagreement with its adjudication."""
    sources, coders_of = _sample(study)
    codes, coder_ids, units, values = _presence(study, sources, coders_of)
    users = get_user_model().objects.in_bulk(coder_ids)
    report = AgreementReport([users[c] for c in coder_ids], sources, len(units))
    if not units:
        return report
    threshold = float(study.alpha_threshold)
    for i, code in enumerate(codes):
        alpha = _alpha(values[i])
        kappa = None
        if len(coder_ids) == 2:
            try:
                kappa = cohens_kappa(values[i][:, 0].tolist(), values[i][:, 1].tolist())
            except ValueError:
                kappa = None
        flagged = alpha is not None and alpha.alpha is not None and alpha.alpha < threshold
        applied = int(np.nansum(values[i]))
        report.codes.append(CodeAgreement(code, alpha, kappa, applied, flagged))
    report.overall = _alpha(values.reshape(-1, len(coder_ids)))
    if with_disagreements:
        report.disagreements = _disagreements(study, codes, coder_ids, users, units, values)
    return report


def _alpha(matrix: np.ndarray) -> KrippendorffAlpha | None:
    try:
        return krippendorff_alpha(matrix)
    except ValueError:
        return None


def _disagreements(
    study: Study,
    codes: list[Code],
    coder_ids: list[int],
    users: dict[int, Any],
    units: list[tuple[Source, int, int]],
    values: np.ndarray,
) -> list[Disagreement]:
    decisions = {
        (a.source_id, a.code_id, a.start): a
        for a in Adjudication.objects.filter(source__study=study)
    }
    found = []
    coded = ~np.isnan(values)
    ones = np.where(coded, values, 0).sum(axis=2)
    counts = coded.sum(axis=2)
    split = np.argwhere((ones > 0) & (ones < counts))
    for i, u in split:
        source, start, end = units[u]
        votes = tuple(
            (users[c].get_full_name() or users[c].username, bool(values[i, u, j]))
            for j, c in enumerate(coder_ids)
            if coded[i, u, j]
        )
        found.append(
            Disagreement(
                source, start, end, codes[i], votes, decisions.get((source.pk, codes[i].pk, start))
            )
        )
    return found
