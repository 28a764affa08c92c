"""`{{ mapping|get_item:key }}`: a dict's value by a key held in a variable."""

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if mapping else None
