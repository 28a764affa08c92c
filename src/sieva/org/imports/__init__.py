"""Bulk imports into the organisation data (employees from CSV/XLSX, SIASN-like layout)."""

from sieva.org.imports.employees import ImportResult, RowError, import_employees
from sieva.org.imports.report import error_report_csv, error_report_headers, error_report_rows

__all__ = [
    "ImportResult",
    "RowError",
    "error_report_csv",
    "error_report_headers",
    "error_report_rows",
    "import_employees",
]
