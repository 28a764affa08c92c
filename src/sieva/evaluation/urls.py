from django.urls import path

from sieva.evaluation import evaluate_views, views

app_name = "evaluation"

urlpatterns = [
    path("partisipasi/", views.participation, name="participation"),
    path("partisipasi/jp/", views.jp_report, name="jp_report"),
    path("evaluasi/", evaluate_views.evaluation_page, name="evaluation"),
    path("evaluasi/wilayah/", evaluate_views.region_comparison, name="regions"),
]
