"""Glue shared by the program views: service errors onto forms, exports, the request's access."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext_lazy as _

from sieva.org.access import Access
from sieva.reports.tables import EXPORT_FORMATS, table_response

BAD_EXPORT = _("Format ekspor tidak dikenal; gunakan csv atau xlsx.")


def access_of(request: HttpRequest) -> Access:
    """The access `capability_required` put on the request."""
    return request.access  # type: ignore[attr-defined,no-any-return]


def apply_errors(form: forms.Form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when the form has it."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def messages_of(exc: ValidationError) -> list[str]:
    """The error's messages as plain strings, for `django.contrib.messages`."""
    return [str(m) for m in exc.messages]


def export(
    request: HttpRequest, *, filename: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]
) -> HttpResponse:
    """The table as ?format=csv or xlsx; 400 for any other format."""
    fmt = request.GET.get("format", "")
    if fmt not in EXPORT_FORMATS:
        return HttpResponseBadRequest(str(BAD_EXPORT))
    return table_response(fmt, filename=filename, headers=headers, rows=rows)
