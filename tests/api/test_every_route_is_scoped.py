"""Every API operation, with every kind of token: no token, a revoked or expired token (401),
a read token on a write (403), and Palembang's admin with a write token pointed at Medan's
objects (404, or a list naming nothing of Medan). Alice, Medan's admin, is the control.

Operations are read from the OpenAPI schema, so a new route cannot slip past: one missing
from ROUTES fails the first test until its author says which Medan object it reaches.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from sieva.api.api import api
from sieva.api.models import ApiToken, TokenScope
from sieva.programs.models import Attendance
from sieva.satisfaction.elements import ELEMENTS
from tests.api.conftest import ApiClient, make_token
from tests.api.xapi_helpers import statement
from tests.test_every_url_is_scoped import MARK, Estate

WRITES = ("POST", "PUT", "PATCH", "DELETE")


@dataclass(frozen=True)
class Route:
    """How to point one operation at Medan: path parameters, query and body from the estate.

    `lists` says the operation answers Palembang with 200 and a list without Medan (else 404
    is expected); `rejects` is the status Palembang gets when Medan is named only inside the
    body (an NIP or unit code unknown in his scope: 422)."""

    path: Callable[[Estate], dict[str, Any]] = lambda e: {}
    query: Callable[[Estate], dict[str, Any]] = lambda e: {}
    body: Callable[[Estate], Any] = lambda e: None
    lists: bool = False
    rejects: int = 404
    files: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _pk(name: str, param: str) -> Callable[[Estate], dict[str, Any]]:
    return lambda e: {param: e.objects[name].pk}


def _import_file(e: Estate) -> dict[str, Any]:
    person = e.objects["employee"]
    row = f"{person.nip},{person.name},PNS,III/a,pelaksana,MDN-DINKES\n"
    content = ("NIP,NAMA,JENIS_ASN,GOLONGAN,JENIS_JABATAN,KODE_UNIT\n" + row).encode()
    return {"file": SimpleUploadedFile("pegawai.csv", content)}


ROUTES: dict[tuple[str, str], Route] = {
    ("GET", "/api/v1/units/"): Route(lists=True),
    ("GET", "/api/v1/units/{unit_id}/"): Route(path=_pk("unit", "unit_id")),
    ("GET", "/api/v1/employees/"): Route(lists=True),
    ("GET", "/api/v1/employees/{employee_id}/"): Route(path=_pk("employee", "employee_id")),
    ("GET", "/api/v1/employees/export/"): Route(lists=True),
    ("POST", "/api/v1/employees/import/"): Route(body=_import_file, files=True, rejects=422),
    ("GET", "/api/v1/programs/"): Route(lists=True),
    ("GET", "/api/v1/programs/{program_id}/"): Route(path=_pk("program", "program_id")),
    ("GET", "/api/v1/programs/{program_id}/evaluation/"): Route(
        path=_pk("program", "program_id"), query=lambda e: {"year": 2026}
    ),
    ("GET", "/api/v1/cohorts/"): Route(query=lambda e: {"program_id": e.objects["program"].pk}),
    ("GET", "/api/v1/cohorts/{cohort_id}/"): Route(path=_pk("cohort", "cohort_id")),
    ("GET", "/api/v1/sessions/"): Route(query=lambda e: {"cohort_id": e.objects["cohort"].pk}),
    ("GET", "/api/v1/sessions/{session_id}/"): Route(path=_pk("session", "session_id")),
    ("GET", "/api/v1/enrollments/"): Route(query=lambda e: {"cohort_id": e.objects["cohort"].pk}),
    ("GET", "/api/v1/enrollments/{enrollment_id}/"): Route(path=_pk("enrollment", "enrollment_id")),
    ("POST", "/api/v1/enrollments/"): Route(
        body=lambda e: {"cohort_id": e.objects["cohort"].pk, "nip": e.objects["employee"].nip}
    ),
    ("PATCH", "/api/v1/enrollments/{enrollment_id}/"): Route(
        path=_pk("enrollment", "enrollment_id"), body=lambda e: {"status": "lulus"}
    ),
    ("GET", "/api/v1/attendance/"): Route(query=lambda e: {"cohort_id": e.objects["cohort"].pk}),
    ("PUT", "/api/v1/attendance/"): Route(
        body=lambda e: {
            "session_id": e.objects["session"].pk,
            "enrollment_id": e.objects["enrollment"].pk,
        }
    ),
    ("GET", "/api/v1/jp/"): Route(lists=True, query=lambda e: {"year": 2026}),
    ("GET", "/api/v1/jp/recap/"): Route(lists=True, query=lambda e: {"year": 2026}),
    ("GET", "/api/v1/skm/results/"): Route(lists=True),
    ("POST", "/api/v1/skm/submissions/"): Route(
        body=lambda e: {
            "unit_id": e.objects["service_unit"].pk,
            "answers": dict.fromkeys(ELEMENTS, 3),
        }
    ),
    ("GET", "/api/v1/recommendations/"): Route(lists=True),
    ("POST", "/api/v1/campaigns/{campaign_id}/responses/"): Route(
        path=_pk("campaign", "campaign_id"),
        body=lambda e: {"respondent_nip": e.objects["employee"].nip, "answers": {}},
    ),
    ("POST", "/api/v1/xapi/statements"): Route(
        body=lambda e: [statement(e.objects["employee"].nip, e.objects["lms_mapping"].activity_id)],
        rejects=422,
    ),
}


def _operations() -> list[tuple[str, str]]:
    paths = api.get_openapi_schema()["paths"]
    return sorted((method.upper(), path) for path, methods in paths.items() for method in methods)


def test_every_api_operation_is_classified():
    operations = set(_operations())
    assert operations - set(ROUTES) == set(), "say which Medan object these routes reach"
    assert set(ROUTES) - operations == set(), "these routes no longer exist"


def _call(client: ApiClient, key: tuple[str, str], estate: Estate):
    method, template = key
    route = ROUTES[key]
    url = template.format(**route.path(estate))
    if route.files:
        return client.upload(url, **route.body(estate))
    if method == "GET":
        return client.get(url, route.query(estate))
    return client.send(method, url, route.body(estate))


OPERATIONS = _operations()


@pytest.mark.parametrize("key", OPERATIONS, ids=" ".join)
def test_no_token_is_401(key, estate, client):
    assert _call(ApiClient(client, None), key, estate).status_code == 401


@pytest.mark.parametrize("key", OPERATIONS, ids=" ".join)
def test_a_revoked_or_expired_token_is_401(key, estate, client, alice):
    revoked = make_token(alice, TokenScope.WRITE)
    ApiToken.objects.filter(prefix=revoked.split("_")[1]).update(revoked_at=timezone.now())
    expired = make_token(alice, TokenScope.WRITE, expires_at=timezone.now() + dt.timedelta(hours=1))
    ApiToken.objects.filter(prefix=expired.split("_")[1]).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    for token in (revoked, expired):
        assert _call(ApiClient(client, token), key, estate).status_code == 401


@pytest.mark.parametrize("key", [k for k in OPERATIONS if k[0] in WRITES], ids=" ".join)
def test_a_read_token_cannot_write(key, estate, client, alice):
    response = _call(ApiClient(client, make_token(alice, TokenScope.READ)), key, estate)
    assert response.status_code == 403
    assert response.json()["code"] == "token_scope"


def _text(response) -> str:
    return response.content.decode("utf-8", errors="replace")


@pytest.fixture
def attended(estate):
    """Medan's participant attended Medan's session, so the attendance list has a row."""
    Attendance.objects.create(
        session=estate.objects["session"], enrollment=estate.objects["enrollment"]
    )
    return estate


@pytest.mark.parametrize("key", OPERATIONS, ids=" ".join)
def test_another_instansis_token_reaches_nothing_of_medan(key, alice, bob, attended):
    estate = attended
    route = ROUTES[key]
    alices = _call(ApiClient(Client(), make_token(alice, TokenScope.WRITE)), key, estate)
    assert alices.status_code not in (401, 403, 404), ("control", alices.content[:300])
    if route.lists and key != ("GET", "/api/v1/skm/results/"):  # too few SKM answers
        shown = (
            _text(alices)
            if alices["Content-Type"].startswith(("application/json", "text"))
            else MARK
        )
        assert MARK in shown or estate.objects["employee"].nip in shown, "control: Alice sees Medan"

    bobs = _call(ApiClient(Client(), make_token(bob, TokenScope.WRITE)), key, estate)
    expected = 200 if route.lists else (route.rejects if key[0] in WRITES else 404)
    assert bobs.status_code == expected, bobs.content[:300]
    assert MARK not in _text(bobs)
    if key[1] != "/api/v1/xapi/statements":  # Bob's own request names the NIP he sent
        assert estate.objects["employee"].nip not in _text(bobs)
