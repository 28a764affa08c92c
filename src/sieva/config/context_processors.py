from typing import Any

from django.http import HttpRequest

from sieva.org.access import Capability, user_access


def page(request: HttpRequest) -> dict[str, Any]:
    """The CSP nonce (under the name django-htmx reads) and the signed-in user's access."""
    access = user_access(request.user) if request.user.is_authenticated else None
    return {
        "csp_nonce": str(getattr(request, "csp_nonce", "")),
        "access": access,
        "access_caps": {cap.value for cap in Capability if access and access.can(cap)},
    }
