"""Supervisors' L3 ratings are answered only signed in (decision 0063): earlier campaigns
that still accepted token links are switched over, so a forwarded link stops working."""

from django.db import migrations


def bind_supervisor_ratings(apps, schema_editor):
    Campaign = apps.get_model("instruments", "Campaign")
    Campaign.objects.filter(rater_kind="atasan", signed_in_only=False).update(signed_in_only=True)


class Migration(migrations.Migration):
    dependencies = [("instruments", "0005_campaign_signed_in_only")]

    operations = [migrations.RunPython(bind_supervisor_ratings, migrations.RunPython.noop)]
