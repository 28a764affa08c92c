"""One error body for every API failure: ``{"code", "message", "errors"}``.

`code` is a stable English word a program can test; `message` is for a person, in Indonesian
unless the request asks for English with Accept-Language (decision 0040); `errors` lists
field-level problems (`field` is a dotted path such as ``body.statements.3.actor``).
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

NOT_AUTHENTICATED = gettext_lazy(
    "Token tidak ada, tidak dikenal, sudah dicabut atau kedaluwarsa. Kirim header "
    "Authorization: Bearer <token>."
)
FORBIDDEN = gettext_lazy("Peran atau token Anda tidak memberi hak untuk permintaan ini.")
READ_ONLY_TOKEN = gettext_lazy("Token ini hanya untuk membaca; buat token dengan hak tulis.")
NIP_UNKNOWN = gettext_lazy("NIP %(nip)s tidak ditemukan dalam cakupan Anda.")
NOT_INVITED = gettext_lazy("Responden itu tidak diundang ke kampanye ini.")
FORBIDDEN_SKM = gettext_lazy("Peran Anda tidak boleh mengirim jawaban SKM.")
BATCH_TOO_LARGE = gettext_lazy("Paling banyak %(max)d pernyataan per kiriman.")
NOT_FOUND = gettext_lazy("Data tidak ditemukan dalam cakupan Anda.")
INVALID = gettext_lazy("Data yang dikirim tidak valid.")
TOO_MANY = gettext_lazy(
    "Terlalu banyak permintaan dengan token ini; coba lagi dalam %(seconds)d detik."
)


class FieldError(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    code: str
    message: str
    errors: list[FieldError] = []


ERROR_STATUSES = (400, 401, 403, 404, 409, 422, 429)
ERRORS: dict[int, type[Schema]] = dict.fromkeys(ERROR_STATUSES, ErrorOut)


class ApiError(Exception):
    """A failure with its status, code and message (and optional field problems)."""

    def __init__(
        self, status: int, code: str, message: str, errors: list[dict[str, str]] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.errors = errors or []
        self.headers: dict[str, str] = {}


def invalid(errors: list[dict[str, str]], message: str | None = None) -> ApiError:
    return ApiError(422, "invalid", message or str(INVALID), errors)


def _body(code: str, message: str, errors: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {"code": code, "message": message, "errors": errors or []}


def _django_errors(exc: DjangoValidationError) -> list[dict[str, str]]:
    if hasattr(exc, "error_dict"):
        return [
            {"field": name, "message": str(message)}
            for name, messages in exc.message_dict.items()
            for message in messages
        ]
    return [{"field": "", "message": str(message)} for message in exc.messages]


def install_error_handlers(api: NinjaAPI) -> None:
    """Replace ninja's default bodies with `ErrorOut` for every failure the API can meet."""

    def respond(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, body, status=status)

    @api.exception_handler(ApiError)
    def api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        response = respond(request, exc.status, _body(exc.code, exc.message, exc.errors))
        for name, value in exc.headers.items():
            response[name] = value
        return response

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = respond(request, 401, _body("not_authenticated", str(NOT_AUTHENTICATED)))
        response["WWW-Authenticate"] = 'Bearer realm="sieva"'
        return response

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return respond(request, 403, _body("forbidden", str(FORBIDDEN)))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, 404, _body("not_found", str(NOT_FOUND)))

    @api.exception_handler(DjangoValidationError)
    def rejected(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        errors = _django_errors(exc)
        message = errors[0]["message"] if len(errors) == 1 else str(INVALID)
        return respond(request, 422, _body("invalid", message, errors))

    @api.exception_handler(NinjaValidationError)
    def malformed(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        errors = [
            {
                "field": ".".join(str(part) for part in error.get("loc", ())),
                "message": str(error.get("msg", "")),
            }
            for error in exc.errors
        ]
        return respond(request, 422, _body("invalid", str(INVALID), errors))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        # ninja's own failures (an unreadable body): say so in the same shape.
        return respond(request, exc.status_code, _body("bad_request", str(exc)))


def too_many(seconds: int) -> ApiError:
    error = ApiError(429, "rate_limited", str(TOO_MANY) % {"seconds": seconds})
    error.headers["Retry-After"] = str(seconds)
    return error
