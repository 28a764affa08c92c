from django.urls import path

app_name = "satisfaction"

urlpatterns: list = []
