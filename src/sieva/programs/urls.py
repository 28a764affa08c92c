"""Program pages. Objects are addressed by their own id; each view reaches them through the
scoped getters in `sieva.programs.access`, so another region's id is a 404."""

from django.urls import path

from sieva.programs.views import attendance, cohorts, enrollments, programs

app_name = "programs"

urlpatterns = [
    path("", programs.program_list, name="program_list"),
    path("baru/", programs.program_create, name="program_create"),
    path("<int:pk>/", programs.program_detail, name="program_detail"),
    path("<int:pk>/ubah/", programs.program_edit, name="program_edit"),
    path("<int:pk>/kurikulum/", programs.subject_create, name="subject_create"),
    path("kurikulum/<int:pk>/ubah/", programs.subject_edit, name="subject_edit"),
    path("kurikulum/<int:pk>/hapus/", programs.subject_delete, name="subject_delete"),
    path("<int:pk>/angkatan/baru/", cohorts.cohort_create, name="cohort_create"),
    path("angkatan/<int:pk>/", cohorts.cohort_detail, name="cohort_detail"),
    path("angkatan/<int:pk>/ubah/", cohorts.cohort_edit, name="cohort_edit"),
    path("angkatan/<int:pk>/ekspor/", cohorts.cohort_export, name="cohort_export"),
    path("angkatan/<int:pk>/sesi/baru/", cohorts.session_create, name="session_create"),
    path("sesi/<int:pk>/ubah/", cohorts.session_edit, name="session_edit"),
    path("sesi/<int:pk>/hapus/", cohorts.session_delete, name="session_delete"),
    path("angkatan/<int:pk>/anggaran/", cohorts.budget, name="budget"),
    path("anggaran/<int:pk>/hapus/", cohorts.budget_line_delete, name="budget_line_delete"),
    path("angkatan/<int:pk>/peserta/", enrollments.enrollment_list, name="enrollment_list"),
    path("angkatan/<int:pk>/peserta/tambah/", enrollments.enrollment_add, name="enrollment_add"),
    path(
        "angkatan/<int:pk>/peserta/tambah-banyak/",
        enrollments.enrollment_bulk,
        name="enrollment_bulk",
    ),
    path("peserta/<int:pk>/ubah/", enrollments.enrollment_edit, name="enrollment_edit"),
    path("peserta/<int:pk>/hapus/", enrollments.enrollment_remove, name="enrollment_remove"),
    path("angkatan/<int:pk>/kehadiran/", attendance.attendance, name="attendance"),
    path("angkatan/<int:pk>/kehadiran/catat/", attendance.attendance_set, name="attendance_set"),
]
