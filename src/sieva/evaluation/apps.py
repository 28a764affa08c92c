from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "sieva.evaluation"
    label = "evaluation"
    verbose_name = "Evaluasi"
