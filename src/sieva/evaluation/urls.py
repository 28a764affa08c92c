from django.urls import path

from sieva.evaluation import dashboard_views, evaluate_views, views

app_name = "evaluation"

urlpatterns = [
    path("partisipasi/", views.participation, name="participation"),
    path("partisipasi/jp/", views.jp_report, name="jp_report"),
    path("evaluasi/", evaluate_views.evaluation_page, name="evaluation"),
    path("evaluasi/wilayah/", evaluate_views.region_comparison, name="regions"),
    path("dasbor/", dashboard_views.dashboard_page, name="dashboard"),
    path(
        "dasbor/program/<int:pk>/hitung-ulang/",
        dashboard_views.summary_refresh,
        name="summary_refresh",
    ),
    path("evaluasi/jadwal/", dashboard_views.schedule_list, name="schedule_list"),
    path("evaluasi/jadwal/<int:pk>/", dashboard_views.schedule_edit, name="schedule_edit"),
]
