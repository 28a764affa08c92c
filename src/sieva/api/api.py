"""The REST API under ``/api/v1/``: django-ninja (decision 0040), token auth on every
operation, one error body, the OpenAPI 3 schema at ``schema/`` and its browsable page at
``docs/`` (for signed-in users; Swagger UI served from ninja's own static files, no CDN)."""

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger

from sieva.api.auth import read_auth
from sieva.api.endpoints import exchange, figures, org, programs, writes, xapi
from sieva.api.errors import install_error_handlers

DESCRIPTION = """
API SIEVA untuk sistem lain (LMS, sistem kepegawaian, dasbor sendiri).

* **Autentikasi**: token akses pribadi dari halaman *Akun → Token API*, dikirim sebagai
  `Authorization: Bearer <token>`. Token *baca* hanya untuk GET; token *baca dan tulis* juga
  untuk POST/PUT/PATCH.
* **Cakupan**: sama dengan halaman web: hanya data di bawah unit peran Anda; data instansi
  lain dijawab 404. Nama, NIP dan tanggal lahir hanya untuk peran yang boleh melihat data
  pribadi.
* **Daftar**: `limit` (maks. 500) dan `offset`; jawaban `{count, next_offset, items}`.
  `updated_since` (ISO 8601) untuk sinkronisasi bertahap.
* **Galat**: selalu `{code, message, errors}`; `message` dalam bahasa Indonesia, atau bahasa
  Inggris bila permintaan mengirim `Accept-Language: en`.
* **Batas laju**: per token; kelebihan dijawab 429 dengan `Retry-After`.
"""


class SignedInSwagger(Swagger):
    """Swagger UI for signed-in users (the session); the schema itself is public, as it holds
    no data."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().render_page(request, api, **kwargs)


api = NinjaAPI(
    title="SIEVA API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=read_auth,
    openapi_url="/schema/",
    docs=SignedInSwagger(settings={"persistAuthorization": False}),
    docs_url="/docs/",
)
install_error_handlers(api)
api.add_router("/", exchange.router)  # before org: /employees/export/ is no employee id
api.add_router("/", org.router)
api.add_router("/", programs.router)
api.add_router("/", figures.router)
api.add_router("/", writes.router)
api.add_router("/", xapi.router)
