"""`sieva serve` runs the production stack: gunicorn with DEBUG off, hashed static files, the
shared Redis cache, and a worker that runs what the scheduler enqueues.

The stack runs in its own processes on a fresh SQLite file, as `make serve` would start it.
CI starts Redis on 127.0.0.1:6379; without it this test fails (it is part of the suite).
"""

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
import redis

REDIS_URL = "redis://127.0.0.1:6379/13"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, **headers: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - our local server
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _sieva(*args: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "sieva.cli", *args], env=env, check=True)  # noqa: S603


@pytest.fixture
def stack(tmp_path):
    try:
        redis.Redis.from_url(REDIS_URL).flushdb()
    except redis.ConnectionError:
        pytest.fail("Redis is not reachable on 127.0.0.1:6379; CI starts it (see README).")
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SIEVA_", "DATABASE_URL", "DJANGO_"))
    }
    env.update(
        SIEVA_VAR_DIR=str(tmp_path),
        SIEVA_SECRET_KEY="serve-test-secret-key-0123456789abcdef",  # noqa: S106
        SIEVA_PSEUDONYM_KEY="serve-test-pseudonym-key",
        SIEVA_HTTPS="0",
        SIEVA_WEB_WORKERS="2",
        REDIS_URL=REDIS_URL,
    )
    _sieva("migrate", "--noinput", "-v", "0", env=env)
    _sieva("collectstatic", "--noinput", "-v", "0", env=env)
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "sieva.cli", "serve", "--bind", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            _get(base + "/akun/login/")
            break
        except OSError:
            time.sleep(0.2)
    yield base, tmp_path / "sieva.sqlite3"
    server.send_signal(2)  # Ctrl-C: every process of the stack stops
    server.wait(timeout=30)


def test_the_production_stack_serves_pages_static_files_and_runs_background_work(stack):
    base, database = stack
    status, page = _get(base + "/akun/login/")
    assert status == 200
    assert "Masuk ke SIEVA" in page  # Indonesian by default
    css = re.search(r'href="(/static/sieva/sieva\.[0-9a-f]{12}\.css)"', page)
    assert css, "static files are served under hashed names"
    assert _get(base + css.group(1))[0] == 200

    status, page = _get(base + "/tidak-ada/")
    assert status == 404 and "Halaman tidak ditemukan" in page and "Traceback" not in page
    assert _get(base + "/akun/login/", Host="evil.example")[0] == 400

    # The scheduler enqueues the periodic evaluation at start; the worker runs it.
    for _ in range(100):
        with sqlite3.connect(database) as connection:
            rows = connection.execute(
                "SELECT status FROM django_tasks_database_dbtaskresult WHERE task_path LIKE ?",
                ("%run_due_evaluations",),
            ).fetchall()
        if rows and rows[0][0] == "SUCCESSFUL":
            break
        time.sleep(0.3)
    assert rows == [("SUCCESSFUL",)]
    # The scheduler's claim lives in Redis, shared by every process of the stack.
    assert redis.Redis.from_url(REDIS_URL).keys("*periodic*")
