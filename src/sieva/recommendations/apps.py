from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "sieva.recommendations"
    label = "recommendations"
    verbose_name = "Rekomendasi"
