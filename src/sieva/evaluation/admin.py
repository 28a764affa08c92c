from django.contrib import admin

from sieva.audit.admin import AuditedModelAdmin
from sieva.evaluation.models import ThresholdOverride


@admin.register(ThresholdOverride)
class ThresholdOverrideAdmin(AuditedModelAdmin):
    list_display = ["scope", "key", "value", "updated_at"]
    readonly_fields = ["updated_by", "updated_at"]
