"""The blank SKM form, rendered once and served many times (decision 0056).

The blank form is the same for every citizen of a unit except the CSRF token, so its HTML is
rendered once per unit, unit name, language, kiosk mode and release (`FORM_VERSION`), kept in
the shared cache (one rendering for all workers) and in a small per-process LRU memo (no cache
round trip on the hot path), and each request only swaps the real token for a placeholder.
Every input of the page is part of the key, so an entry is never stale: a renamed unit or a new
release simply makes a new key. Forms with errors are rendered normally.
"""

import hashlib
from collections import OrderedDict
from importlib.metadata import PackageNotFoundError, version
from threading import Lock

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import get_language

from sieva.org.models import OrgUnit
from sieva.satisfaction.forms import SkmPublicForm

TEMPLATE = "satisfaction/public_form.html"
_TOKEN_PLACEHOLDER = "__sieva_csrf_token__"  # noqa: S105 - a marker, not a secret
_MEMO_SIZE = 512  # entries of ~16 kB: a few MB per process at most
_CACHE_SECONDS = 24 * 3600  # keys change with every input; this only lets old ones go


def _release() -> str:
    try:
        return version("sieva")
    except PackageNotFoundError:  # running from a source tree without metadata
        return "dev"


# The SKM questions, labels and templates ship with the code: a release is a new form.
FORM_VERSION = _release()

_memo: OrderedDict[tuple[object, ...], str] = OrderedDict()
_lock = Lock()


def _blank_html(unit: OrgUnit, *, kiosk: bool) -> str:
    key = (unit.pk, unit.name, get_language(), kiosk, FORM_VERSION)
    with _lock:
        html = _memo.get(key)
        if html is not None:
            _memo.move_to_end(key)
            return html
    shared_key = "skm-form:" + hashlib.sha256(repr(key).encode()).hexdigest()[:32]
    html = cache.get(shared_key)
    if html is None:
        context = {"unit": unit, "form": SkmPublicForm(), "kiosk": kiosk}
        html = render_to_string(TEMPLATE, {**context, "csrf_token": _TOKEN_PLACEHOLDER})
        cache.set(shared_key, html, _CACHE_SECONDS)
    with _lock:
        _memo[key] = html
        while len(_memo) > _MEMO_SIZE:
            _memo.popitem(last=False)
    return html


def form_page(
    request: HttpRequest, unit: OrgUnit, form: SkmPublicForm | None, *, kiosk: bool
) -> HttpResponse:
    """The form page: from the memo when `form` is None (blank), rendered with its errors
    otherwise (focus on the first unanswered question)."""
    if form is None:
        html = _blank_html(unit, kiosk=kiosk).replace(_TOKEN_PLACEHOLDER, get_token(request))
        return HttpResponse(html)
    form.mark_first_error()
    return render(request, TEMPLATE, {"unit": unit, "form": form, "kiosk": kiosk})


def memo_clear() -> None:
    """Empty the memo (tests that change templates or translations)."""
    with _lock:
        _memo.clear()
