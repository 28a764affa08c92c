"""`sieva run` / `sieva serve` keep their processes together: one dies, all stop."""

import signal
import subprocess
import sys
import textwrap
import time

from sieva.core.processes import Process, run_together

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


def test_when_one_process_ends_the_others_are_stopped_and_its_status_returned(tmp_path):
    started = time.monotonic()
    status = run_together(
        [
            Process("web", SLEEPER),
            Process("worker", [sys.executable, "-c", "raise SystemExit(3)"]),
        ],
        log=open(tmp_path / "log", "w"),  # noqa: SIM115
    )
    assert status == 3
    assert time.monotonic() - started < 15  # the sleeper was stopped, not waited for
    assert "stopping the others" in (tmp_path / "log").read_text()


def test_ctrl_c_stops_every_child():
    script = textwrap.dedent(
        """
        import sys
        from sieva.core.processes import Process, run_together
        sleeper = [sys.executable, "-c", "import time; time.sleep(60)"]
        status = run_together([Process("a", sleeper), Process("b", sleeper)])
        print("status", status)
        """
    )
    parent = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True
    )
    time.sleep(1.5)
    parent.send_signal(signal.SIGINT)
    out, _ = parent.communicate(timeout=20)
    assert parent.returncode == 0
    assert "a stopped" in out and "b stopped" in out and "status 0" in out
