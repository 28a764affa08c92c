"""The PDF of a report: WeasyPrint from the same document the web page shows (A4, kop,
page numbers "Halaman x dari y", a table of contents with page numbers)."""

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation


def render_pdf(document: dict[str, Any]) -> bytes:
    # Imported here: WeasyPrint loads Pango at import (~0.4 s), needed only for a PDF.
    from weasyprint import HTML

    with translation.override(document.get("language") or "id"):
        html = render_to_string("reports/pdf.html", {"document": document})
    return HTML(string=html).write_pdf()  # type: ignore[no-any-return]
