"""Cost of publishing SKM results: `python benchmarks/skm_publication.py`.

Builds a temporary SQLite database with 2,000 service units × 12 months of running
aggregates (monthly respondents 0–40, so some months are hidden), then prints, best of 5:
the IKM of every unit for one month (the baseline: no extra query), for a quarter and for a
year (both read the monthly counts once more for the suppression-by-subtraction rule,
decision 0058), the pooled quarters of the leaders' dashboard, and one unit's public results
(`publication.unit_results`) and official report (PDF and DOCX). Figures only; no pass/fail.
"""

import datetime as dt
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

UNITS = 2_000
YEAR = 2026
ELEMENTS = ("persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana")  # fmt: skip


def _setup(workdir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "sieva.config.settings"
    os.environ["SIEVA_DEBUG"] = "1"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _data() -> list[int]:
    from sieva.org.models import OrgKind, OrgUnit
    from sieva.satisfaction.models import SkmAggregate, SkmUnitPeriod

    root = OrgUnit.objects.create(kind=OrgKind.AGENCY, code="B-PEMKOT", name="Pemkot")
    units = OrgUnit.objects.bulk_create(
        OrgUnit(kind=OrgKind.SERVICE_UNIT, code=f"PKM-{n:04d}", name=f"PKM {n}", parent=root)
        for n in range(UNITS)
    )
    for unit in units:
        unit.path, unit.depth = f"{root.path}{unit.pk}/", root.depth + 1
    OrgUnit.objects.bulk_update(units, ["path", "depth"], batch_size=1000)
    rng = random.Random(2026)
    people, aggregates = [], []
    for unit in units:
        for month in range(1, 13):
            n = rng.choice([0, 2, 4, 6, 12, 25, 40])
            if not n:
                continue
            period = dt.date(YEAR, month, 1)
            people.append(SkmUnitPeriod(unit=unit, period=period, respondents=n))
            for code in ELEMENTS:
                answers = [rng.randint(2, 4) for _ in range(n)]
                aggregates.append(
                    SkmAggregate(
                        unit=unit,
                        period=period,
                        element=code,
                        count=n,
                        total=sum(answers),
                        total_sq=sum(a * a for a in answers),
                        **{f"n{v}": answers.count(v) for v in (1, 2, 3, 4)},
                    )
                )
    SkmUnitPeriod.objects.bulk_create(people, batch_size=5000)
    SkmAggregate.objects.bulk_create(aggregates, batch_size=5000)
    return [u.pk for u in units]


def _best_ms(work: Callable[[], object], runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, (time.perf_counter() - started) * 1000)
    return best


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        _setup(Path(tmp))
        ids = _data()
        from sieva.org.models import OrgUnit
        from sieva.reports.skm import render_skm_docx, render_skm_pdf, skm_document
        from sieva.satisfaction import publication
        from sieva.satisfaction.periods import parse_period
        from sieva.satisfaction.selectors import _publishable, ikm_scores, ikm_totals

        month, quarter, year = (parse_period(k) for k in (f"{YEAR}-05", f"{YEAR}-T2", f"{YEAR}"))
        figures = {
            "all units, one month (baseline)": _best_ms(lambda: ikm_scores(ids, [month])),
            "all units, one quarter": _best_ms(lambda: ikm_scores(ids, [quarter])),
            "all units, one year": _best_ms(lambda: ikm_scores(ids, [year])),
            "pooled, 4 quarters": _best_ms(
                lambda: ikm_scores(
                    ids, [parse_period(f"{YEAR}-T{q}") for q in range(1, 5)], pooled=True
                )
            ),
        }
        for key, p in (("quarter", quarter), ("year", year)):
            totals = ikm_totals(ids, [p])
            figures[f"  of which the suppression rule, {key}"] = _best_ms(
                lambda t=totals, p=p: _publishable(ids, t, pooled=False)
            )
        shown = {
            key: sum(s.result is not None for s in ikm_scores(ids, [p]))
            for key, p in (("month", month), ("quarter", quarter), ("year", year))
        }
        withheld = sum(s.complementary for s in ikm_scores(ids, [quarter]))
        unit = OrgUnit.objects.get(pk=ids[0])
        figures["one unit's public results"] = _best_ms(
            lambda: publication.unit_results(unit, quarter)
        )
        document = skm_document(unit, quarter)
        figures["report PDF"] = _best_ms(lambda: render_skm_pdf(document), runs=3)
        figures["report DOCX"] = _best_ms(lambda: render_skm_docx(document), runs=3)
        for name, ms in figures.items():
            print(f"{name}: {ms:.1f} ms")
        print(
            f"units scored: month {shown['month']}, quarter {shown['quarter']}, year "
            f"{shown['year']} of {UNITS}; quarters withheld only by subtraction: {withheld}"
        )
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
