from django.contrib import admin
from django.urls import include, path

from sieva.api.api import api
from sieva.dashboard.views import home
from sieva.org.views import account

admin.site.site_header = "SIEVA"
# The Django admin is a superuser's tool only; every other role works through the product.
admin.site.has_permission = lambda request: request.user.is_active and request.user.is_superuser  # type: ignore[method-assign]

urlpatterns = [
    path("", home, name="home"),
    # SIEVA's wording for sign-in, sign-out and password change; the rest is Django's.
    path("akun/login/", account.SignInView.as_view(), name="login"),
    path("akun/logout/", account.SignOutView.as_view(), name="logout"),
    path("akun/password_change/", account.PasswordChangeView.as_view(), name="password_change"),
    path("akun/password_reset/", account.PasswordResetView.as_view(), name="password_reset"),
    path("akun/token/", include("sieva.api.urls")),
    path("akun/", include("django.contrib.auth.urls")),
    path("bahasa/", include("django.conf.urls.i18n")),
    path("pegawai/", include("sieva.org.urls")),
    path("program/lms/", include("sieva.api.lms_urls")),
    path("", include("sieva.programs.urls")),
    path("", include("sieva.evaluation.urls")),
    path("", include("sieva.dashboard.urls")),
    path("instrumen/", include("sieva.instruments.urls")),
    path("skm/", include("sieva.satisfaction.urls")),
    path("indikator/", include("sieva.indicators.urls")),
    path("kualitatif/", include("sieva.evidence.urls")),
    path("", include("sieva.development.urls")),
    path("laporan/", include("sieva.reports.urls")),
    path("rekomendasi/", include("sieva.recommendations.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
