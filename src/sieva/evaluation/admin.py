from django.contrib import admin

from sieva.evaluation.models import ThresholdOverride


@admin.register(ThresholdOverride)
class ThresholdOverrideAdmin(admin.ModelAdmin):
    list_display = ["scope", "key", "value", "updated_at"]
    readonly_fields = ["updated_by", "updated_at"]
