"""Demo citizen satisfaction (SKM, PermenPANRB 14/2017) for every unit layanan, every month.

Each unit collects 10–20 responses a month (times the scale; QR posters, the web form and
typed-in paper forms) from January of last year to the month before the reference day. An
answer (1–4) is the unit's latent quality plus the element's offset, a slow improvement
everyone shares, the respondent's leniency and noise, rounded. The planted story, consistent
with the unit indicators (indicators.py): from the month after a unit's staff first passed
**Layanan Prima**, speed, procedure, competence, courtesy and complaint handling rise (≈ +3
NIK); after **Komunikasi Efektif** courtesy and competence rise a little (≈ +1 NIK); no other
program moves the IKM. Rows go in through the SKM importer's `insert_rows` (executemany or
COPY) and the running aggregates through `Tally` and `tally_fold`, as a web submission folds
them, so `sieva rebuild_skm_aggregates` finds no difference.
"""

import calendar
import datetime as dt
import random
import zoneinfo
from typing import Any

from django.db import connection

from sieva.core.periods import add_months
from sieva.org.models import OrgKind, OrgUnit
from sieva.programs.models import CohortStatus, Enrollment, EnrollmentStatus
from sieva.satisfaction.elements import ELEMENTS, Source
from sieva.satisfaction.services.aggregates import Tally, tally_fold
from sieva.satisfaction.services.imports.write import insert_rows

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
MONTHLY_RESPONDENTS = (10, 20)
MIN_RESPONDENTS = 8  # a small scale still leaves every unit-month above the suppression limit
MONTHLY_DRIFT = 0.004  # latent points a month: everyone improves a little
RAMP_MONTHS = 3
# Program key -> latent rise per element once a unit's staff are trained.
EFFECTS = {
    "LAYANAN-PRIMA": {
        "waktu": 0.3,
        "prosedur": 0.15,
        "kompetensi": 0.2,
        "perilaku": 0.3,
        "pengaduan": 0.2,
        "produk": 0.1,
    },
    "KOMUNIKASI": {"perilaku": 0.2, "kompetensi": 0.12},
}
# Kind of unit (from its code) -> element offsets and the services citizens come for.
KINDS = {
    "PKM": (
        {"biaya": 0.5, "waktu": -0.3, "sarana": -0.1},
        ("Poli umum", "Kesehatan ibu dan anak", "Imunisasi", "Poli gigi", "Laboratorium"),
    ),
    "TERM": ({"sarana": -0.3, "pengaduan": -0.2}, ("Informasi keberangkatan", "Tiket bus")),
    "PKB": ({"waktu": -0.2, "biaya": -0.1}, ("Uji berkala kendaraan", "Penerbitan kartu uji")),
    "LOKET": (
        {"biaya": 0.6, "waktu": -0.35},
        ("Perekaman KTP-el", "Akta kelahiran", "Kartu Keluarga", "Surat pindah"),
    ),
    "MPP": ({"sarana": 0.2}, ("Perizinan berusaha", "Paspor", "BPJS Kesehatan", "Pajak daerah")),
    "KEL": (
        {"sarana": -0.2, "biaya": 0.4},
        ("Surat pengantar", "Surat keterangan domisili", "Surat keterangan tidak mampu"),
    ),
}
PROFILE = {
    "gender": (("L", 45), ("P", 55)),
    "age_band": (
        ("<20", 5),
        ("20-29", 24),
        ("30-39", 28),
        ("40-49", 22),
        ("50-59", 14),
        ("60+", 7),
    ),
    "education": (
        ("SD", 8),
        ("SMP", 12),
        ("SMA", 42),
        ("D1-D3", 12),
        ("D4-S1", 22),
        ("S2", 4),
    ),
    "occupation": (
        ("pns", 8),
        ("tni_polri", 3),
        ("swasta", 30),
        ("wirausaha", 27),
        ("pelajar", 10),
        ("lainnya", 22),
    ),
    "source": ((Source.QR, 55), (Source.WEB, 30), (Source.IMPORT, 15)),
}


def trained_from(units: list[OrgUnit]) -> dict[tuple[int, str], dt.date]:
    """(unit id, program key) -> the first month after a staff member first passed it."""
    rows = Enrollment.objects.filter(
        employee__unit__in=units,
        status=EnrollmentStatus.PASSED,
        cohort__status=CohortStatus.FINISHED,
    ).values_list("employee__unit_id", "cohort__program__code", "cohort__end_date")
    out: dict[tuple[int, str], dt.date] = {}
    for unit_id, code, end in rows:
        key = code.split("-", 1)[1]
        if key in EFFECTS:
            month = add_months(end.replace(day=1), 1)
            out[(unit_id, key)] = min(out.get((unit_id, key), month), month)
    return out


def _effects(month: dt.date, since: dict[str, dt.date]) -> dict[str, float]:
    lift = dict.fromkeys(ELEMENTS, 0.0)
    for key, start in since.items():
        steps = (month.year - start.year) * 12 + month.month - start.month + 1
        if steps > 0:
            for element, delta in EFFECTS[key].items():
                lift[element] += delta * min(1.0, steps / RAMP_MONTHS)
    return lift


def _pick(rng: random.Random, field: str) -> str:
    values, weights = zip(*PROFILE[field], strict=True)
    return rng.choices(values, weights=weights)[0]


def plan_skm(*, seed: int, today: dt.date, scale: float) -> tuple[list[tuple[Any, ...]], Tally]:
    """The rows (in `insert_rows` column order) and their totals, without writing anything."""
    rng = random.Random(f"{seed}:skm")  # noqa: S311 - reproducible demo data
    first, last = dt.date(today.year - 1, 1, 1), add_months(today.replace(day=1), -1)
    months = []
    while first <= last:
        months.append(first)
        first = add_months(first, 1)
    units = list(OrgUnit.objects.filter(kind=OrgKind.SERVICE_UNIT).order_by("code"))
    trained = trained_from(units)
    rows: list[tuple[Any, ...]] = []
    tally = Tally()
    adapt = (
        (lambda moment: moment)
        if connection.vendor == "postgresql"
        else connection.ops.adapt_datetimefield_value
    )
    low, high = (max(MIN_RESPONDENTS, round(n * scale)) for n in MONTHLY_RESPONDENTS)
    for unit in units:
        offsets, services = KINDS.get(unit.code.split("-")[1], ({}, ("Pelayanan umum",)))
        quality = rng.uniform(2.95, 3.3)
        since = {k: m for (u, k), m in trained.items() if u == unit.pk}
        for index, month in enumerate(months):
            lift = _effects(month, since)
            shock = rng.gauss(0, 0.05)
            level = {
                e: quality + offsets.get(e, 0.0) + lift[e] + shock + MONTHLY_DRIFT * index
                for e in ELEMENTS
            }
            days = calendar.monthrange(month.year, month.month)[1]
            for _ in range(rng.randint(low, high)):
                lenient = rng.gauss(0, 0.3)
                answers = {
                    e: max(1, min(4, round(level[e] + lenient + rng.gauss(0, 0.42))))
                    for e in ELEMENTS
                }
                for optional in ("biaya", "pengaduan"):  # left blank now and then
                    if rng.random() < 0.03:
                        answers[optional] = None
                at = dt.datetime.combine(
                    month.replace(day=rng.randint(1, days)),
                    dt.time(rng.randint(7, 15), rng.randint(0, 59)),
                    tzinfo=WIB,
                )
                profile = [_pick(rng, f) for f in ("gender", "age_band", "education", "occupation")]
                rows.append(
                    (
                        unit.pk,
                        month.isoformat(),
                        adapt(at),
                        *(answers[e] for e in ELEMENTS),
                        *profile,
                        rng.choice(services),
                        _pick(rng, "source"),
                        "",  # dedupe_key: only the public form needs one
                    )
                )
                tally.add_response(unit.pk, month.isoformat(), answers)
    return rows, tally


def build_skm(*, seed: int, today: dt.date, scale: float) -> dict[str, int]:
    """SKM responses and their aggregates for every service unit; returns row counts."""
    rows, tally = plan_skm(seed=seed, today=today, scale=scale)
    insert_rows(rows)
    tally_fold(tally)
    return {"skm_responses": len(rows)}
