"""A server started as a process, and the line it prints once it listens."""

from __future__ import annotations

import os
import selectors
import subprocess
import time


def wait_for_output(process: subprocess.Popen, marker: bytes, timeout_s: float = 180.0) -> bytes:
    """Read ``process``'s stderr until it holds ``marker``; return everything read.

    A server prints such a line once its socket is bound (werkzeug: "Running on …", gunicorn:
    "Booting worker …"), so a request sent after it cannot find the port closed.
    """
    assert process.stderr is not None, "start the process with stderr=subprocess.PIPE"
    selector = selectors.DefaultSelector()
    selector.register(process.stderr, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout_s
    seen = b""
    while marker not in seen:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not selector.select(remaining):
            raise TimeoutError(f"no {marker!r} within {timeout_s:.0f} s: {seen[-2000:]!r}")
        chunk = os.read(process.stderr.fileno(), 65536)
        if not chunk:
            raise RuntimeError(f"the server stopped before {marker!r}: {seen[-2000:]!r}")
        seen += chunk
    selector.close()
    return seen
