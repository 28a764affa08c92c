"""Participation and 20 JP report pages, each table exportable as CSV or XLSX."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.core.exports import EXPORT_FORMATS, ExportTitle
from sieva.core.report_table import ReportTable
from sieva.core.views import export, form_filters, query_without
from sieva.org.access import Capability, access_of, capability_required, personal_access_of
from sieva.programs import selectors
from sieva.programs.forms import JpFilterForm, ParticipationFilterForm
from sieva.programs.selectors import PERSONAL_TABLES, ParticipationFilter

LIST_PAGE_SIZE = 50
SUMMARY_PAGE_SIZE = 20  # rows of each participation table per page (the export has all)
_NOT_FILTERS = {"format", "table", "page", "pns_page", "pppk_page"} | {
    f"{name}_page" for name in ("program", "cohort", "unit", "region", "reasons")
}
BAD_EXPORT = _("Format atau tabel ekspor tidak dikenal.")
BAD_FILTER = _("Filter tidak valid.")


def _filter_query(request: HttpRequest) -> str:
    return query_without(request, *_NOT_FILTERS)


def _export(
    request: HttpRequest,
    tables: dict[str, ReportTable],
    stem: str,
    *,
    report: str,
    filters: tuple[tuple[str, str], ...],
) -> HttpResponse:
    """The table named by ?table= as a file, titled with the report's and the table's name."""
    fmt, name = request.GET.get("format"), request.GET.get("table", "")
    table = tables.get(name)
    if fmt not in EXPORT_FORMATS or table is None:
        return HttpResponseBadRequest(str(BAD_EXPORT))
    return export(
        request,
        filename=f"{stem}-{name}",
        title=ExportTitle(f"{report}: {table.title}", access_of(request).scope_label, filters),
        headers=table.headers,
        rows=table.export_rows(),
        number_formats=table.number_formats,
    )


def _page(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    if request.htmx:  # type: ignore[attr-defined]
        template += "#report"
    return render(request, template, context)


@capability_required(Capability.VIEW_REPORTS)
def participation(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    form = ParticipationFilterForm(request.GET, access=access)
    report = None
    if form.is_valid():
        filters = ParticipationFilter(
            year=form.cleaned_data["year"],
            program=form.cleaned_data["program"],
            kind=form.cleaned_data["kind"],
            node=form.cleaned_data["node"],
        )
        report = selectors.participation_report(access, filters)
    if "format" in request.GET:
        if report is None:
            return HttpResponseBadRequest(str(BAD_FILTER))
        return _export(
            request,
            report.tables,
            "partisipasi",
            report=_("Laporan partisipasi"),
            filters=form_filters(form),
        )
    # Every table is paged: a national scope has hundreds of cohorts, and the page must cost
    # what it shows (the exports still hold every row).
    lists = (
        [
            _paged(request, table, f"{name}_page", size=SUMMARY_PAGE_SIZE)
            for name, table in report.tables.items()
        ]
        if report is not None
        else []
    )
    context = {
        "form": form,
        "report": report,
        "lists": lists,
        "filter_query": _filter_query(request),
    }
    return _page(request, "programs/participation.html", context)


@capability_required(Capability.VIEW_REPORTS)
def jp_report(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    if request.GET.get("table") in PERSONAL_TABLES and not access.can(
        Capability.VIEW_PERSONAL_DATA
    ):
        raise PermissionDenied
    form = JpFilterForm(request.GET, access=access)
    report = None
    if form.is_valid():
        year = form.cleaned_data["year"] or timezone.localdate().year
        report = selectors.jp_report(access, year, form.cleaned_data["unit"])
    if "format" in request.GET:
        if report is None:
            return HttpResponseBadRequest(str(BAD_FILTER))
        return _export(
            request,
            report.tables,
            f"pemenuhan-jp-{report.year}",
            # The year applies even when left blank (this year), so the title names it.
            report=_("Pemenuhan 20 JP tahun %(year)s") % {"year": report.year},
            filters=form_filters(form),
        )
    lists = []
    if report is not None:
        for name in ("pns_below", "pppk_over"):
            if name in report.tables:
                lists.append(_paged(request, report.tables[name], f"{name.split('_')[0]}_page"))
    context = {
        "form": form,
        "report": report,
        "lists": lists,
        "filter_query": _filter_query(request),
    }
    return _page(request, "programs/jp_report.html", context)


def _paged(
    request: HttpRequest, table: ReportTable, param: str, *, size: int = LIST_PAGE_SIZE
) -> dict[str, Any]:
    """One table with its page of rows, paged by `param`; `query` keeps the other
    parameters (the filters, the other tables' pages) in its page links."""
    page = Paginator(table.rows, size).get_page(request.GET.get(param))
    return {
        "table": table,
        "rows": table.cells(list(page.object_list)),
        "page": page,
        "param": param,
        "query": query_without(request, param),
    }


@capability_required(Capability.VIEW_REPORTS)
def jp_recap(request: HttpRequest) -> HttpResponse:
    """JP per employee for one year as a file for the personnel system (?format=csv|xlsx)."""
    access = personal_access_of(request)
    form = JpFilterForm(request.GET, access=access)
    if not form.is_valid():
        return HttpResponseBadRequest(str(BAD_FILTER))
    year = form.cleaned_data["year"] or timezone.localdate().year
    records = selectors.jp_compliance(
        selectors.employees_in_scope(access, form.cleaned_data["unit"]), year
    )
    return export(
        request,
        filename=f"rekap-jp-{year}",
        title=ExportTitle(
            _("Rekap JP per pegawai tahun %(year)s") % {"year": year},
            access.scope_label,
            form_filters(form),
        ),
        headers=selectors.RECAP_HEADERS,
        rows=selectors.jp_recap_rows(records, year),
    )
