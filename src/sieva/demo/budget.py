"""Budget lines (rencana vs realisasi) for every cost category of every cohort.

Unit costs are round figures in the range of regional standard costs (standar biaya masukan):
a speaker's honorarium per JP, meals and a module per participant, hall rent per day, local
transport. The participants' own time is costed at `JP_COST` per JP attended, so its
realisation follows attendance. Finished cohorts realise 70-105 % of each cash line, except the
program marked `overspent` (extra coaching rounds and field visits) which goes over.
"""

import random
from decimal import Decimal

from sieva.demo.catalogue import KELAS, PEKANAN
from sieva.demo.enrollment import Outcome
from sieva.demo.schedule import PlannedCohort
from sieva.programs.models import BudgetLine, CohortStatus, CostCategory

C = CostCategory
JP_COST = 45_000  # Rp per participant per JP: about Rp 60,000 an hour of an average salary
SPEAKER_PER_JP = 900_000
MEALS_PER_DAY = 120_000
MODULE_PER_PERSON = 150_000
HALL_PER_DAY = 4_500_000
TRANSPORT_PER_DAY = 100_000
OVERHEAD_SHARE = 0.07
# Spending that happens before the first session (needs analysis, design).
UPFRONT = {C.NEEDS_ANALYSIS, C.DESIGN}
OVERRUN = {C.DELIVERY, C.TRAVEL, C.VENUE}

NOTES = {
    C.NEEDS_ANALYSIS: "Analisis kebutuhan pelatihan (AKP) dan koordinasi dengan perangkat daerah",
    C.DESIGN: "Penyusunan kurikulum, bahan ajar dan instrumen",
    C.DELIVERY: "Honorarium narasumber, konsumsi, ATK dan modul",
    C.VENUE: "Sewa aula dan perlengkapan",
    C.TRAVEL: "Uang transport lokal peserta dan perjalanan narasumber",
    C.PARTICIPANT_TIME: "Nilai waktu kerja peserta: JP hadir x Rp 45.000",
    C.EVALUATION: "Evaluasi reaksi, pembelajaran dan evaluasi pascapelatihan",
    C.OVERHEAD: "Biaya administrasi dan umum (7 %)",
}


def _rupiah(value: float) -> Decimal:
    """Rounded to the thousand, as budget documents are."""
    return Decimal(round(value / 1000) * 1000)


def _planned(rng: random.Random, item: PlannedCohort, invited: int) -> dict[str, float]:
    spec, capacity = item.spec, item.cohort.capacity
    class_days = len({s.date for s in item.sessions if s.start_time and s.start_time.hour < 13})
    class_jp = sum(jp for _, jp, placement in spec.subjects if placement == KELAS)
    weekly_jp = sum(jp for _, jp, placement in spec.subjects if placement == PEKANAN)
    if spec.capacity > 100:  # self-paced e-learning: content and platform, no hall
        return {
            C.NEEDS_ANALYSIS: rng.uniform(4, 7) * 1e6,
            C.DESIGN: rng.uniform(15, 25) * 1e6,
            C.DELIVERY: capacity * rng.uniform(40_000, 60_000),
            C.VENUE: rng.uniform(2, 3) * 1e6,  # LMS hosting
            C.TRAVEL: rng.uniform(0.5, 1.5) * 1e6,
            C.PARTICIPANT_TIME: capacity * spec.total_jp * JP_COST,
            C.EVALUATION: rng.uniform(3, 5) * 1e6,
        }
    return {
        C.NEEDS_ANALYSIS: rng.uniform(2.5, 5) * 1e6,
        C.DESIGN: rng.uniform(4, 9) * 1e6,
        C.DELIVERY: (class_jp + weekly_jp) * SPEAKER_PER_JP
        + capacity * (MODULE_PER_PERSON + class_days * MEALS_PER_DAY),
        C.VENUE: class_days * HALL_PER_DAY + (len(item.sessions) - class_days) * 500_000,
        C.TRAVEL: class_days * capacity * TRANSPORT_PER_DAY + rng.uniform(2, 5) * 1e6,
        C.PARTICIPANT_TIME: max(invited, capacity) * spec.total_jp * JP_COST,
        C.EVALUATION: rng.uniform(3, 6) * 1e6,
    }


def budget_lines(rng: random.Random, item: PlannedCohort, outcome: Outcome) -> list[BudgetLine]:
    planned = _planned(rng, item, outcome.invited)
    planned[C.OVERHEAD] = OVERHEAD_SHARE * sum(
        v for k, v in planned.items() if k != C.PARTICIPANT_TIME
    )
    status = item.cohort.status
    lines = []
    for category in C.values:
        plan = planned[category]
        note = NOTES[category]
        if category == C.PARTICIPANT_TIME:
            realised = outcome.attended_jp * JP_COST
        elif status == CohortStatus.FINISHED:
            if item.offering.overspent and category in OVERRUN:
                realised = plan * rng.uniform(1.15, 1.35)
                note = "Melebihi rencana: tambahan sesi coaching dan kunjungan ke lokus proyek"
            else:
                realised = plan * rng.uniform(0.70, 1.05)
        elif status == CohortStatus.RUNNING:
            share = 1.0 if category in UPFRONT else outcome.sessions_done
            realised = plan * share * rng.uniform(0.85, 1.0)
        elif status == CohortStatus.OPEN and category in UPFRONT:
            realised = plan * rng.uniform(0.8, 1.0)
        else:
            realised = 0.0
        lines.append(
            BudgetLine(
                cohort=item.cohort,
                category=category,
                planned=_rupiah(plan),
                realised=_rupiah(realised),
                note=note,
            )
        )
    return lines
