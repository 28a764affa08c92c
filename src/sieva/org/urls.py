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
]
