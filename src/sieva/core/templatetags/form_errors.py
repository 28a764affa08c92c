"""The error summary of the shared ``_form_errors.html``: which fields of a form need fixing."""

from django import forms, template

register = template.Library()


@register.filter
def fields_with_errors(form: forms.BaseForm) -> list[forms.BoundField]:
    """The form's visible fields that carry an error, in the order the form shows them."""
    return [field for field in form.visible_fields() if field.errors]
