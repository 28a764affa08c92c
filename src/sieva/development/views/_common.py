"""View glue shared by the development pages."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from sieva.org.access import Access, access_of, require_access


def signed_in(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in with any role; puts `request.access` (pages whose objects decide access)."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        request.access = require_access(request)  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapped


def person_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in with an account linked to an employee (a person's own workspace)."""

    @signed_in
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if access_of(request).employee_id is None:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def own_employee_id(access: Access) -> int:
    """The linked employee of a `person_required` view's user."""
    assert access.employee_id is not None  # noqa: S101 - person_required checked it
    return access.employee_id
