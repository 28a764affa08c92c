"""Time the people development pages as their personas on the demo at --scale 10.

    .venv/bin/python benchmarks/development_pages.py [--var-dir DIR] [--scale 10] [--runs 5]

Builds (or reuses) the demo database in DIR as `benchmarks/report.py` does, then requests
each page of issue 12 through Django's test client signed in as the persona who uses it
(participant, supervisor, mentor, organiser, BKPSDM admin; the certificate check anonymously):
server time, median of `--runs` after one warm-up request, against the 300 ms target. The
certificate PDF is a file, not a page: printed with its own figure. DEBUG off, as production.
"""

import statistics
import time

from report import _verdict, prepared_demo

PAGE_TARGET_MS = 300.0


def main() -> int:
    return _measure(prepared_demo(__doc__.splitlines()[0]).runs)


def _pages() -> list[tuple[str, str, str]]:
    """(persona, page name, path) for every page of issue 12, pointed at demo objects."""
    from sieva.development.models import (
        ActionPlan,
        AssessmentPlan,
        ExternalLearning,
        MentoringPair,
        MentoringScheme,
        PairStatus,
    )
    from sieva.development.services.certificates import certificate_issue
    from sieva.instruments.campaigns.selectors import open_invitations_of
    from sieva.org.models import RoleAssignment
    from sieva.programs.models import Enrollment, EnrollmentStatus, ProgramKind

    people = {
        a.user.username: a.employee
        for a in RoleAssignment.objects.select_related("user", "employee")
        if a.employee is not None
    }
    peserta, mentor = people["peserta.medan"], people["mentor.medan"]
    pair = MentoringPair.objects.filter(mentor=mentor, status=PairStatus.ACTIVE).first()
    scheme = MentoringScheme.objects.filter(pairs__mentor=mentor).order_by("cohort__start_date")
    first_scheme = scheme.first()
    assessed = AssessmentPlan.objects.filter(components__isnull=False).first()
    plan = ActionPlan.objects.filter(enrollment__employee=peserta).first()
    learning = ExternalLearning.objects.filter(employee=peserta).first()
    passed = (
        Enrollment.objects.filter(employee=peserta, status=EnrollmentStatus.PASSED)
        .exclude(cohort__program__kind=ProgramKind.EXTERNAL)
        .first()
    )
    certificate = certificate_issue(actor=None, enrollment=passed)
    invitation = next(iter(open_invitations_of(peserta.pk)), None)
    pages = [
        ("peserta.medan", "Ruang saya", "/saya/"),
        ("peserta.medan", "Catatan pengembangan (sendiri)", f"/karier/pegawai/{peserta.pk}/"),
        ("peserta.medan", "Notifikasi", "/notifikasi/"),
        ("peserta.medan", "Rencana aksi", f"/rencana-aksi/{plan.pk}/"),
        ("peserta.medan", "Laporkan pembelajaran lain", "/saya/pembelajaran-lain/baru/"),
        ("atasan.medan", "Tim saya", "/tim/"),
        ("atasan.medan", "Catatan pengembangan bawahan", f"/karier/pegawai/{peserta.pk}/"),
        ("mentor.medan", "Mentoring (mentor)", "/mentoring/"),
        ("mentor.medan", "Pasangan mentoring", f"/mentoring/pasangan/{pair.pk}/"),
        ("mentor.medan", "Ruang saya (mentor, penilai sikap)", "/saya/"),
        ("penyelenggara.medan", "Mentoring (penyelenggara)", "/mentoring/"),
        (
            "penyelenggara.medan",
            "Skema mentoring",
            f"/mentoring/angkatan/{first_scheme.cohort_id}/",
        ),
        (
            "penyelenggara.medan",
            "Hasil mentoring",
            f"/mentoring/angkatan/{first_scheme.cohort_id}/hasil/",
        ),
        ("penyelenggara.medan", "Penilaian peserta", f"/penilaian/angkatan/{assessed.cohort_id}/"),
        (
            "penyelenggara.medan",
            "Rencana aksi angkatan",
            f"/rencana-aksi/angkatan/{assessed.cohort_id}/",
        ),
        ("penyelenggara.medan", "Usulan peserta", "/pengembangan/usulan/"),
        ("admin.medan", "Pembelajaran di luar program", "/pengembangan/pembelajaran-lain/"),
        ("admin.medan", "Periksa pembelajaran", f"/pengembangan/pembelajaran-lain/{learning.pk}/"),
        ("admin.medan", "Standar kompetensi", "/karier/"),
        ("admin.medan", "Talenta (9-box)", "/karier/talenta/"),
        ("admin.medan", "Rencana suksesi", "/karier/suksesi/"),
        ("", "Verifikasi sertifikat (publik)", f"/verifikasi/{certificate.code}/"),
    ]
    if invitation is not None:
        pages.append(("peserta.medan", "Kuesioner menunggu", f"/instrumen/jawab/{invitation.pk}/"))
    return pages + [("peserta.medan", "Sertifikat (PDF)", f"/saya/sertifikat/{passed.pk}/")]


def _measure(runs: int) -> int:
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import Client

    from sieva.org.models import Employee

    users = get_user_model().objects
    print(f"employees: {Employee.objects.count()}")
    failed = 0
    for persona, name, path in _pages():
        client = Client()
        if persona:
            client.force_login(users.get(username=persona))
        times = []
        for _ in range(runs + 1):
            cache.clear()  # the public page is rate-limited per address
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        median = statistics.median(times[1:])
        is_pdf = response["Content-Type"] == "application/pdf"
        ok = is_pdf or median <= PAGE_TARGET_MS
        failed += not ok
        verdict = "(file, not judged)" if is_pdf else _verdict(ok)
        print(
            f"{name:<40} {persona or 'anonim':<20} {median:7.0f} ms "
            f"(first {times[0]:.0f} ms) target ≤ {PAGE_TARGET_MS:.0f} ms {verdict}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
