from django.urls import path

from sieva.reports import skm_views, views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("buat/", views.report_create, name="create"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/ubah/", views.report_edit, name="edit"),
    path("<int:pk>/periksa/", views.report_review, name="review"),
    path("<int:pk>/setujui/", views.report_approve, name="approve"),
    path("<int:pk>/<str:fmt>/", views.report_download, name="download"),
    path("kop/<int:pk>/", views.letterhead_edit, name="letterhead"),
    path("skm/<int:pk>/<str:fmt>/", skm_views.skm_report_download, name="skm_download"),
]
