#!/usr/bin/env python3
"""Sync an LMS into SIEVA through the documented REST API only (no SIEVA code imported).

    export SIEVA_TOKEN=sieva_…            # a read-and-write token from Akun → Token API
    python scripts/lms_sync.py --url https://sieva.example.go.id \\
        --employees pegawai.csv --completions penyelesaian.csv --program 12 --year 2026

1. ``--employees``: the employee list in SIEVA's import columns (NIP, NAMA, …) is uploaded to
   ``POST /api/v1/employees/import/`` (all or nothing).
2. ``--completions``: the LMS completion report (NIP, ID_AKTIVITAS, STATUS, TANGGAL, optional
   DURASI_MENIT and NILAI) is sent as xAPI statements to ``POST /api/v1/xapi/statements`` in
   batches. Each row's statement id is derived from its content, so running the script again
   counts nothing twice.
3. ``--program``/``--year``: the program's evaluation figures are read back from
   ``GET /api/v1/programs/{id}/evaluation/`` and printed.

Standard library only, so it runs on any machine with Python 3.11.
"""

import argparse
import csv
import datetime as dt
import io
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from typing import Any

BATCH = 500
NAMESPACE = uuid.UUID("9b2e4c1a-0d7f-4e36-8a51-2f6c3d9e7b10")  # this script's own row ids
VERBS = {"selesai": "completed", "lulus": "passed", "tidak lulus": "failed", "hadir": "attended"}
VERB_IRI = "http://adlnet.gov/expapi/verbs/"


class ApiError(RuntimeError):
    pass


class Sieva:
    """A tiny client: bearer token, JSON in and out, SIEVA's error body on failure."""

    def __init__(self, url: str, token: str) -> None:
        self.url, self.token = url.rstrip("/"), token

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        content_type: str = "application/json",
    ) -> Any:
        request = urllib.request.Request(f"{self.url}{path}", data=body, method=method)  # noqa: S310
        request.add_header("Authorization", f"Bearer {self.token}")
        request.add_header("Accept", "application/json")
        request.add_header("Accept-Language", "en")
        if body is not None:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
                return json.loads(response.read() or b"null"), dict(response.headers)
        except urllib.error.HTTPError as error:
            detail = json.loads(error.read() or b"{}")
            problems = "; ".join(f"{e['field']}: {e['message']}" for e in detail.get("errors", []))
            raise ApiError(f"{error.code} {detail.get('message', '')} {problems}".strip()) from None

    def get(self, path: str, **query: Any) -> Any:
        suffix = f"?{urllib.parse.urlencode(query)}" if query else ""
        return self.request("GET", path + suffix)[0]

    def post_json(self, path: str, data: Any) -> tuple[Any, dict[str, str]]:
        return self.request("POST", path, json.dumps(data).encode())

    def upload(self, path: str, name: str, content: bytes) -> Any:
        boundary = uuid.uuid4().hex
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                "Content-Type: text/csv\r\n\r\n"
            ).encode()
            + content
            + f"\r\n--{boundary}--\r\n".encode()
        )
        return self.request("POST", path, body, f"multipart/form-data; boundary={boundary}")[0]


def completion_statements(text: str) -> Iterator[dict[str, Any]]:
    """xAPI statements from an LMS completion report (header names as SIEVA documents them)."""
    delimiter = max((";", ",", "\t"), key=text.split("\n", 1)[0].count)
    for row in csv.DictReader(io.StringIO(text), delimiter=delimiter):
        row = {k.strip().upper().replace(" ", "_"): (v or "").strip() for k, v in row.items()}
        status = row["STATUS"].lower()
        verb = VERBS.get(status, status)
        day = dt.date.fromisoformat(row["TANGGAL"])
        statement: dict[str, Any] = {
            "id": str(uuid.uuid5(NAMESPACE, f"{row['NIP']}|{row['ID_AKTIVITAS']}|{verb}|{day}")),
            "actor": {"objectType": "Agent", "account": {"homePage": "lms", "name": row["NIP"]}},
            "verb": {"id": VERB_IRI + verb},
            "object": {"objectType": "Activity", "id": row["ID_AKTIVITAS"]},
            "timestamp": f"{day.isoformat()}T12:00:00+07:00",
        }
        result: dict[str, Any] = {}
        if row.get("DURASI_MENIT"):
            result["duration"] = f"PT{int(float(row['DURASI_MENIT']))}M"
        if row.get("NILAI"):
            result["score"] = {"raw": float(row["NILAI"]), "min": 0, "max": 100}
        if result:
            statement["result"] = result
        yield statement


def sync(sieva: Sieva, args: argparse.Namespace, out: Any) -> None:
    if args.employees:
        with open(args.employees, "rb") as handle:
            counts = sieva.upload(
                "/api/v1/employees/import/", os.path.basename(args.employees), handle.read()
            )
        print(f"employees: {counts['created']} created, {counts['updated']} updated", file=out)
    if args.completions:
        with open(args.completions, encoding="utf-8-sig") as handle:
            statements = list(completion_statements(handle.read()))
        totals = {"Applied": 0, "Pending": 0, "Duplicates": 0}
        for start in range(0, len(statements), BATCH):
            _ids, headers = sieva.post_json(
                "/api/v1/xapi/statements", statements[start : start + BATCH]
            )
            for name in totals:
                totals[name] += int(headers.get(f"X-Sieva-{name}", 0))
        print(
            f"statements: {len(statements)} sent, {totals['Applied']} applied, "
            f"{totals['Pending']} waiting for a mapping, {totals['Duplicates']} already known",
            file=out,
        )
    if args.program:
        body = sieva.get(f"/api/v1/programs/{args.program}/evaluation/", year=args.year)
        print(f"evaluation of program {body['program_id']}, year {body['year']}:", file=out)
        for figure in body["figures"]:
            value = "—" if figure["value"] is None else f"{figure['value']:.1f}{figure['unit']}"
            interval = ""
            if figure["ci_low"] is not None:
                interval = f" [{figure['ci_low']:.1f}; {figure['ci_high']:.1f}]"
            print(f"  {figure['path']}: {value}{interval} (n = {figure['n']})", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--url", required=True, help="SIEVA's address, e.g. https://sieva.example.go.id"
    )
    parser.add_argument("--employees", help="employee CSV in SIEVA's import columns")
    parser.add_argument("--completions", help="LMS completion report CSV")
    parser.add_argument("--program", type=int, help="program id to read the evaluation of")
    parser.add_argument(
        "--year", type=int, default=dt.datetime.now(dt.UTC).year, help="cohorts starting in it"
    )
    args = parser.parse_args(argv)
    token = os.environ.get("SIEVA_TOKEN", "")
    if not token:
        parser.error("set SIEVA_TOKEN to a token from Akun → Token API")
    try:
        sync(Sieva(args.url, token), args, sys.stdout)
    except ApiError as error:
        print(f"SIEVA refused: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
