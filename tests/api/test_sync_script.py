"""Done when: a script using only the documented API syncs employees and attendance from an LMS
into SIEVA and reads back a program's evaluation figures (scripts/lms_sync.py, run as its own
process against the test server)."""

import datetime as dt
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from sieva.api.models import ActivityMapping, TokenScope
from sieva.org.models import Employee
from sieva.programs.models import Attendance, EnrollmentStatus
from tests.api.conftest import make_token
from tests.factories import CohortFactory, ProgramFactory, SessionFactory

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "lms_sync.py"
COURSE = "https://mooc.asn.go.id/course/7"
NIPS = ["198609262015051001", "199001152019032002", "198512302010011003", "199203042020122004",
        "198807172014031005", "199105212018012006"]  # fmt: skip


def _run(live_server, token: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SIEVA_TOKEN": token}
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--url", live_server.url, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.django_db(transaction=True)
def test_the_sync_script_loads_employees_and_completions_and_reads_the_figures(
    live_server, alice, world, tmp_path
):
    program = ProgramFactory(owner=world.medan, name="Literasi Digital")
    # A finished cohort: only finished cohorts count in the figures (decision 0045).
    cohort = CohortFactory(program=program, start_date=dt.date(2026, 3, 2), status="selesai")
    SessionFactory(cohort=cohort, date=dt.date(2026, 3, 2), jp=Decimal("10"))
    SessionFactory(cohort=cohort, date=dt.date(2026, 3, 3), jp=Decimal("12"))
    ActivityMapping.objects.create(owner=world.medan, activity_id=COURSE, cohort=cohort)
    employees = tmp_path / "pegawai.csv"
    employees.write_text(
        "NIP,NAMA,JENIS_ASN,GOLONGAN,JENIS_JABATAN,KODE_UNIT\n"
        + "".join(
            f"{nip},Pegawai {i},PNS,III/a,pelaksana,MDN-DINKES\n" for i, nip in enumerate(NIPS)
        )
    )
    completions = tmp_path / "penyelesaian.csv"
    # Five passed the course, one failed without attending.
    rows = [f"{nip};{COURSE};lulus;2026-03-05;900;85\n" for nip in NIPS[:5]]
    rows.append(f"{NIPS[5]};{COURSE};tidak lulus;2026-03-05;;\n")
    completions.write_text("NIP;ID_AKTIVITAS;STATUS;TANGGAL;DURASI_MENIT;NILAI\n" + "".join(rows))
    token = make_token(alice, TokenScope.WRITE)

    run = _run(live_server, token, "--employees", str(employees), "--completions", str(completions),
               "--program", str(program.pk), "--year", "2026")  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "employees: 6 created, 0 updated" in run.stdout
    assert "statements: 6 sent, 6 applied, 0 waiting for a mapping, 0 already known" in run.stdout
    # 6 invited (enrolled by the LMS), 5 attended: participation 5/6 = 83.3 %.
    assert "l0.participation: 83.3%" in run.stdout
    assert Employee.objects.count() == 6
    assert Attendance.objects.count() == 10  # 5 people x 2 sessions, 22 JP each
    assert cohort.enrollments.filter(status=EnrollmentStatus.PASSED).count() == 5

    again = _run(live_server, token, "--completions", str(completions))
    assert "6 already known" in again.stdout
    assert Attendance.objects.count() == 10


@pytest.mark.django_db(transaction=True)
def test_the_script_reports_a_refusal_and_exits_non_zero(live_server, lina, world, tmp_path):
    completions = tmp_path / "c.csv"
    completions.write_text(
        f"NIP,ID_AKTIVITAS,STATUS,TANGGAL\n{NIPS[0]},{COURSE},lulus,2026-03-05\n"
    )
    run = _run(live_server, make_token(lina, TokenScope.READ), "--completions", str(completions))
    assert run.returncode == 1
    assert "SIEVA refused: 403" in run.stderr
