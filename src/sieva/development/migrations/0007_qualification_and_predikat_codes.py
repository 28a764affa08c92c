"""Qualifications and predikat are stored as codes (decision 0021): rows written with the
Indonesian words are turned into their codes, and back on reversal."""

from django.db import migrations

QUALIFICATIONS = {
    "Sangat Memuaskan": "very_satisfactory",
    "Memuaskan": "satisfactory",
    "Cukup Memuaskan": "fairly_satisfactory",
    "Kurang Memuaskan": "less_satisfactory",
    "Tidak Memuaskan": "unsatisfactory",
}
PREDIKAT = {
    "Sangat Baik": "very_good",
    "Baik": "good",
    "Butuh Perbaikan": "needs_improvement",
    "Kurang": "poor",
    "Sangat Kurang": "very_poor",
}


def _recode(apps, qualifications: dict[str, str], predikat: dict[str, str]) -> None:
    result = apps.get_model("development", "AssessmentResult")
    appraisal = apps.get_model("development", "Appraisal")
    for old, new in qualifications.items():
        result.objects.filter(qualification=old).update(qualification=new)
    for old, new in predikat.items():
        appraisal.objects.filter(predikat=old).update(predikat=new)


def forwards(apps, schema_editor) -> None:
    _recode(apps, QUALIFICATIONS, PREDIKAT)


def backwards(apps, schema_editor) -> None:
    _recode(
        apps,
        {new: old for old, new in QUALIFICATIONS.items()},
        {new: old for old, new in PREDIKAT.items()},
    )


class Migration(migrations.Migration):
    dependencies = [("development", "0006_follow_up")]

    operations = [migrations.RunPython(forwards, backwards)]
