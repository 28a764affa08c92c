"""What a mentoring scheme achieved: mentees' goal attainment, their performance against
matched non-mentees (with the balance table), and mentor effects shrunk towards the mean.

Reads plain numbers from the database and hands them to `sieva.analysis` (matching,
shrinkage, paired t); the evaluation engine reads the same through `scheme_outcomes`.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Case, FloatField, Max, When
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from sieva.analysis.descriptive import MeanEstimate, mean_ci
from sieva.analysis.matching import BalanceRow, balance_table, nearest_neighbour_match
from sieva.analysis.paired import PairedTTest, paired_t
from sieva.analysis.shrinkage import Shrinkage, empirical_bayes_means
from sieva.development.models import Appraisal, MentoringPair, MentoringScheme, PairStatus
from sieva.development.selectors.mentoring import pair_gas
from sieva.org.grades import grade_rank
from sieva.org.models import AsnKind, Employee, OrgKind
from sieva.org.nip import NIP_LENGTH

COVARIATES = (_("Golongan (peringkat)"), _("Masa kerja (tahun)"), _("Kinerja awal"))


def service_start(nip: str, asn_kind: str, contract_start: dt.date | None) -> dt.date | None:
    """TMT CPNS for PNS (NIP digits 9–14, YYYYMM: the NIP was validated when it was
    stored), the first contract for PPPK; None when unknown."""
    if contract_start is not None:
        return contract_start
    if asn_kind != AsnKind.PNS or len(nip) != NIP_LENGTH or not nip.isdigit():
        return None
    try:
        return dt.date(int(nip[8:12]), int(nip[12:14]), 1)
    except ValueError:
        return None


@dataclass(frozen=True)
class _Person:
    pk: int
    stratum: tuple[str, str]
    covariates: tuple[float, float, float]
    outcome: float


@dataclass(frozen=True)
class MatchedComparison:
    """Mentees' performance score in `outcome_year` against matched non-mentees'."""

    baseline_year: int
    outcome_year: int
    mentees_with_data: int
    pool: int
    matched: int
    balance: list[BalanceRow]
    difference: PairedTTest | None  # mentee − match; None below two pairs
    mean_mentees: float | None
    mean_matches: float | None
    pair_differences: list[float]


@dataclass(frozen=True)
class MentorEffect:
    name: str
    n: int
    raw_mean: float
    shrunk_mean: float
    reliability: float


@dataclass(frozen=True)
class SchemeOutcomes:
    mentees: int
    gas_scored: int
    gas: MeanEstimate | None  # None below two scored mentees
    met_or_better: int  # mentees with T ≥ 50
    comparison: MatchedComparison | None
    mentor_effects: list[MentorEffect]
    shrinkage: Shrinkage | None


def _scores(owner_path: str, years: tuple[int, int]) -> dict[int, tuple[float, float]]:
    """(baseline, outcome) score of everyone in the subtree appraised with a score in both;
    one row per person, floats from the database."""

    def score_in(year: int) -> Max:
        return Max(Case(When(year=year, then=Cast("score", FloatField()))))

    rows = (
        Appraisal.objects.filter(
            employee__unit__path__startswith=owner_path, year__in=years, score__isnull=False
        )
        .values("employee_id")
        .annotate(before=score_in(years[0]), after=score_in(years[1]))
        .filter(before__isnull=False, after__isnull=False)
        .values_list("employee_id", "before", "after")
        .order_by()
    )
    return {pk: (before, after) for pk, before, after in rows}


def _people(
    rows: list[tuple[Any, ...]],
    ids: set[int],
    scores: dict[int, tuple[float, float]],
    baseline_year: int,
) -> list[_Person]:
    reference = dt.date(baseline_year, 12, 31)
    out = []
    for pk, nip, kind, grade, contract_start, unit_kind in rows:
        if pk not in ids:
            continue
        start = service_start(nip, kind, contract_start)
        try:
            rank = grade_rank(grade, kind)
        except ValueError:
            continue
        if start is None:
            continue
        tenure = max((reference - start).days / 365.25, 0.0)
        before, after = scores[pk]
        out.append(_Person(pk, (unit_kind, kind), (float(rank), tenure, before), after))
    return out


def matched_comparison(scheme: MentoringScheme) -> MatchedComparison | None:
    """Mentees against the most similar staff of the instansi who were never mentored:
    exact on kind of unit and PNS/PPPK, nearest on grade, service and the year-before score.
    None when no mentee has scores for both years."""
    cohort = scheme.cohort
    years = (cohort.start_date.year - 1, cohort.end_date.year)
    # The comparison pool is the whole instansi, even when a department (BKPSDM) runs it.
    owner = cohort.program.owner
    agency_path = (owner.ancestor_of_kind(OrgKind.AGENCY) or owner).path
    scores = _scores(agency_path, years)
    mentee_ids = set(scheme.pairs.values_list("mentee_id", flat=True))
    ever_mentored = set(MentoringPair.objects.values_list("mentee_id", flat=True))
    # One read of the instansi's staff, filtered here: the pool can be thousands of people.
    rows = list(
        Employee.objects.filter(unit__path__startswith=agency_path)
        .values_list("pk", "nip", "asn_kind", "grade", "contract_start", "unit__kind")
        .order_by("pk")
    )
    mentees = _people(rows, mentee_ids & scores.keys(), scores, years[0])
    pool = _people(rows, scores.keys() - ever_mentored - mentee_ids, scores, years[0])
    if not mentees or not pool:
        return None
    matching = nearest_neighbour_match(
        [m.covariates for m in mentees],
        [p.covariates for p in pool],
        treated_strata=[m.stratum for m in mentees],
        control_strata=[p.stratum for p in pool],
        caliper=float(settings.SIEVA_MATCH_CALIPER),
    )
    balance = balance_table(
        [m.covariates for m in mentees],
        [p.covariates for p in pool],
        [str(name) for name in COVARIATES],
        matching,
    )
    treated = [mentees[p.treated].outcome for p in matching.pairs]
    controls = [pool[p.control].outcome for p in matching.pairs]
    return MatchedComparison(
        baseline_year=years[0],
        outcome_year=years[1],
        mentees_with_data=len(mentees),
        pool=len(pool),
        matched=len(matching.pairs),
        balance=balance,
        difference=paired_t(controls, treated) if len(treated) >= 2 else None,
        mean_mentees=sum(treated) / len(treated) if treated else None,
        mean_matches=sum(controls) / len(controls) if controls else None,
        pair_differences=[t - c for t, c in zip(treated, controls, strict=True)],
    )


def _mentor_effects(
    pairs: list[MentoringPair], gas: dict[int, float]
) -> tuple[list[MentorEffect], Shrinkage | None]:
    names = {p.mentor_id: p.mentor.name for p in pairs}
    values = [(p.mentor_id, gas[p.pk]) for p in pairs if p.pk in gas]
    try:
        fit = empirical_bayes_means([v for _m, v in values], [m for m, _v in values])
    except ValueError:  # fewer than two mentors, or no mentor with two scored mentees
        return [], None
    effects = [
        MentorEffect(names[g.label], g.n, g.raw_mean, g.shrunk_mean, g.reliability)  # type: ignore[index]
        for g in fit.groups
    ]
    return sorted(effects, key=lambda e: (-e.shrunk_mean, e.name)), fit


def scheme_outcomes(scheme: MentoringScheme) -> SchemeOutcomes:
    """Goal attainment, matched comparison and mentor effects of one scheme."""
    pairs = list(scheme.pairs.exclude(status=PairStatus.STOPPED).select_related("mentor", "mentee"))
    scored = {pk: g.t for pk, g in pair_gas(p.pk for p in pairs).items() if g is not None}
    values = list(scored.values())
    effects, fit = _mentor_effects(pairs, scored)
    return SchemeOutcomes(
        mentees=len(pairs),
        gas_scored=len(values),
        gas=mean_ci(values) if len(values) >= 2 else None,
        met_or_better=sum(1 for v in values if v >= 50),
        comparison=matched_comparison(scheme),
        mentor_effects=effects,
        shrinkage=fit,
    )


@dataclass(frozen=True)
class MentoringEvidence:
    """What the evaluation engine reads for the mentoring schemes of a set of cohorts: each
    scored mentee's GAS T-score and each matched pair's difference (mentee − match)."""

    mentees: int
    gas_values: list[float]
    matched_differences: list[float]


def mentoring_evidence(cohorts: Iterable[Any]) -> MentoringEvidence | None:
    """None when none of the cohorts has a mentoring scheme."""
    schemes = list(
        MentoringScheme.objects.filter(cohort__in=cohorts).select_related("cohort__program__owner")
    )
    if not schemes:
        return None
    mentees, gas, differences = 0, [], []
    for scheme in schemes:
        pairs = list(scheme.pairs.exclude(status=PairStatus.STOPPED))
        mentees += len(pairs)
        gas += [g.t for g in pair_gas(p.pk for p in pairs).values() if g is not None]
        comparison = matched_comparison(scheme)
        if comparison is not None and comparison.difference is not None:
            differences += comparison.pair_differences
    return MentoringEvidence(mentees, gas, differences)
