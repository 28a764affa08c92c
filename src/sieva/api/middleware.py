"""The API's language: Indonesian unless the client asks for English (decision 0040).

Pages ignore Accept-Language because every browser sends one; an API client sends it only
on purpose, so on ``/api/`` it is honoured (among the languages SIEVA ships).
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

API_PREFIX = "/api/"


def api_language(header: str) -> str:
    """The first supported language in an Accept-Language header, else the default."""
    supported = {code for code, _name in settings.LANGUAGES}
    for tag, _quality in parse_accept_lang_header(header):
        code = tag.split("-")[0].lower()
        if code in supported:
            return code
    return str(settings.LANGUAGE_CODE)


class ApiLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX) or request.path.startswith(
            f"{API_PREFIX}v1/docs"
        ):
            return self.get_response(request)
        language = api_language(request.headers.get("Accept-Language", ""))
        translation.activate(language)
        request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        response = self.get_response(request)
        response.headers["Content-Language"] = language
        response.headers["Cache-Control"] = "no-store"
        translation.deactivate()
        return response
