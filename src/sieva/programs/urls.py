"""Program pages. Objects are addressed by their own id; each view reaches them through the
scoped getters in `sieva.programs.access`, so another region's id is a 404. The participation
and 20 JP reports read programs data, so they live here too."""

from django.urls import path

from sieva.programs.views import attendance, cohorts, employees, enrollments, programs, reports

app_name = "programs"

urlpatterns = [
    path("program/", programs.program_list, name="program_list"),
    path("program/baru/", programs.program_create, name="program_create"),
    path("program/<int:pk>/", programs.program_detail, name="program_detail"),
    path("program/<int:pk>/ubah/", programs.program_edit, name="program_edit"),
    path("program/<int:pk>/kurikulum/", programs.subject_create, name="subject_create"),
    path("program/kurikulum/<int:pk>/ubah/", programs.subject_edit, name="subject_edit"),
    path("program/kurikulum/<int:pk>/hapus/", programs.subject_delete, name="subject_delete"),
    path("program/<int:pk>/angkatan/baru/", cohorts.cohort_create, name="cohort_create"),
    path("program/angkatan/<int:pk>/", cohorts.cohort_detail, name="cohort_detail"),
    path("program/angkatan/<int:pk>/ubah/", cohorts.cohort_edit, name="cohort_edit"),
    path("program/angkatan/<int:pk>/ekspor/", cohorts.cohort_export, name="cohort_export"),
    path("program/angkatan/<int:pk>/sesi/baru/", cohorts.session_create, name="session_create"),
    path("program/sesi/<int:pk>/ubah/", cohorts.session_edit, name="session_edit"),
    path("program/sesi/<int:pk>/hapus/", cohorts.session_delete, name="session_delete"),
    path("program/angkatan/<int:pk>/anggaran/", cohorts.budget, name="budget"),
    path("program/anggaran/<int:pk>/hapus/", cohorts.budget_line_delete, name="budget_line_delete"),
    path("program/angkatan/<int:pk>/peserta/", enrollments.enrollment_list, name="enrollment_list"),
    path(
        "program/angkatan/<int:pk>/peserta/tambah/",
        enrollments.enrollment_add,
        name="enrollment_add",
    ),
    path(
        "angkatan/<int:pk>/peserta/tambah-banyak/",
        enrollments.enrollment_bulk,
        name="enrollment_bulk",
    ),
    path("program/peserta/<int:pk>/ubah/", enrollments.enrollment_edit, name="enrollment_edit"),
    path(
        "program/peserta/<int:pk>/hapus/", enrollments.enrollment_remove, name="enrollment_remove"
    ),
    path("program/angkatan/<int:pk>/kehadiran/", attendance.attendance, name="attendance"),
    path(
        "program/angkatan/<int:pk>/kehadiran/catat/",
        attendance.attendance_set,
        name="attendance_set",
    ),
    path("pegawai/<int:pk>/", employees.employee_detail, name="employee_detail"),
    path("partisipasi/", reports.participation, name="participation"),
    path("partisipasi/jp/", reports.jp_report, name="jp_report"),
    path("partisipasi/jp/rekap/", reports.jp_recap, name="jp_recap"),
]
