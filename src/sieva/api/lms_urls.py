"""The LMS page for organisers (mounted at ``/program/lms/``)."""

from django.urls import path

from sieva.api.views import lms

app_name = "lms"

urlpatterns = [
    path("", lms.mapping_list, name="mapping_list"),
    path("<int:pk>/", lms.mapping_edit, name="mapping_edit"),
    path("impor/", lms.completion_upload, name="completion_import"),
]
