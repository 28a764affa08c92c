from django.urls import path

from sieva.org.views import employees, imports, units

app_name = "org"

urlpatterns = [
    path("", employees.employee_list, name="employee_list"),
    path("baru/", employees.employee_create, name="employee_create"),
    path("<int:pk>/ubah/", employees.employee_edit, name="employee_edit"),
    path("impor/", imports.employee_import, name="employee_import"),
    path("impor/galat/", imports.employee_import_errors, name="employee_import_errors"),
    path("impor/templat/", imports.employee_import_template, name="employee_import_template"),
    path("unit/", units.unit_list, name="unit_list"),
    path("unit/baru/", units.unit_create, name="unit_create"),
    path("unit/impor/", imports.unit_import, name="unit_import"),
    path("unit/impor/galat/", imports.unit_import_errors, name="unit_import_errors"),
    path("unit/impor/templat/", imports.unit_import_template, name="unit_import_template"),
    path("unit/<int:pk>/", units.unit_detail, name="unit_detail"),
    path("unit/<int:pk>/ubah/", units.unit_edit, name="unit_edit"),
    path("unit/<int:pk>/pindah/", units.unit_move, name="unit_move"),
    path("unit/<int:pk>/nonaktifkan/", units.unit_deactivate, name="unit_deactivate"),
    path("unit/<int:pk>/aktifkan/", units.unit_reactivate, name="unit_reactivate"),
]
