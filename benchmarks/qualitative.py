"""Agreement and the coding page: `python benchmarks/qualitative.py`.

1. Agreement statistics alone (`sieva.analysis.agreement`): 50 codes × 2,000 segments × 3
   coders, one alpha per code plus the pooled alpha. Target ≤ 1 s.
2. The same size through the product: a study whose 200 double-coded sources hold 2,000
   segments, three coders' codings in the database, `agreement_report` (per-code alpha, pooled
   alpha, and the disagreements for the adjudication queue).
3. The coding page of a 10,000-word transcript with 200 of the coder's codings, as the
   browser gets it (Django test client, signed in). Target ≤ 300 ms.

A fresh temporary SQLite database (or --database-url, an empty PostgreSQL database). Best of
five runs. Exit status 1 when a target is missed.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

CODES, SEGMENTS, CODERS = 50, 2000, 3
SOURCES = 200
TARGET_AGREEMENT_S = 1.0
TARGET_PAGE_MS = 300
WORDS = 10_000
RUNS = 5


def _setup(database_url: str | None, workdir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "sieva.config.settings"
    os.environ["SIEVA_DEBUG"] = "1"
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _best(run) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def bench_library() -> float:
    import numpy as np

    from sieva.analysis.agreement import krippendorff_alpha

    rng = np.random.default_rng(2026)
    data = (rng.random((CODES, SEGMENTS, CODERS)) < 0.1).astype(float)
    data[:, rng.random(SEGMENTS) < 0.1, 2] = np.nan  # the third coder skipped a tenth

    def run() -> None:
        for code in range(CODES):
            krippendorff_alpha(data[code])
        krippendorff_alpha(data.reshape(-1, CODERS))

    return _best(run)


def _world():  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model

    from sieva.evidence.models import Code, Study
    from sieva.org.models import OrgKind, OrgUnit, Role, RoleAssignment

    national = OrgUnit.objects.create(kind=OrgKind.NATIONAL, code="B-ID", name="Indonesia")
    agency = OrgUnit.objects.create(
        kind=OrgKind.AGENCY, code="B-MDN", name="Pemerintah Kota Medan", parent=national
    )
    users = []
    for n in range(CODERS):
        user = get_user_model().objects.create(username=f"koder{n}")
        RoleAssignment.objects.create(user=user, role=Role.EVALUATOR, scope=agency)
        users.append(user)
    study = Study.objects.create(title="Benchmark", owner=agency, year=2026, lead=users[0])
    study.team.set(users)
    codes = Code.objects.bulk_create(
        Code(study=study, name=f"Kode {n:02d}", definition="-", order=n) for n in range(CODES)
    )
    return study, users, codes


def bench_report(study, users, codes) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from sieva.evidence.models import Assignment, Coding, Source
    from sieva.evidence.selectors.agreement import agreement_report
    from sieva.evidence.text import segments

    rng = random.Random(2026)
    per_source = SEGMENTS // SOURCES
    text = "\n".join(f"Narasumber: kalimat ke-{i} tentang pelatihan." for i in range(per_source))
    sources = Source.objects.bulk_create(
        Source(study=study, kind="wawancara", label=f"W-{n:04d}", title="-", text=text)
        for n in range(SOURCES)
    )
    spans = segments(text)
    now = timezone.now()
    Assignment.objects.bulk_create(
        Assignment(source=s, coder=u, double=j > 0, done_at=now)
        for s in sources
        for j, u in enumerate(users)
    )
    rows = [
        Coding(source=s, code=c, coder=u, start=a, end=b)
        for s in sources
        for a, b in spans
        for c in codes
        for u in users
        if rng.random() < 0.1
    ]
    Coding.objects.bulk_create(rows, batch_size=5000)
    Source.objects.filter(study=study).update(primary_coder=users[0])
    without = _best(lambda: agreement_report(study, with_disagreements=False))
    full = _best(lambda: agreement_report(study))
    return without, full, len(rows)


def bench_page(study, users, codes) -> float:  # type: ignore[no-untyped-def]
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse

    from sieva.evidence.models import Coding, Source
    from sieva.evidence.text import segments

    settings.ALLOWED_HOSTS = ["testserver"]
    rng = random.Random(7)
    vocabulary = [
        "atasan",
        "tidak",
        "mendukung",
        "pelatihan",
        "jadwal",
        "bentrok",
        "aplikasi",
        "membantu",
        "rencana",
        "aksi",
    ]
    lines = []
    for turn in range(WORDS // 20):
        speaker = "Pewawancara" if turn % 2 == 0 else "Narasumber"
        lines.append(f"{speaker}: " + " ".join(rng.choice(vocabulary) for _ in range(20)))
    source = Source.objects.create(
        study=study,
        kind="wawancara",
        label="W-PANJANG",
        title="Transkrip panjang",
        text="\n".join(lines),
    )
    spans = segments(source.text)
    Coding.objects.bulk_create(
        Coding(source=source, code=rng.choice(codes), coder=users[0], start=a, end=b)
        for a, b in rng.sample(spans, 200)
    )
    client = Client()
    client.force_login(users[0])
    url = reverse("evidence:coding", args=[source.pk])
    assert client.get(url).status_code == 200
    return _best(lambda: client.get(url))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="an empty PostgreSQL database (default: SQLite)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        _setup(args.database_url, Path(workdir))
        library = bench_library()
        study, users, codes = _world()
        without, full, n_codings = bench_report(study, users, codes)
        page = bench_page(study, users, codes)
    ok_agreement = library <= TARGET_AGREEMENT_S
    ok_page = page * 1000 <= TARGET_PAGE_MS
    print(
        f"agreement, library, {CODES} codes × {SEGMENTS} segments × {CODERS} coders: "
        f"{library:.3f} s (target ≤ {TARGET_AGREEMENT_S} s) {'met' if ok_agreement else 'MISSED'}"
    )
    print(
        f"agreement report from the database ({n_codings} codings): {without:.3f} s; "
        f"with the adjudication queue: {full:.3f} s"
    )
    print(
        f"coding page, {WORDS:,}-word transcript, 200 codings: {page * 1000:.0f} ms "
        f"(target ≤ {TARGET_PAGE_MS} ms) {'met' if ok_page else 'MISSED'}"
    )
    return 0 if ok_agreement and ok_page else 1


if __name__ == "__main__":
    sys.exit(main())
