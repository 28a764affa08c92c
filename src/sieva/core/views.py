"""View glue every app shares: service errors onto forms, exports, delete confirmations.

Views stay thin (STYLE.md): they parse the request, call one service or selector and render.
What is left over and the same in every app lives here, once.
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django_htmx.http import HttpResponseClientRedirect

from sieva.core.exports import EXPORT_FORMATS, table_response

BAD_EXPORT = _("Format ekspor tidak dikenal; gunakan csv atau xlsx.")


def apply_errors(form: forms.Form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when the form has it,
    otherwise as a form-wide error."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def messages_of(exc: ValidationError) -> list[str]:
    """The error's messages as plain strings, for `django.contrib.messages`."""
    return [str(m) for m in exc.messages]


def export(
    request: HttpRequest,
    *,
    filename: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    number_formats: Mapping[int, str] | None = None,
) -> HttpResponse:
    """The table as ?format=csv or xlsx; 400 for any other format.

    The file name says what the file covers (decision 0004): what, program, cohort, or the
    filters in force. `number_formats` (column → Excel format) is for XLSX; whole numbers are
    written as integers in both formats."""
    fmt = request.GET.get("format", "")
    if fmt not in EXPORT_FORMATS:
        return HttpResponseBadRequest(str(BAD_EXPORT))
    return table_response(
        fmt,
        filename=filename,
        headers=headers,
        rows=rows,
        number_formats=number_formats,
        whole_numbers=True,
    )


def query_without(request: HttpRequest, *keys: str) -> str:
    """The request's query string without `keys`, for links that keep the filters."""
    query = request.GET.copy()
    for key in keys:
        query.pop(key, None)
    return query.urlencode()


def confirm_delete(
    request: HttpRequest, *, question: str, cancel_url: str, consequence: str = ""
) -> HttpResponse:
    """The page a delete link without JavaScript lands on: the question and a POST button.

    With htmx the button carries hx-confirm instead, so this page is the non-JS path."""
    context = {"question": question, "cancel_url": cancel_url, "consequence": consequence}
    return render(request, "confirm_delete.html", context)


def after_delete(request: HttpRequest, url: str) -> HttpResponse:
    """Where a delete lands: htmx (after its hx-confirm) is told to load `url` as a whole page,
    a plain form post is redirected there."""
    if request.htmx:  # type: ignore[attr-defined]
        # Without the #anchor: a change of fragment alone would not reload the page.
        return HttpResponseClientRedirect(url.split("#", 1)[0])
    return redirect(url)
