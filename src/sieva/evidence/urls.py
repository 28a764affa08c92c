from django.urls import path

from sieva.evidence.views import agreement, analysis, coding, practices, sources, studies

app_name = "evidence"

urlpatterns = [
    path("", studies.study_list, name="study_list"),
    path("baru/", studies.study_create, name="study_create"),
    path("<int:pk>/", studies.study_detail, name="study_detail"),
    path("<int:pk>/ubah/", studies.study_edit, name="study_edit"),
    path("<int:pk>/rencana/", studies.plan, name="plan"),
    path("panduan/<int:pk>/hapus/", studies.guide_question_delete, name="guide_question_delete"),
    path("sampel/<int:pk>/hapus/", studies.stratum_delete, name="stratum_delete"),
    path("<int:pk>/wawancara/baru/", sources.interview_create, name="interview_create"),
    path("<int:pk>/dokumen/baru/", sources.document_create, name="document_create"),
    path("<int:pk>/jawaban-terbuka/", sources.open_answers, name="open_answers"),
    path("sumber/<int:pk>/", sources.source_detail, name="source_detail"),
    path("sumber/<int:pk>/wawancara/", sources.interview_edit, name="interview_edit"),
    path("sumber/<int:pk>/dokumen/", sources.document_edit, name="document_edit"),
    path("sumber/<int:pk>/periksa/", sources.document_review, name="document_review"),
    path("sumber/<int:pk>/kode/", coding.coding, name="coding"),
    path("sumber/<int:pk>/selesai/", coding.source_finish, name="source_finish"),
    path("pengodean/<int:pk>/hapus/", coding.coding_delete, name="coding_delete"),
    path("pengodean/<int:pk>/kutipan/", coding.coding_exemplar, name="coding_exemplar"),
    path("pengodean/<int:pk>/saran/", coding.suggestion_decide, name="suggestion_decide"),
    path("<int:pk>/saran/", coding.suggest, name="suggest"),
    path("<int:pk>/buku-kode/", coding.codebook, name="codebook"),
    path("kode/<int:pk>/ubah/", coding.code_edit, name="code_edit"),
    path("kode/<int:pk>/hapus/", coding.code_delete, name="code_delete"),
    path("<int:pk>/kode-ganda/", agreement.double_coding, name="double_coding"),
    path("<int:pk>/kesepakatan/", agreement.agreement, name="agreement"),
    path("<int:pk>/adjudikasi/", agreement.adjudication, name="adjudication"),
    path("<int:pk>/adjudikasi/putuskan/", agreement.adjudicate, name="adjudicate"),
    path("<int:pk>/analisis/", analysis.analysis, name="analysis"),
    path("praktik/", practices.practice_list, name="practice_list"),
    path("praktik/baru/", practices.practice_create, name="practice_create"),
    path("praktik/<int:pk>/", practices.practice_detail, name="practice_detail"),
    path("praktik/<int:pk>/ubah/", practices.practice_edit, name="practice_edit"),
    path("praktik/<int:pk>/ajukan/", practices.practice_submit, name="practice_submit"),
    path("praktik/<int:pk>/tinjau/", practices.practice_review, name="practice_review"),
    path("praktik/<int:pk>/umpan-balik/", practices.practice_feedback, name="practice_feedback"),
]
