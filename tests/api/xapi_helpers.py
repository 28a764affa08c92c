"""xAPI statements as an LMS sends them."""

import uuid
from typing import Any

ADL = "http://adlnet.gov/expapi/verbs/"


def statement(
    nip: str,
    activity: str,
    verb: str = "completed",
    *,
    statement_id: str | None = None,
    timestamp: str = "2026-03-05T10:00:00+07:00",
    **result: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": statement_id or str(uuid.uuid4()),
        "actor": {
            "objectType": "Agent",
            "account": {"homePage": "https://lms.example.go.id", "name": nip},
        },
        "verb": {"id": ADL + verb, "display": {"en-US": verb}},
        "object": {
            "objectType": "Activity",
            "id": activity,
            "definition": {"name": {"id-ID": "Modul Layanan Prima"}},
        },
        "timestamp": timestamp,
        "context": {"platform": "Moodle"},
    }
    if result:
        body["result"] = result
    return body
