"""Start a dashboard server as its own process; time its cold start and read its memory."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

VENV_BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Server:
    """A running server process."""

    process: subprocess.Popen
    url: str
    #: From starting the process to the first page answered.
    cold_start_s: float

    def memory_mb(self) -> tuple[float, float]:
        """Resident memory now and at its peak (VmRSS, VmHWM), in MB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        rss, hwm = (int(re.search(rf"{key}:\s+(\d+)", status)[1]) for key in ("VmRSS", "VmHWM"))
        return rss / 1024, hwm / 1024


def app_command(data_dir: Path | None, port: int) -> list[str]:
    """``partnermap serve`` on ``data_dir`` (the embedded data when None)."""
    data = ["--data", str(data_dir)] if data_dir else []
    return [str(VENV_BIN / "partnermap"), "serve", "--port", str(port), *data]


def baseline_command(data_dir: Path, port: int) -> list[str]:
    """The naive dashboard (``partnermap.benchmarks.baseline``) on ``data_dir``."""
    module = "partnermap.benchmarks.baseline"
    return [sys.executable, "-m", module, "--data", str(data_dir), "--port", str(port)]


def free_port() -> int:
    """A TCP port free on the loopback interface just now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running(
    command: Sequence[str],
    port: int,
    log: Path,
    timeout_s: float = 900,
    env: Mapping[str, str] | None = None,
) -> Iterator[Server]:
    """Start ``command`` (a server on ``port``), wait for its first page, stop it at the end.

    ``env`` adds to the environment the server starts with (e.g. its own ``XDG_CACHE_HOME``).
    """
    url = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited with {process.returncode}; see {log}")
            if time.perf_counter() - started > timeout_s:
                raise TimeoutError(f"{command[0]} did not answer within {timeout_s:.0f} s")
            try:
                with urllib.request.urlopen(url + "/", timeout=5) as response:
                    response.read()
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.02)
        yield Server(process, url, time.perf_counter() - started)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
