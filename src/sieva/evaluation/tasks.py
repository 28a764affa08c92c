"""Background work of the evaluation app: keeping stored evaluations fresh."""

from django_tasks import task

from sieva.evaluation.stored import refresh_old


@task()
def refresh_stored_evaluations() -> int:
    """Recompute the stored evaluations older than the allowed age (periodic)."""
    return refresh_old()
