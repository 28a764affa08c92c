from django.contrib import admin
from django.urls import include, path

from sieva import home

admin.site.site_header = "SIEVA"
# The Django admin is a superuser's tool only; every other role works through the product.
admin.site.has_permission = lambda request: request.user.is_active and request.user.is_superuser  # type: ignore[method-assign]

urlpatterns = [
    path("", home.home, name="home"),
    path("akun/", include("django.contrib.auth.urls")),
    path("bahasa/", include("django.conf.urls.i18n")),
    path("pegawai/", include("sieva.org.urls")),
    path("program/", include("sieva.programs.urls")),
    path("partisipasi/", include("sieva.evaluation.urls")),
    path("instrumen/", include("sieva.instruments.urls")),
    path("skm/", include("sieva.satisfaction.urls")),
    path("admin/", admin.site.urls),
]
