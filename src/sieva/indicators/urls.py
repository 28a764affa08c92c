from django.urls import path

from sieva.indicators import views

app_name = "indicators"

urlpatterns = [
    path("", views.definition_list, name="definition_list"),
    path("definisi/baru/", views.definition_create, name="definition_create"),
    path("definisi/<int:pk>/", views.definition_detail, name="definition_detail"),
    path("definisi/<int:pk>/ubah/", views.definition_edit, name="definition_edit"),
    path("definisi/<int:pk>/unit/baru/", views.unit_indicator_create, name="unit_indicator_create"),
    path("definisi/<int:pk>/realisasi/", views.actuals_entry, name="actuals_entry"),
    path("unit/<int:pk>/", views.unit_indicator_detail, name="unit_indicator_detail"),
    path("unit/<int:pk>/ubah/", views.unit_indicator_edit, name="unit_indicator_edit"),
    path("impor/", views.actuals_import, name="actuals_import"),
    path("program/<int:pk>/manfaat/", views.benefit_list, name="benefit_list"),
    path("program/<int:pk>/roi/", views.program_roi, name="program_roi"),
    path("manfaat/<int:pk>/hapus/", views.benefit_delete, name="benefit_delete"),
]
