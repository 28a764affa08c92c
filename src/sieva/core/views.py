"""View glue every app shares: service errors onto forms, exports and the filters they
name, delete confirmations.

Views stay thin (STYLE.md): they parse the request, call one service or selector and render.
What is left over and the same in every app lives here, once.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_htmx.http import HttpResponseClientRedirect

from sieva.core.exports import EXPORT_FORMATS, ExportTitle, table_response

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
    title: ExportTitle | None,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    number_formats: Mapping[int, str] | None = None,
) -> HttpResponse:
    """The table as ?format=csv or xlsx; 400 for any other format.

    The file name says what the file covers (decision 0004): what, program, cohort, or the
    filters in force; `title` says it again above the XLSX table (None only for import
    templates). `number_formats` (column → Excel format) is for XLSX."""
    fmt = request.GET.get("format", "")
    if fmt not in EXPORT_FORMATS:
        return HttpResponseBadRequest(str(BAD_EXPORT))
    return table_response(
        fmt,
        filename=filename,
        title=title,
        headers=headers,
        rows=rows,
        number_formats=number_formats,
    )


def form_filters(form: forms.Form) -> tuple[tuple[str, str], ...]:
    """The filters a bound filter form puts in force, as (label, value) pairs in the form's
    order, each value as the form shows it (a choice's label, an object's name).

    A field left at its "all" choice or blank is no filter; a choice field without such a
    choice filters by the option the page shows first. An invalid form filters nothing."""
    if not form.is_bound or not form.is_valid():
        return ()
    shown = []
    for name, field in form.fields.items():
        value = _shown_value(field, form[name].data, form.cleaned_data.get(name))
        if value:
            shown.append((str(field.label), value))
    return tuple(shown)


def _shown_value(field: forms.Field, raw: Any, cleaned: Any) -> str:
    if isinstance(field, forms.ModelChoiceField):
        return "" if cleaned is None else str(cleaned)
    if isinstance(field, forms.ChoiceField):
        labels = {str(value): str(label) for value, label in _flat_choices(field.choices)}
        if not raw and "" in labels:
            return ""
        return labels.get(str(raw or ""), next(iter(labels.values()), ""))
    if cleaned in (None, "", False) or cleaned == []:
        return ""
    if cleaned is True:
        return str(_("Ya"))
    if isinstance(cleaned, date):
        return date_format(cleaned, "SHORT_DATE_FORMAT")
    return str(cleaned)


def _flat_choices(choices: Iterable[Any]) -> Iterable[tuple[Any, Any]]:
    """(value, label) of every option, groups opened."""
    for value, label in choices:
        if isinstance(label, list | tuple):
            yield from label
        else:
            yield value, label


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
