from django.urls import path

from sieva.satisfaction.views import (
    dashboard,
    follow_ups,
    imports,
    kiosk,
    links,
    public,
    results,
    review,
)

app_name = "satisfaction"

urlpatterns = [
    path("", dashboard.overview, name="overview"),
    path("unit/<int:pk>/", dashboard.unit_dashboard, name="unit_dashboard"),
    path("unit/<int:pk>/tautan/", links.unit_link, name="unit_link"),
    path("unit/<int:pk>/qr.png", links.qr_png, name="qr_png"),
    path("unit/<int:pk>/qr.svg", links.qr_svg, name="qr_svg"),
    path("unit/<int:pk>/poster.pdf", links.poster_pdf, name="poster_pdf"),
    path("unit/<int:pk>/tablet/", links.device_register, name="device_register"),
    path("unit/<int:pk>/tablet/<int:device_pk>/cabut/", links.device_revoke, name="device_revoke"),
    path("unit/<int:pk>/tinjau/", review.held_review, name="held_review"),
    path("unit/<int:pk>/tindak-lanjut/", follow_ups.follow_ups, name="follow_ups"),
    path("unit/<int:pk>/tindak-lanjut/baru/", follow_ups.follow_up_add, name="follow_up_add"),
    path(
        "unit/<int:pk>/tindak-lanjut/<int:follow_up_pk>/",
        follow_ups.follow_up_edit,
        name="follow_up_edit",
    ),
    path("impor/", imports.skm_import, name="import"),
    path("impor/galat.csv", imports.skm_import_errors, name="import_errors"),
    path("impor/pratinjau/<int:pk>/", imports.skm_import_preview, name="import_preview"),
    path("impor/<int:pk>/", imports.skm_import_status, name="import_status"),
    path("impor/<int:pk>/ulang/", imports.skm_import_retry, name="import_retry"),
    path("impor/<int:pk>/galat.csv", imports.skm_import_job_errors, name="import_job_errors"),
    path("isi/<str:token>/", public.public_form, name="public_form"),
    path("isi/<str:token>/terima-kasih/", public.public_thanks, name="public_thanks"),
    path("loket/<str:token>/", kiosk.kiosk_form, name="kiosk_form"),
    path("loket/<str:token>/terima-kasih/", kiosk.kiosk_thanks, name="kiosk_thanks"),
    path("hasil/<str:token>/", results.public_results, name="public_results"),
    path("layar/<str:token>/", results.hall_display, name="hall_display"),
]
