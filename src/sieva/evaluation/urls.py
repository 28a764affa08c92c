from django.urls import path

from sieva.evaluation import views

app_name = "evaluation"

urlpatterns = [
    path("", views.participation, name="participation"),
    path("jp/", views.jp_report, name="jp_report"),
]
