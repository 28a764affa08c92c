"""Background runs of large SKM imports (django-tasks: a `db_worker` in production, run at
once by the ImmediateBackend in tests)."""

from django_tasks import task

from sieva.satisfaction.services.import_jobs import skm_import_run


@task()
def run_skm_import(job_id: int) -> None:
    skm_import_run(job_id)
