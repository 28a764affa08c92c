"""The data annex as XLSX: a summary sheet (scope, hash, version), then one sheet per table
of the document's annex, with raw numbers (n, interval bounds, design) a spreadsheet can use."""

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from sieva.core.exports import XLSX_TYPE, Sheet, render_workbook

__all__ = ["XLSX_TYPE", "render_xlsx_annex"]


def render_xlsx_annex(document: dict[str, Any]) -> bytes:
    """The annex workbook of a stored report `document`. The summary sheet is its title
    block, so the data sheets are bare tables, header on row 1."""
    with translation.override(document.get("language") or "id"):
        summary = Sheet(
            _("Ringkasan"),
            [_("Butir"), _("Isi")],
            [
                [_("Judul"), document["title"]],
                [_("Cakupan"), document["scope_label"]],
                [_("Periode"), document["period_label"]],
                [_("Disusun oleh"), document["author"]],
                [_("Dibuat"), document["generated_at"]],
                [_("SHA-256 data masukan"), document["input_hash"]],
                [_("Versi SIEVA"), document["software_version"]],
            ],
        )
        tables = [Sheet(t["name"], t["headers"], t["rows"]) for t in document["annex"]]
        return render_workbook([summary, *tables])
