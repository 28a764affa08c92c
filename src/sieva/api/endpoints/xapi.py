"""The xAPI statement resource: POST one statement or a batch (write token, a role that edits
programs). Answers as an LRS does, with the statement ids in order; counts in headers."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Body, Router

from sieva.api.auth import require, write_auth
from sieva.api.errors import BATCH_TOO_LARGE, ERRORS, invalid
from sieva.api.services.learning import StatementsRejected, statements_receive
from sieva.api.xapi.statements import StatementIn, read_statement
from sieva.org.access import Capability

router = Router(tags=["xAPI"], auth=write_auth)
XAPI_VERSION = "1.0.3"
MAX_BATCH = 1000


@router.post(
    "/xapi/statements",
    response={200: list[str], **ERRORS},
    summary="Terima pernyataan xAPI (satu atau banyak)",
    description=(
        "Subset xAPI yang dikirim LMS untuk penyelesaian: kata kerja completed, passed, failed, "
        "attended; actor.account.name = NIP; object.id = ID aktivitas LMS yang dipetakan ke "
        "angkatan/sesi SIEVA; result.duration (ISO 8601) dan result.score disimpan. "
        "Idempoten menurut id pernyataan. Satu galat menolak seluruh kiriman."
    ),
)
def statements_post(
    request: HttpRequest, response: HttpResponse, data: Body[list[StatementIn] | StatementIn]
) -> list[str]:
    access = require(request, Capability.EDIT_PROGRAMS)
    many = isinstance(data, list)
    batch = data if isinstance(data, list) else [data]

    def where(index: int, name: str) -> str:
        return f"body.data.{index}.{name}" if many else f"body.data.{name}"

    if len(batch) > MAX_BATCH:
        raise invalid(
            [{"field": "body.data", "message": str(BATCH_TOO_LARGE) % {"max": MAX_BATCH}}]
        )
    now = timezone.now()
    statements, problems = [], []
    for index, item in enumerate(batch):
        statement, found = read_statement(item, now)
        if statement is not None:
            statements.append(statement)
        problems += [{"field": where(index, name), "message": m} for name, m in found]
    if problems:
        raise invalid(problems)
    try:
        received = statements_receive(
            actor=request.user, access=access, statements=statements, source="xapi"
        )
    except StatementsRejected as exc:
        raise invalid(
            [{"field": where(index, name), "message": m} for index, name, m in exc.problems]
        ) from None
    response["X-Experience-API-Version"] = XAPI_VERSION
    for name in ("applied", "pending", "duplicates", "ignored"):
        response[f"X-Sieva-{name.capitalize()}"] = str(getattr(received, name))
    return received.ids
