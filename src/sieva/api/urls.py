"""The account's token page (mounted at ``/akun/token/``)."""

from django.urls import path

from sieva.api.views import tokens as views

app_name = "tokens"

urlpatterns = [
    path("", views.token_list, name="list"),
    path("<int:pk>/cabut/", views.token_revoke_view, name="revoke"),
]
