"""People development: mentoring (/mentoring/), a person's workspace (/saya/), a supervisor's
(/tim/), participant assessment, careers, action plans and certificate verification."""

from django.urls import path

from sieva.development.views import (
    assessment,
    careers,
    follow_up,
    mentoring,
    notifications,
    office,
    team,
    workspace,
)

app_name = "development"

urlpatterns = [
    path("mentoring/", mentoring.mentoring_home, name="mentoring"),
    path("mentoring/angkatan/<int:pk>/", mentoring.scheme_page, name="scheme"),
    path("mentoring/angkatan/<int:pk>/mentor/", mentoring.mentor_add, name="mentor_add"),
    path("mentoring/mentor/<int:pk>/hapus/", mentoring.mentor_remove, name="mentor_remove"),
    path("mentoring/angkatan/<int:pk>/pasangkan/", mentoring.pair_create, name="pair_create"),
    path("mentoring/angkatan/<int:pk>/hasil/", mentoring.outcomes_page, name="outcomes"),
    path("mentoring/pasangan/<int:pk>/", mentoring.pair_page, name="pair"),
    path("mentoring/pasangan/<int:pk>/sesi/", mentoring.session_log, name="session_log"),
    path("mentoring/pasangan/<int:pk>/sasaran/", mentoring.goal_add, name="goal_add"),
    path("mentoring/pasangan/<int:pk>/akhiri/", mentoring.pair_close, name="pair_close"),
    path("mentoring/sasaran/<int:pk>/nilai/", mentoring.goal_score, name="goal_score"),
    path("penilaian/angkatan/<int:pk>/", assessment.cohort_page, name="assessment"),
    path("penilaian/angkatan/<int:pk>/komponen/", assessment.component_add, name="component_add"),
    path(
        "penilaian/komponen/<int:pk>/hapus/",
        assessment.component_remove,
        name="component_remove",
    ),
    path("penilaian/angkatan/<int:pk>/nilai/", assessment.scores_save, name="scores_save"),
    path("penilaian/angkatan/<int:pk>/hitung/", assessment.results_compute, name="results_compute"),
    path(
        "penilaian/hasil/<int:pk>/moderasi/",
        assessment.result_moderate,
        name="result_moderate",
    ),
    path("penilaian/banding/<int:pk>/", assessment.appeal_decide, name="appeal_decide"),
    path("penilaian/sikap/<int:pk>/", assessment.attitude_rate, name="attitude_rate"),
    path("saya/", workspace.me, name="me"),
    path("saya/pembelajaran-lain/baru/", workspace.learning_submit, name="learning_submit"),
    path("saya/sertifikat/<int:pk>/", workspace.certificate_download, name="certificate"),
    path(
        "pembelajaran-lain/<int:pk>/bukti/",
        workspace.learning_evidence,
        name="learning_evidence",
    ),
    path("verifikasi/<str:token>/", workspace.verify, name="verify"),
    path("tim/", team.team_page, name="team"),
    path("tim/usulan/", team.nominate, name="nominate"),
    path("pengembangan/pembelajaran-lain/", office.learning_queue, name="learning_queue"),
    path(
        "pengembangan/pembelajaran-lain/<int:pk>/",
        office.learning_review,
        name="learning_review",
    ),
    path("pengembangan/usulan/", office.nominations, name="nominations"),
    path(
        "pengembangan/usulan/<int:pk>/",
        office.nomination_decide_view,
        name="nomination_decide",
    ),
    path("saya/rencana-aksi/<int:pk>/", follow_up.plan_edit, name="action_plan_edit"),
    path("rencana-aksi/<int:pk>/", follow_up.plan_page, name="action_plan"),
    path("rencana-aksi/<int:pk>/tonggak/", follow_up.milestone_add, name="milestone_add"),
    path(
        "rencana-aksi/tonggak/<int:pk>/tercapai/",
        follow_up.milestone_done,
        name="milestone_done",
    ),
    path("rencana-aksi/<int:pk>/verifikasi/", follow_up.verify, name="action_plan_verify"),
    path("rencana-aksi/angkatan/<int:pk>/", follow_up.cohort_plans, name="cohort_plans"),
    path("notifikasi/", notifications.notification_list, name="notifications"),
    path("notifikasi/<int:pk>/buka/", notifications.notification_open, name="notification_open"),
    path("notifikasi/baca-semua/", notifications.notifications_read, name="notifications_read"),
    path("karier/", careers.standards_page, name="standards"),
    path("karier/talenta/", careers.talent_page, name="talent"),
    path("karier/suksesi/", careers.succession_page, name="succession"),
    path("karier/pegawai/<int:pk>/", careers.person_page, name="person"),
    path("karier/pegawai/<int:pk>/kinerja/", careers.appraisal_set, name="appraisal_set"),
    path(
        "karier/pegawai/<int:pk>/kompetensi/",
        careers.competency_assess,
        name="competency_assess",
    ),
    path("karier/pegawai/<int:pk>/potensial/", careers.potential_set, name="potential_set"),
    path("karier/pegawai/<int:pk>/idp/", careers.idp_fill, name="idp_fill"),
    path("karier/idp/<int:pk>/setujui/", careers.idp_approve, name="idp_approve"),
    path("saya/hasil/<int:pk>/banding/", assessment.appeal_file, name="appeal_file"),
]
