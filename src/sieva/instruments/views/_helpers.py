"""Glue shared by the instrument views."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from sieva.org.access import Access


def access_of(request: HttpRequest) -> Access:
    """The access `capability_required` put on the request."""
    return request.access  # type: ignore[attr-defined,no-any-return]


def apply_errors(form: forms.Form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when the form has it."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)
