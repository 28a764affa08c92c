"""Demo unit indicators and monetised benefits (decision 0011), built after the cohorts.

Every unit layanan reports its average service time and its complaints each month from
January of last year to the month before the reference day, and adopts IKM (read from the
SKM). The planted story: service time and complaints drift down slowly everywhere, and fall
further in units whose staff passed Pelatihan Layanan Prima (both indicators) or Komunikasi
Efektif (complaints only) — from the month after that cohort ended. Other programs, such as
Etika Pelayanan Publik or Manajemen Waktu, leave the indicators where untrained units are.
"""

import datetime as dt
import random
from collections import defaultdict
from decimal import Decimal

from sieva.indicators.models import (
    ActualSource,
    Direction,
    Frequency,
    IndicatorActual,
    IndicatorDefinition,
    IndicatorKind,
    MonetisedBenefit,
    UnitIndicator,
)
from sieva.indicators.periods import period_range
from sieva.org.models import OrgKind, OrgUnit
from sieva.programs.models import CohortStatus, Enrollment, EnrollmentStatus, Program

SERVICE_TIME, COMPLAINTS, IKM = "WAKTU-LAYANAN", "PENGADUAN", "IKM"
# Program key -> relative fall of (service time, complaints) once a unit's staff are trained.
EFFECTS = {"LAYANAN-PRIMA": (0.20, 0.35), "KOMUNIKASI": (0.0, 0.30)}
MONTHLY_DRIFT = 0.003  # everyone improves a little each month: why a comparison group matters
RAMP_MONTHS = 3
# (program code, description, yearly value, attribution, confidence, basis)
BENEFITS = (
    (
        "MDN-LAYANAN-PRIMA",
        "Waktu tunggu warga di Puskesmas berkurang",
        420_000_000,
        "0.50",
        "0.70",
        "Rata-rata waktu layanan turun ±9 menit × ±38.000 kunjungan per bulan × nilai "
        "waktu warga Rp 6.000 per jam (UMK Medan / 173 jam); atribusi dari perbandingan dengan "
        "Puskesmas yang belum dilatih.",
    ),
    (
        "MDN-LAYANAN-PRIMA",
        "Penanganan pengaduan berulang berkurang",
        96_000_000,
        "0.60",
        "0.80",
        "Pengaduan turun ±4 per unit per bulan × 11 unit × biaya penanganan Rp 180.000 "
        "per pengaduan (2 jam pelaksana dan 1 jam pengawas).",
    ),
    (
        "MDN-KOMUNIKASI",
        "Pengaduan karena salah paham informasi berkurang",
        120_000_000,
        "0.40",
        "0.60",
        "Estimasi kepala unit atas penurunan pengaduan; biaya penanganan Rp 180.000 per pengaduan.",
    ),
    (
        "PLG-LAYANAN-PRIMA",
        "Waktu tunggu warga berkurang",
        260_000_000,
        "0.45",
        "0.65",
        "Waktu layanan rata-rata turun ±7 menit di unit yang stafnya dilatih; nilai waktu warga "
        "Rp 5.500 per jam.",
    ),
    (
        "DKI-TI-ADMINISTRASI",
        "Lembur penyusunan laporan berkurang",
        180_000_000,
        "0.30",
        "0.50",
        "Perkiraan peserta: 2 jam per minggu lebih cepat menyusun laporan; tidak ada pembanding.",
    ),
)


def _trained_since(units: list[OrgUnit]) -> dict[tuple[int, str], dt.date]:
    """(unit id, program key) -> the earliest end of a finished cohort a staff member passed."""
    ends: dict[tuple[int, str], dt.date] = {}
    rows = Enrollment.objects.filter(
        employee__unit__in=units,
        status=EnrollmentStatus.PASSED,
        cohort__status=CohortStatus.FINISHED,
    ).values_list("employee__unit_id", "cohort__program__code", "cohort__end_date")
    for unit_id, code, end in rows:
        key = code.split("-", 1)[1]
        if key in EFFECTS:
            ends[(unit_id, key)] = min(ends.get((unit_id, key), end), end)
    return ends


def _first_month_after(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _effect(month: dt.date, since: dict[str, dt.date], which: int) -> float:
    """The share removed in `month` by every effective program a unit's staff completed."""
    kept = 1.0
    for key, start in since.items():
        if month >= start:
            steps = (month.year - start.year) * 12 + month.month - start.month + 1
            kept *= 1 - EFFECTS[key][which] * min(1.0, steps / RAMP_MONTHS)
    return 1 - kept


def _definitions(agency: OrgUnit) -> dict[str, IndicatorDefinition]:
    specs = (
        (
            SERVICE_TIME,
            "Rata-rata waktu layanan",
            "menit",
            Direction.LOWER_IS_BETTER,
            IndicatorKind.SERVICE_TIME,
            Frequency.MONTHLY,
        ),
        (
            COMPLAINTS,
            "Jumlah pengaduan per bulan",
            "pengaduan",
            Direction.LOWER_IS_BETTER,
            IndicatorKind.COMPLAINTS,
            Frequency.MONTHLY,
        ),
        (
            IKM,
            "Indeks Kepuasan Masyarakat",
            "NIK (25-100)",
            Direction.HIGHER_IS_BETTER,
            IndicatorKind.IKM,
            Frequency.QUARTERLY,
        ),
    )
    out = {}
    for code, name, uom, direction, kind, freq in specs:
        out[code] = IndicatorDefinition.objects.create(
            owner=agency,
            code=code,
            name=name,
            unit_of_measure=uom,
            direction=direction,
            kind=kind,
            frequency=freq,
        )
    return out


def build_indicators(*, seed: int, today: dt.date) -> dict[str, int]:
    """Create the indicators, actuals and benefits of the demo; returns row counts."""
    rng = random.Random(f"{seed}:indicators")  # noqa: S311 - reproducible demo data
    last = (dt.date(today.year, today.month, 1) - dt.timedelta(days=1)).replace(day=1)
    months = period_range(dt.date(today.year - 1, 1, 1), last, Frequency.MONTHLY)
    counts: dict[str, int] = defaultdict(int)
    actuals: list[IndicatorActual] = []
    targets: list[UnitIndicator] = []
    for agency in OrgUnit.objects.filter(kind=OrgKind.AGENCY).order_by("code"):
        units = list(
            OrgUnit.objects.filter(
                kind=OrgKind.SERVICE_UNIT, path__startswith=agency.path
            ).order_by("code")
        )
        if not units:
            continue
        definitions = _definitions(agency)
        counts["indicator_definitions"] += len(definitions)
        trained = _trained_since(units)
        for unit in units:
            since = {k: _first_month_after(end) for (u, k), end in trained.items() if u == unit.pk}
            base = {SERVICE_TIME: rng.uniform(25, 70), COMPLAINTS: rng.uniform(6, 22)}
            for which, code in enumerate((SERVICE_TIME, COMPLAINTS)):
                series = []
                for i, month in enumerate(months):
                    level = (
                        base[code] * (1 - MONTHLY_DRIFT) ** i * (1 - _effect(month, since, which))
                    )
                    value = max(0.0, level * rng.gauss(1, 0.06))
                    value = round(value) if code == COMPLAINTS else round(value, 1)
                    series.append(value)
                    actuals.append(
                        IndicatorActual(
                            definition=definitions[code],
                            unit=unit,
                            period=month,
                            value=Decimal(str(value)),
                            source=ActualSource.IMPORTED,
                        )
                    )
                baseline = Decimal(str(round(sum(series[:3]) / 3, 1)))
                targets.append(
                    UnitIndicator(
                        definition=definitions[code],
                        unit=unit,
                        baseline_value=baseline,
                        baseline_period=months[0],
                        target_value=(baseline * Decimal("0.85")).quantize(Decimal("0.1")),
                        target_period=dt.date(today.year, 12, 1),
                    )
                )
            targets.append(
                UnitIndicator(
                    definition=definitions[IKM],
                    unit=unit,
                    target_value=Decimal("88.31"),
                    target_period=dt.date(today.year, 10, 1),
                )
            )
    UnitIndicator.objects.bulk_create(targets, batch_size=2000)
    IndicatorActual.objects.bulk_create(actuals, batch_size=2000)
    counts["unit_indicators"] = len(targets)
    counts["indicator_actuals"] = len(actuals)
    counts["monetised_benefits"] = _benefits(today)
    return dict(counts)


def _benefits(today: dt.date) -> int:
    programs = {p.code: p for p in Program.objects.filter(code__in={b[0] for b in BENEFITS})}
    rows = [
        MonetisedBenefit(
            program=programs[code],
            description=text,
            annual_value=Decimal(value),
            attribution=Decimal(attribution),
            confidence=Decimal(confidence),
            basis=basis,
            period_start=dt.date(today.year, 1, 1),
            period_end=dt.date(today.year, 12, 31),
        )
        for code, text, value, attribution, confidence, basis in BENEFITS
        if code in programs
    ]
    MonetisedBenefit.objects.bulk_create(rows)
    return len(rows)
