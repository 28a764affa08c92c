"""Background runs of large imports (django-tasks: a `db_worker` in production, run at once
by the ImmediateBackend in tests)."""

from django_tasks import task

from sieva.instruments.imports.services import import_run


@task()
def run_response_import(job_id: int) -> None:
    import_run(job_id)
