"""The standard competency dictionary of PermenPANRB 38/2017: eight managerial competencies
and the socio-cultural one, each assessed at levels 1-5 (technical ones are per instansi)."""

from django.db import migrations

STANDARD = (
    ("M1", "Integritas", "manajerial"),
    ("M2", "Kerja sama", "manajerial"),
    ("M3", "Komunikasi", "manajerial"),
    ("M4", "Orientasi pada hasil", "manajerial"),
    ("M5", "Pelayanan publik", "manajerial"),
    ("M6", "Pengembangan diri dan orang lain", "manajerial"),
    ("M7", "Mengelola perubahan", "manajerial"),
    ("M8", "Pengambilan keputusan", "manajerial"),
    ("SK1", "Perekat bangsa", "sosial_kultural"),
)


def load(apps, schema_editor):
    Competency = apps.get_model("development", "Competency")
    for code, name, kind in STANDARD:
        Competency.objects.get_or_create(owner=None, code=code, defaults={"name": name, "kind": kind})


def unload(apps, schema_editor):
    Competency = apps.get_model("development", "Competency")
    Competency.objects.filter(owner=None, code__in=[c for c, _n, _k in STANDARD]).delete()


class Migration(migrations.Migration):
    dependencies = [("development", "0004_careers")]
    operations = [migrations.RunPython(load, unload)]
