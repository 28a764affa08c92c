from django.urls import path

from sieva.evaluation import views

app_name = "evaluation"

urlpatterns = [
    path("evaluasi/", views.evaluation_page, name="evaluation"),
    path("evaluasi/ambang/", views.thresholds, name="thresholds"),
    path("evaluasi/ambang/<int:pk>/", views.threshold_node, name="threshold_node"),
]
