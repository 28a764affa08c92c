from django.urls import path

from sieva.recommendations import views

app_name = "recommendations"

urlpatterns = [
    path("", views.recommendation_list, name="list"),
    path("<int:pk>/", views.recommendation_detail, name="detail"),
    path("<int:pk>/status/", views.recommendation_advance, name="advance"),
    path("<int:pk>/penanggung-jawab/", views.recommendation_assign, name="assign"),
]
