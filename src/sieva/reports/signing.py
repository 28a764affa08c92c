"""A report as it is signed: the frozen document plus what people added while it was a
draft (number, evaluators, narrative per section) and the review and approval. Renderers
(web page, PDF, DOCX) read `signed_document(snapshot)`; the document itself never changes."""

import datetime as dt
from typing import Any

from django.utils import timezone

from sieva.core import numbers
from sieva.reports.models import ReportSnapshot


def paragraphs(text: str) -> list[str]:
    """An evaluator's narrative split into paragraphs at blank lines."""
    return [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def signed_document(snapshot: ReportSnapshot) -> dict[str, Any]:
    """The document with the snapshot's identity, narratives and signatures merged in."""
    document = dict(snapshot.document)
    narratives = snapshot.narratives or {}
    document["sections"] = [
        {**section, "narrative": paragraphs(narratives.get(section["key"], ""))}
        for section in document.get("sections", [])
    ]
    if document.get("summary"):
        document["summary"] = {
            **document["summary"],
            "narrative": paragraphs(narratives.get("ringkasan", "")),
        }
    created = timezone.localtime(snapshot.created_at) if snapshot.created_at else None
    approved = timezone.localtime(snapshot.approved_at) if snapshot.approved_at else None
    document.update(
        {
            "status": snapshot.status,
            "status_label": snapshot.get_status_display(),
            "number": snapshot.number,
            "evaluators": snapshot.evaluators or [],
            "reviewed_name": snapshot.reviewed_name,
            "reviewed_on": _day(snapshot.reviewed_at),
            "approver": snapshot.approver or {},
            "approved_on": numbers.day(approved) if approved else "",
            "generated_on": numbers.day(created) if created else "",
            "report_date": numbers.day(approved or created or timezone.now()),
        }
    )
    return document


def _day(moment: dt.datetime | None) -> str:
    return numbers.day(timezone.localtime(moment)) if moment else ""
