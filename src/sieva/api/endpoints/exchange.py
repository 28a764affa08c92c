"""Exchange with personnel systems in files: the employee list in the import's own columns
(export and import round-trip), and the JP recap per employee per year."""

from typing import Literal

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, File, Query, Router, Schema
from ninja.files import UploadedFile

from sieva.api.auth import require, write_auth
from sieva.api.errors import ERRORS, invalid
from sieva.api.figures import jp_records
from sieva.api.pagination import Id
from sieva.core.exports import CSV_TYPE, XLSX_TYPE, ExportTitle, table_response
from sieva.org import selectors as org_selectors
from sieva.org.access import Capability, get_org_unit_for_user
from sieva.org.imports import import_employees
from sieva.programs.selectors import RECAP_HEADERS, jp_recap_rows

router = Router(tags=["Pertukaran berkas"])


def _file_responses(description: str) -> dict[str, object]:
    binary = {"schema": {"type": "string", "format": "binary"}}
    return {
        "responses": {
            200: {
                "description": description,
                "content": {CSV_TYPE.split(";")[0]: binary, XLSX_TYPE: binary},
            }
        }
    }


class FileFormat(Schema):
    format: Literal["csv", "xlsx"] = "csv"


class RecapQuery(FileFormat):
    year: int = Field(default_factory=lambda: timezone.localdate().year, ge=2000, le=2100)
    unit_id: Id | None = None


@router.get(
    "/employees/export/",
    response=ERRORS,
    summary="Ekspor pegawai (kolom impor)",
    openapi_extra=_file_responses("CSV/XLSX dengan kolom impor pegawai; CSV dapat diimpor ulang."),
)
def employee_export(request: HttpRequest, query: Query[FileFormat]) -> HttpResponse:
    access = require(request, Capability.VIEW_PEOPLE)
    require(request, Capability.VIEW_PERSONAL_DATA)
    employees = org_selectors.employee_list(access, org_selectors.EmployeeFilter(active=None))
    return table_response(
        query.format,
        filename="pegawai",
        title=ExportTitle(_("Daftar pegawai"), access.scope_label, ()),
        headers=org_selectors.employee_export_headers(),
        rows=org_selectors.employee_export_rows(employees),
    )


class ImportOut(Schema):
    created: int
    updated: int


@router.post(
    "/employees/import/",
    response={200: ImportOut, **ERRORS},
    summary="Impor pegawai (CSV/XLSX, semua atau tidak sama sekali)",
    auth=write_auth,
)
def employee_import(request: HttpRequest, file: File[UploadedFile]) -> ImportOut:
    access = require(request, Capability.EDIT_PEOPLE)
    result = import_employees(file, file.name or "", actor=request.user, access=access)
    if not result.ok:
        raise invalid(
            [
                {"field": f"file.{e.row}.{e.column}".rstrip("."), "message": e.message}
                for e in result.errors
            ]
        )
    return ImportOut(created=result.created, updated=result.updated)


@router.get(
    "/jp/recap/",
    response=ERRORS,
    summary="Rekap JP per pegawai per tahun (berkas)",
    openapi_extra=_file_responses("Satu baris per pegawai: NIP, NAMA, TAHUN, JUMLAH_JP, …"),
)
def jp_recap(request: HttpRequest, query: Query[RecapQuery]) -> HttpResponse:
    access = require(request, Capability.VIEW_REPORTS)
    require(request, Capability.VIEW_PERSONAL_DATA)
    node = get_org_unit_for_user(access, query.unit_id) if query.unit_id else None
    records = jp_records(access, query.year, node)
    return table_response(
        query.format,
        filename=f"rekap-jp-{query.year}",
        title=ExportTitle(
            _("Rekap JP per pegawai tahun %(year)s") % {"year": query.year}, access.scope_label, ()
        ),
        headers=RECAP_HEADERS,
        rows=jp_recap_rows(records, query.year),
    )
