from typing import Any

from django.http import HttpRequest

from sieva.org.access import Access, Capability, user_access
from sieva.org.models import Employee


def page(request: HttpRequest) -> dict[str, Any]:
    """The CSP nonce (under the name django-htmx reads), the signed-in user's access and name.

    A request refused before the authentication middleware ran (a bad Host header, 400) has
    no `user`; it renders as an anonymous one."""
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    access = user_access(user) if signed_in else None
    return {
        "csp_nonce": str(getattr(request, "csp_nonce", "")),
        "access": access,
        "access_caps": {cap.value for cap in Capability if access and access.can(cap)},
        "account_name": _account_name(user, access) if signed_in else "",
        # A supervisor's workspace (/tim/) is offered to whoever has staff on record.
        "has_team": bool(
            access
            and access.employee_id
            and Employee.objects.filter(supervisor_id=access.employee_id, is_active=True).exists()
        ),
    }


def _account_name(user: Any, access: Access | None) -> str:
    """The user's full name, else the username: a "name" that only repeats the role (as some
    accounts were created) would print the role twice in the header."""
    if not user.is_authenticated:
        return ""
    name = user.get_full_name().strip()
    if not name or (access is not None and name == access.role_label):
        return str(user.username)
    return str(name)
