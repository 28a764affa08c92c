from django.urls import path

from sieva.dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("dasbor/", views.dashboard_page, name="dashboard"),
    path("dasbor/program/<int:pk>/", views.program_summary, name="program"),
    path("dasbor/program/<int:pk>/hitung-ulang/", views.summary_refresh, name="summary_refresh"),
    path("evaluasi/wilayah/", views.regions, name="regions"),
    path("evaluasi/wilayah/<int:pk>/", views.region_profile, name="region"),
    path("evaluasi/jadwal/", views.schedule_list, name="schedule_list"),
    path("evaluasi/jadwal/<int:pk>/", views.schedule_edit, name="schedule_edit"),
]
