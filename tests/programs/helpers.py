"""Reading exports back the way a user's spreadsheet would, and posting an htmx tick."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def xlsx_rows(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


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
