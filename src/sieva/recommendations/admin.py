from django.contrib import admin

from sieva.recommendations.models import TrackedRecommendation


@admin.register(TrackedRecommendation)
class TrackedRecommendationAdmin(admin.ModelAdmin):
    list_display = ["period", "scope", "rule", "priority", "status"]
    list_filter = ["status", "period"]
