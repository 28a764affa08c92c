from django.urls import path

from sieva.satisfaction.views import dashboard, imports, links, public

app_name = "satisfaction"

urlpatterns = [
    path("", dashboard.overview, name="overview"),
    path("unit/<int:pk>/", dashboard.unit_dashboard, name="unit_dashboard"),
    path("unit/<int:pk>/tautan/", links.unit_link, name="unit_link"),
    path("unit/<int:pk>/qr.png", links.qr_png, name="qr_png"),
    path("unit/<int:pk>/qr.svg", links.qr_svg, name="qr_svg"),
    path("unit/<int:pk>/poster.pdf", links.poster_pdf, name="poster_pdf"),
    path("impor/", imports.skm_import, name="import"),
    path("impor/galat.csv", imports.skm_import_errors, name="import_errors"),
    path("impor/pratinjau/<int:pk>/", imports.skm_import_preview, name="import_preview"),
    path("impor/<int:pk>/", imports.skm_import_status, name="import_status"),
    path("impor/<int:pk>/ulang/", imports.skm_import_retry, name="import_retry"),
    path("impor/<int:pk>/galat.csv", imports.skm_import_job_errors, name="import_job_errors"),
    path("isi/<str:token>/", public.public_form, name="public_form"),
    path("isi/<str:token>/terima-kasih/", public.public_thanks, name="public_thanks"),
]
