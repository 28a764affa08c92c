from django.contrib import admin

from sieva.recommendations.models import ThresholdOverride, TrackedRecommendation


@admin.register(ThresholdOverride)
class ThresholdOverrideAdmin(admin.ModelAdmin):
    list_display = ["scope", "key", "value", "updated_at"]
    readonly_fields = ["updated_by", "updated_at"]


@admin.register(TrackedRecommendation)
class TrackedRecommendationAdmin(admin.ModelAdmin):
    list_display = ["period", "scope", "rule", "priority", "status"]
    list_filter = ["status", "period"]
