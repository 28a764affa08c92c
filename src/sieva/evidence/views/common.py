"""What several evidence views do after a POST: run one service, report through messages."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from sieva.core.views import messages_of


def run_and_report(request: HttpRequest, action: Callable[[], Any], success: str) -> bool:
    """Run `action`; its ValidationError becomes error messages, success the given message.
    Returns whether it succeeded."""
    try:
        action()
    except ValidationError as exc:
        for message in messages_of(exc):
            messages.error(request, message)
        return False
    messages.success(request, success)
    return True
