"""Reading exports back (from `tests.core.readback`) and posting an htmx tick."""

from django.urls import reverse

from tests.core.readback import csv_rows, xlsx_rows

__all__ = ["csv_rows", "tick", "xlsx_rows"]


def tick(client, session, enrollment, *, present=True, htmx=True, others=()):
    """Post one attendance checkbox the way the grid does: the row's form (participant and
    the row's ticked session ids in `present`) plus, from hx-vals, the session that changed."""
    ticked = [s.pk for s in others]
    data = {
        "session": session.pk,
        "enrollment": enrollment.pk,
        "present": [*ticked, session.pk] if present else ticked,
    }
    headers = {"HX-Request": "true"} if htmx else {}
    url = reverse("programs:attendance_set", kwargs={"pk": enrollment.cohort_id})
    return client.post(url, data, headers=headers)
