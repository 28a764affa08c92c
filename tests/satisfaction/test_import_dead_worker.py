"""A background SKM import whose worker is killed (kill -9) mid-job: after the lease runs out
the scheduler ends it as failed, nothing of the file is stored, the upload is gone, and a
retry on the same file imports it.

A real `sieva db_worker` and `sieva scheduler` run in their own processes on a fresh SQLite
file, as `sieva run` starts them (core/processes.py).
"""

import datetime as dt
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROWS = 20_000  # seconds of work: the job is caught running and killed at once
LEASE_SECONDS = 3
ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SIEVA_", "DATABASE_URL", "DJANGO_", "REDIS_URL"))
    }
    env.update(
        SIEVA_DEBUG="1",
        SIEVA_VAR_DIR=str(tmp_path),
        SIEVA_JOB_HEARTBEAT_SECONDS="1",
        SIEVA_JOB_LEASE_SECONDS=str(LEASE_SECONDS),
        PYTHONPATH=str(ROOT),
    )
    return env


def _sieva(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run(  # noqa: S603 - our own command
        [sys.executable, "-m", "sieva.cli", *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def _step(code: str, env: dict[str, str]) -> str:
    return _sieva(
        "shell", "-c", f"from tests.satisfaction import dead_worker_steps as s; {code}", env=env
    )


def _worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 - our own command
        [sys.executable, "-m", "sieva.cli", "db_worker", "--no-reload", "--interval", "0.2"],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )


def _query(database: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(database, timeout=30) as connection:
        return connection.execute(sql, params).fetchall()


def _job(database: Path, job_id: int) -> tuple:
    return _query(
        database,
        "SELECT status, length(content), rows, error_count, errors FROM satisfaction_skmimportjob"
        " WHERE id = ?",
        job_id,
    )[0]


def _wait(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_a_killed_worker_s_job_ends_failed_stores_nothing_drops_its_upload_and_retries(tmp_path):
    env = _env(tmp_path)
    database = tmp_path / "sieva.sqlite3"
    _sieva("migrate", "--noinput", "-v", "0", env=env)
    job_id = int(re.search(r"job=(\d+)", _step(f"s.start({ROWS})", env)).group(1))
    status, content, *_rest = _job(database, job_id)
    assert status == "antre" and content > 100_000  # the upload waits on the job

    worker = _worker(env)
    try:
        _wait(lambda: _job(database, job_id)[0] == "berjalan", 120, "the worker to take the job")
        assert _query(database, "SELECT kind, key FROM core_joblease") == [
            ("skm.import", str(job_id))
        ]
        os.killpg(worker.pid, signal.SIGKILL)  # mid-job: no handler runs, no commit happens
        killed_at = time.monotonic()
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)

    time.sleep(max(0.0, LEASE_SECONDS + 1 - (time.monotonic() - killed_at)))
    reaped = _sieva("scheduler", "--once", env=env)
    assert f"skm.import {job_id}" in reaped
    # Only a lease left unrenewed for the whole lease time counts as lost.
    ((heartbeat, lost),) = _query(database, "SELECT heartbeat_at, lost_at FROM core_joblease")
    unrenewed = dt.datetime.fromisoformat(lost) - dt.datetime.fromisoformat(heartbeat)
    assert unrenewed >= dt.timedelta(seconds=LEASE_SECONDS)

    status, content, rows, error_count, errors = _job(database, job_id)
    assert (status, content, rows, error_count) == ("gagal", 0, 0, 1)
    assert "tidak ada yang disimpan" in errors
    assert _query(database, "SELECT count(*) FROM satisfaction_skmresponse") == [(0,)]
    assert _query(database, "SELECT count(*) FROM satisfaction_skmaggregate") == [(0,)]
    assert _query(database, "SELECT count(*) FROM satisfaction_skmimport") == [(0,)]

    _step(f"s.retry({job_id}, {ROWS})", env)
    assert _job(database, job_id)[0] == "antre"
    worker = _worker(env)
    try:
        _wait(lambda: _job(database, job_id)[0] in ("selesai", "gagal"), 300, "the retry")
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
    assert _job(database, job_id)[:3] == ("selesai", 0, ROWS), _job(database, job_id)[4][:300]
    assert _query(database, "SELECT count(*) FROM satisfaction_skmresponse") == [(ROWS,)]
    assert _query(database, "SELECT count(*) FROM core_joblease") == [(0,)]  # retried, released
    actions = _query(database, "SELECT action FROM audit_auditevent ORDER BY id")
    assert ("skm.import_retried",) in actions
