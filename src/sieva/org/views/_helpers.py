"""Glue shared by the employee views: the request's access, service errors onto forms."""

from collections.abc import Iterable, Sequence
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext_lazy as _

from sieva.org.access import Access, Capability
from sieva.reports.tables import EXPORT_FORMATS, table_response

BAD_EXPORT = _("Format ekspor tidak dikenal; gunakan csv atau xlsx.")


def access_of(request: HttpRequest) -> Access:
    """The access `capability_required` put on the request."""
    return request.access  # type: ignore[attr-defined,no-any-return]


def personal_access_of(request: HttpRequest) -> Access:
    """The request's access, or 403 for a role that may not see names and NIPs (UU 27/2022)."""
    access = access_of(request)
    if not access.can(Capability.VIEW_PERSONAL_DATA):
        raise PermissionDenied
    return access


def apply_errors(form: forms.Form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when the form has it."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def export(
    request: HttpRequest, *, filename: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    """The table as ?format=csv or xlsx; 400 for any other format."""
    fmt = request.GET.get("format", "")
    if fmt not in EXPORT_FORMATS:
        return HttpResponseBadRequest(str(BAD_EXPORT))
    return table_response(fmt, filename=filename, headers=headers, rows=rows)


def query_without(request: HttpRequest, *keys: str) -> str:
    """The request's query string without `keys`, for links that keep the filters."""
    query = request.GET.copy()
    for key in keys:
        query.pop(key, None)
    return query.urlencode()
