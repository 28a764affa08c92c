"""Run the web server, the task worker and the scheduler as one unit.

`sieva run` (development) and `sieva serve` (production) both start three processes and stop
them together: Ctrl-C or SIGTERM reaches every child, and if one child dies the others are
stopped too, so a server never runs without its worker (a background job nobody runs is not
a feature).
"""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Process", "run_together"]

GRACE_SECONDS = 10


@dataclass(frozen=True)
class Process:
    name: str
    argv: Sequence[str]


def sieva_command(*args: str) -> list[str]:
    """`sieva <args>` run by the same interpreter, whatever PATH says."""
    return [sys.executable, "-m", "sieva.cli", *args]


def run_together(processes: Sequence[Process], *, log: object = sys.stdout) -> int:
    """Start every process, wait until one exits or a signal arrives, then stop the rest.

    Returns the exit status of the first process that ended (0 after Ctrl-C/SIGTERM)."""
    children: dict[str, subprocess.Popen[bytes]] = {}
    stopping = False

    def _stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        for process in processes:
            # A new process group: Ctrl-C in the terminal reaches us, and we decide the order.
            children[process.name] = subprocess.Popen(  # noqa: S603 - our own argv
                list(process.argv), start_new_session=True, env=os.environ.copy()
            )
            print(f"[sieva] {process.name} started (pid {children[process.name].pid})", file=log)
        status = 0
        while not stopping:
            ended = [(name, child) for name, child in children.items() if child.poll() is not None]
            if ended:
                name, child = ended[0]
                status = child.returncode or 0
                print(f"[sieva] {name} stopped (exit {status}); stopping the others", file=log)
                break
            time.sleep(0.2)
        _terminate(children, log)
        return status
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _terminate(children: dict[str, "subprocess.Popen[bytes]"], log: object) -> None:
    for child in children.values():
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGTERM)
    deadline = time.monotonic() + GRACE_SECONDS
    for name, child in children.items():
        try:
            child.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
        print(f"[sieva] {name} stopped", file=log)
