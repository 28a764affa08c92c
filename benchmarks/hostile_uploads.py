"""Hostile uploads against the employee import: `python benchmarks/hostile_uploads.py`.

1. The 0.3 MB XLSX that unpacks to a million rows (on main before decision 0065 it was read to
   the end: ~30 s, ~1.4 GB, 4 M problems): now refused by the employee import's row bound.
2. A CSV of 150 000 bad rows (under the bound): every row checked, problems counted, only the
   first SIEVA_IMPORT_PROBLEMS_KEPT kept.
Prints seconds and peak RSS of each against the targets; exit status 1 when one is missed.
"""

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_REFUSAL_SECONDS = 2.0
TARGET_BAD_ROWS_SECONDS = 20.0
TARGET_PEAK_MB = 500


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="sieva-hostile-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "sieva.config.settings"
    os.environ["SIEVA_DEBUG"] = "1"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    import io

    from tests.factories import UserFactory
    from tests.org.test_import_bounds import million_row_workbook

    from sieva.org.access import user_access
    from sieva.org.imports.employees import import_employees
    from sieva.org.models import OrgKind, OrgUnit, Role, RoleAssignment

    agency = OrgUnit.objects.create(kind=OrgKind.AGENCY, code="B-PEMKOT", name="Pemkot")
    OrgUnit.objects.create(kind=OrgKind.DEPARTMENT, code="MDN-DINKES", name="Dinkes", parent=agency)
    user = UserFactory(username="bench")
    RoleAssignment.objects.create(user=user, role=Role.AGENCY_ADMIN, scope=agency)
    access = user_access(user)
    failures = 0

    content = million_row_workbook()
    start = time.perf_counter()
    result = import_employees(io.BytesIO(content), "bom.xlsx", actor=user, access=access)
    seconds = time.perf_counter() - start
    print(
        f"million-row XLSX ({len(content) / 1e6:.2f} MB): refused in {seconds:.2f} s "
        f"(target {TARGET_REFUSAL_SECONDS} s), peak RSS {_peak_mb():.0f} MB; "
        f"{result.error_count} problem: {result.errors[0].message[:80]}…"
    )
    failures += seconds > TARGET_REFUSAL_SECONDS

    bad = "12345;Nama;PNS;III/a;pelaksana;MDN-DINKES"
    csv = "\n".join(["NIP;NAMA;JENIS_ASN;GOLONGAN;JENIS_JABATAN;KODE_UNIT"] + [bad] * 150_000)
    start = time.perf_counter()
    result = import_employees(io.BytesIO(csv.encode()), "bad.csv", actor=user, access=access)
    seconds = time.perf_counter() - start
    print(
        f"150 000 bad CSV rows: checked in {seconds:.1f} s (target {TARGET_BAD_ROWS_SECONDS} s), "
        f"{result.error_count} problems counted, {len(result.errors)} kept, "
        f"peak RSS {_peak_mb():.0f} MB (target {TARGET_PEAK_MB} MB)"
    )
    failures += seconds > TARGET_BAD_ROWS_SECONDS or _peak_mb() > TARGET_PEAK_MB
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
