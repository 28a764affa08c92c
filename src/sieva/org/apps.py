from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "sieva.org"
    label = "org"
    verbose_name = "Organisasi dan pegawai"
