from django.contrib import admin

from sieva.audit.admin import AuditedModelAdmin
from sieva.recommendations.models import TrackedRecommendation


@admin.register(TrackedRecommendation)
class TrackedRecommendationAdmin(AuditedModelAdmin):
    list_display = ["period", "scope", "rule", "priority", "status"]
    list_filter = ["status", "period"]
