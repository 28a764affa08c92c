"""The one table core owns: the leases of running background jobs (`sieva.core.jobs`)."""

from django.db import models


class JobLease(models.Model):
    """A background job some worker is running now (`heartbeat_at` renewed every few seconds),
    or whose worker was found dead (`lost_at` set). Deleted when the job ends normally; a lost
    lease stays until the job is retried, so the job's page can say what happened."""

    kind = models.CharField(max_length=60)
    key = models.CharField(max_length=60)
    worker = models.CharField(max_length=120)
    started_at = models.DateTimeField()
    heartbeat_at = models.DateTimeField(db_index=True)
    lost_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="job_lease_once")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"
