"""The public SKM form under load on the production stack (issue 10, item 5).

    .venv/bin/python benchmarks/public_form.py [--seconds 20] [--connections 32] [--units 40]

Creates a fresh PostgreSQL database (dropped afterwards), migrates it, builds ``--units``
service units each with a public link and a registered counter tablet, collects static files
and starts `sieva serve` (gunicorn with the default 2 × cores + 1 workers, the task worker and
the scheduler) with Redis db 6 as the cache. A load client on the same machine (asyncio, one
process, a new connection per request as gunicorn's sync workers close each one) then runs
two fixed-time phases against random units:

1. form GETs of the public link (each visitor gets its own CSRF token);
2. submissions, half through counter tablets, half from "phones" with distinct addresses
   (X-Forwarded-For from the trusted local proxy), each with a unique marker in the service
   field; every connection posts with the CSRF pair it fetched once.

It then checks what is stored against what the server acknowledged (302): no acknowledged
submission lost, none stored twice, and the running aggregates equal to totals recomputed from
the stored rows. Targets (2 cores): ≥ 1,000 GETs/s, ≥ 300 submissions/s, p95 ≤ 100 ms,
0 lost or double-counted. Prints the figures and the machine's load; exits 1 on a miss.

The kiosk burst limit (`SIEVA_SKM_KIOSK_BURST_LIMIT`) is raised for the run: a real tablet
sends one citizen a minute, the benchmark sends dozens a second through each.
"""

import argparse
import asyncio
import os
import random
import re
import secrets
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

GET_TARGET = 1000.0
POST_TARGET = 300.0
P95_TARGET_MS = 100.0
ELEMENTS = (
    "persyaratan", "prosedur", "waktu", "biaya", "produk",
    "kompetensi", "perilaku", "pengaduan", "sarana",
)  # fmt: skip
ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS_URL = "redis://127.0.0.1:6379/6"
SETUP = """
import django; django.setup()
from sieva.org.models import OrgKind, OrgUnit
from sieva.satisfaction.models import SkmLink
from sieva.satisfaction.services.kiosk import counter_device_register
root = OrgUnit.objects.create(kind=OrgKind.NATIONAL, code="ID", name="Indonesia")
city = OrgUnit.objects.create(kind=OrgKind.CITY, code="1275", name="Kota Medan", parent=root)
for i in range({units}):
    unit = OrgUnit.objects.create(
        kind=OrgKind.SERVICE_UNIT, code=f"PKM-{{i:03d}}", name=f"Puskesmas {{i}}", parent=city
    )
    link = SkmLink.objects.create(unit=unit)
    _device, token = counter_device_register(unit=unit, name="Tablet 1", actor=None)
    print(link.token, token)
"""


def _cpu_seconds(root: int, database: str) -> float:
    """CPU time (user + system) of the server: every descendant of `root` (gunicorn, its
    workers, the task worker, the scheduler) and the PostgreSQL backends serving `database`.
    Redis is shared with other work on the machine and left out (it is a small share)."""
    tick = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, int]] = {}  # pid -> (parent, ticks)
    backends = 0
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            ticks = int(fields[11]) + int(fields[12])
            stats[int(proc.name)] = (int(fields[1]), ticks)
            if f" {database} ".encode() in (proc / "cmdline").read_bytes().replace(b"\0", b" "):
                backends += ticks
        except (OSError, ValueError, IndexError):
            continue
    ours, total = {root}, 0
    for _ in range(4):  # serve -> run_together children -> gunicorn workers
        ours |= {pid for pid, (parent, _t) in stats.items() if parent in ours}
    total = sum(ticks for pid, (_p, ticks) in stats.items() if pid in ours)
    return (total + backends) / tick


@dataclass
class Phase:
    name: str
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0
    seconds: float = 0.0
    server_cpu: float = 0.0
    client_cpu: float = 0.0

    def cpu_line(self) -> str:
        n = len(self.latencies) or 1
        server, client = self.server_cpu / n * 1000, self.client_cpu / n * 1000
        # On 2 cores of its own, server and load client would share them; the rate they allow:
        capacity = 2000 / (server + client) if server + client else 0.0
        return (
            f"    CPU per request: server with its PostgreSQL backends {server:.2f} ms, "
            f"load client {client:.2f} ms "
            f"-> {capacity:,.0f}/s if both had the 2 cores to themselves"
        )

    def record(self, status: int, latency: float) -> None:
        self.statuses[status] = self.statuses.get(status, 0) + 1
        self.latencies.append(latency)

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else 0.0


async def _request(port: int, raw: bytes) -> tuple[int, dict[str, list[str]], bytes]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(raw)
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        headers: dict[str, list[str]] = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers.setdefault(name.strip().lower(), []).append(value.strip())
        length = int(headers.get("content-length", ["0"])[0])
        body = await reader.readexactly(length) if length else await reader.read()
        return status, headers, body
    finally:
        writer.close()


def _get(path: str, cookie: str = "") -> bytes:
    extra = f"Cookie: {cookie}\r\n" if cookie else ""
    return (f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}Connection: close\r\n\r\n").encode()


def _post(path: str, cookie: str, body: str, address: str, agent: str) -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookie}\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
        f"X-Forwarded-For: {address}\r\nUser-Agent: {agent}\r\nReferer: http://127.0.0.1{path}\r\n"
        f"Connection: close\r\n\r\n{body}"
    ).encode()


async def _csrf_pair(port: int, path: str) -> tuple[str, str]:
    _status, headers, body = await _request(port, _get(path))
    cookie = next(c.split(";")[0] for c in headers["set-cookie"] if c.startswith("csrftoken="))
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    assert token is not None, body[:500]
    return cookie, token.group(1).decode()


async def _get_worker(port: int, links: list[str], phase: Phase, stop: float) -> None:
    while time.perf_counter() < stop:
        started = time.perf_counter()
        try:
            status, _h, _b = await _request(port, _get(random.choice(links)))
            phase.record(status, time.perf_counter() - started)
        except (OSError, asyncio.IncompleteReadError):
            phase.errors += 1


async def _post_worker(
    port: int,
    worker: int,
    targets: list[tuple[str, bool]],
    phase: Phase,
    stop: float,
    acknowledged: set[str],
) -> None:
    path, kiosk = random.choice(targets)
    cookie, token = await _csrf_pair(port, path)
    n = 0
    while time.perf_counter() < stop:
        n += 1
        marker = f"bench-{worker}-{n}"
        answers = "&".join(f"{e}={random.randint(1, 4)}" for e in ELEMENTS)
        body = f"csrfmiddlewaretoken={token}&{answers}&service={marker}"
        # A phone: its own address and browser; a tablet: the counter's connection.
        address = "192.0.2.1" if kiosk else f"10.{worker}.{n // 250 % 250}.{n % 250 + 1}"
        agent = f"bench-phone-{worker}-{n}"
        started = time.perf_counter()
        try:
            status, _h, _b = await _request(port, _post(path, cookie, body, address, agent))
        except (OSError, asyncio.IncompleteReadError):
            phase.errors += 1
            continue
        phase.record(status, time.perf_counter() - started)
        if status == 302:
            acknowledged.add(marker)


async def _run(
    port: int,
    connections: int,
    seconds: float,
    links: list[str],
    kiosks: list[str],
    root: int,
    database: str,
) -> tuple[Phase, Phase, set[str]]:
    # Warm-up, not counted: every worker imports its modules and meets each unit's form once.
    warm = Phase("warm-up")
    stop = time.perf_counter() + 5.0
    await asyncio.gather(*(_get_worker(port, links, warm, stop) for _ in range(connections)))
    gets = Phase("GET form")
    stop = time.perf_counter() + seconds
    started, cpu, own = time.perf_counter(), _cpu_seconds(root, database), time.process_time()
    await asyncio.gather(*(_get_worker(port, links, gets, stop) for _ in range(connections)))
    gets.seconds = time.perf_counter() - started
    gets.server_cpu = _cpu_seconds(root, database) - cpu
    gets.client_cpu = time.process_time() - own
    posts = Phase("POST submission")
    acknowledged: set[str] = set()
    targets = [(p, False) for p in links] + [(p, True) for p in kiosks]
    stop = time.perf_counter() + seconds + 1.0
    started, cpu, own = time.perf_counter(), _cpu_seconds(root, database), time.process_time()
    await asyncio.gather(
        *(_post_worker(port, w, targets, posts, stop, acknowledged) for w in range(connections))
    )
    posts.seconds = time.perf_counter() - started
    posts.server_cpu = _cpu_seconds(root, database) - cpu
    posts.client_cpu = time.process_time() - own
    return gets, posts, acknowledged


def _check(dsn: str, acknowledged: set[str]) -> dict[str, int]:
    """Stored rows and aggregates against the acknowledged submissions."""
    with psycopg.connect(dsn) as conn:
        rows = conn.execute(
            "SELECT service, count(*) FROM satisfaction_skmresponse GROUP BY service"
        ).fetchall()
        held = conn.execute(
            "SELECT count(*) FROM satisfaction_skmheldresponse WHERE status = 'tunggu'"
        ).fetchone()
        stored = dict(rows)
        mismatched = conn.execute(
            """
            WITH raw AS (
              SELECT unit_id, period, e.element, count(e.value) AS n, sum(e.value) AS total
              FROM satisfaction_skmresponse r,
                   LATERAL (VALUES ('persyaratan', r.persyaratan), ('prosedur', r.prosedur),
                     ('waktu', r.waktu), ('biaya', r.biaya), ('produk', r.produk),
                     ('kompetensi', r.kompetensi), ('perilaku', r.perilaku),
                     ('pengaduan', r.pengaduan), ('sarana', r.sarana)) AS e(element, value)
              GROUP BY unit_id, period, e.element)
            SELECT count(*) FROM raw FULL JOIN satisfaction_skmaggregate a
              USING (unit_id, period, element)
            WHERE raw.n IS DISTINCT FROM a.count OR raw.total IS DISTINCT FROM a.total
            """
        ).fetchone()
        respondents = conn.execute(
            """
            SELECT count(*) FROM (SELECT unit_id, period, count(*) AS n
              FROM satisfaction_skmresponse GROUP BY unit_id, period) raw
            FULL JOIN satisfaction_skmunitperiod p USING (unit_id, period)
            WHERE raw.n IS DISTINCT FROM p.respondents
            """
        ).fetchone()
    # A held submission is acknowledged too (the citizen is thanked) but stored for review.
    held_count = held[0] if held else 0
    return {
        "acknowledged": len(acknowledged),
        "stored": sum(stored.values()),
        "held for review": held_count,
        "lost": len(acknowledged - set(stored)) - held_count,
        "stored twice": sum(1 for c in stored.values() if c > 1),
        "stored, not acknowledged": len(set(stored) - acknowledged),
        "aggregate cells differing from the rows": mismatched[0] if mismatched else -1,
        "unit-months whose respondents differ": respondents[0] if respondents else -1,
    }


def _load() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--port", type=int, default=8761)
    args = parser.parse_args()

    name = f"sieva_bench_form_{secrets.token_hex(4)}"
    dsn = f"postgresql://postgres@127.0.0.1:5432/{name}"
    bin_dir = Path(sys.executable).parent
    with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    server = None
    try:
        with tempfile.TemporaryDirectory() as var:
            env = dict(os.environ)
            env.pop("SIEVA_DEBUG", None)
            env.update(
                DJANGO_SETTINGS_MODULE="sieva.config.settings",
                DATABASE_URL=dsn,
                REDIS_URL=REDIS_URL,
                SIEVA_VAR_DIR=var,
                SIEVA_SECRET_KEY="benchmark-only-not-secret",  # noqa: S106 - a throwaway run
                SIEVA_PSEUDONYM_KEY="benchmark-only-not-secret",
                SIEVA_HTTPS="0",
                SIEVA_ALLOWED_HOSTS="127.0.0.1,localhost",
                SIEVA_SKM_KIOSK_BURST_LIMIT="1000000",
                SIEVA_LOG_LEVEL="ERROR",
            )
            subprocess.run(["redis-cli", "-n", "6", "FLUSHDB"], check=True, capture_output=True)
            sieva = str(bin_dir / "sieva")
            subprocess.run([sieva, "migrate", "-v0"], env=env, check=True)
            subprocess.run([sieva, "collectstatic", "--noinput", "-v0"], env=env, check=True)
            setup = SETUP.format(units=args.units)
            out = subprocess.run(
                [sys.executable, "-c", setup], env=env, check=True, capture_output=True, text=True
            ).stdout.split()
            links = [f"/skm/isi/{t}/" for t in out[0::2]]
            kiosks = [f"/skm/loket/{t}/" for t in out[1::2]]
            server = subprocess.Popen(
                [sieva, "serve", "--bind", f"127.0.0.1:{args.port}"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            _wait_for(args.port, links[0])
            print(f"server: sieva serve, {os.cpu_count()} cores; before the run: {_load()}")
            gets, posts, acknowledged = asyncio.run(
                _run(args.port, args.connections, args.seconds, links, kiosks, server.pid, name)
            )
            print(f"after the run: {_load()}")
            figures = _check(dsn, acknowledged)
    finally:
        if server is not None:
            os.killpg(server.pid, 15)
            server.wait(timeout=30)
        with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        subprocess.run(["redis-cli", "-n", "6", "FLUSHDB"], check=False, capture_output=True)
    return _report(gets, posts, figures)


def _wait_for(port: int, path: str) -> None:
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            status, _h, _b = asyncio.run(_request(port, _get(path)))
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("the server did not start within 60 s")


def _report(gets: Phase, posts: Phase, figures: dict[str, int]) -> int:
    ok = True
    for phase, target in ((gets, GET_TARGET), (posts, POST_TARGET)):
        p95 = phase.percentile(0.95)
        hit = phase.rate >= target and p95 <= P95_TARGET_MS and phase.errors == 0
        ok &= hit
        print(
            f"{phase.name}: {phase.rate:,.0f}/s over {phase.seconds:.1f} s "
            f"(target {target:,.0f}/s), p50 {phase.percentile(0.5):.1f} ms, "
            f"p95 {p95:.1f} ms (target {P95_TARGET_MS:.0f}), statuses {phase.statuses}, "
            f"connection errors {phase.errors} — {'met' if hit else 'MISSED'}"
        )
        print(phase.cpu_line())
    for key, value in figures.items():
        print(f"  {key}: {value}")
    consistent = (
        figures["lost"] == 0
        and figures["stored twice"] == 0
        and figures["stored, not acknowledged"] == 0
        and figures["aggregate cells differing from the rows"] == 0
        and figures["unit-months whose respondents differ"] == 0
    )
    print(
        f"consistency (0 lost, 0 double-counted, aggregates = rows): {'met' if consistent else 'MISSED'}"
    )
    return 0 if ok and consistent else 1


if __name__ == "__main__":
    raise SystemExit(main())
