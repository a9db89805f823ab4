"""The servers: slow clients, answers of the HTTP layer, versions, debug, binds, control sockets."""

from __future__ import annotations

import os
import re
import socket
import stat
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from partnermap import app as app_module
from partnermap import server
from partnermap.app import create_app
from partnermap.cli import main
from partnermap.server import bind_warning, gunicorn_options
from partnermap.worker import request_is_whole

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serving(extra: list[str]) -> Iterator[int]:
    """``partnermap serve`` on the dashboard fixture, on a free port, until the test ends."""
    port = _free_port()
    command = [sys.executable, "-m", "partnermap", "serve", "--port", str(port), *extra]
    command += ["--data", str(FIXTURES / "dashboard")]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        for line in process.stderr or []:  # wait for the server to say it listens
            if "Booting worker" in line or "Running on" in line:
                break
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=120):
            pass
        yield port
    finally:
        process.terminate()
        process.communicate(timeout=60)


@pytest.fixture(scope="module")
def production() -> Iterator[int]:
    """One worker of eight threads: eight slow clients were enough to stop it."""
    yield from _serving(["--workers", "1"])


@pytest.fixture(scope="module")
def development() -> Iterator[int]:
    yield from _serving([])


def raw(port: int, request: bytes) -> tuple[str, dict[str, str], str]:
    """Send ``request`` as it is; return the status line, headers and body of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.decode("latin-1").partition("\r\n\r\n")
    status, *lines = head.split("\r\n")
    return status, dict(line.split(": ", 1) for line in lines), body


def test_slow_clients_do_not_stop_production_mode(production: int) -> None:
    slow = [socket.create_connection(("127.0.0.1", production)) for _ in range(16)]
    try:
        for sock in slow:  # half a request head each, then nothing
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n")
        for _ in range(3):
            url = f"http://127.0.0.1:{production}/"
            with urllib.request.urlopen(url, timeout=60) as response:
                assert response.status == 200
    finally:
        for sock in slow:
            sock.close()


BAD_REQUESTS = {
    "414": b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    "431": b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-A: b\r\n" * 120 + b"\r\n",
    "400": b"GET /<script>x</script> HTTP/9.9\r\nHost: x\r\n\r\n",
}


@pytest.mark.parametrize("server_kind", ["production", "development"])
@pytest.mark.parametrize("code", BAD_REQUESTS)
def test_answers_of_the_http_layer_carry_the_headers_and_no_echo(
    request: pytest.FixtureRequest, server_kind: str, code: str
) -> None:
    port = request.getfixturevalue(server_kind)
    request_line = BAD_REQUESTS[code]
    if server_kind == "development" and code == "414":
        request_line = b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
    status, headers, body = raw(port, request_line)
    assert status.split(" ")[1] in ({code} if code != "400" else {"400", "505"}), status
    for name in SECURITY:
        assert name in headers, (status, headers)
    assert "aaaa" not in body and "<script>" not in body and "X-A" not in body


@pytest.mark.parametrize("server_kind", ["production", "development"])
def test_no_version_in_the_server_header_or_the_page(
    request: pytest.FixtureRequest, server_kind: str
) -> None:
    port = request.getfixturevalue(server_kind)
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60) as response:
        page = response.read().decode()
        assert not re.search(r"\d", response.headers["Server"]), response.headers["Server"]
    import dash
    import plotly

    versions = [dash.__version__, plotly.__version__, sys.version.split()[0]]
    versions += [v.replace(".", "_") for v in versions]
    assert not [v for v in versions if v in page]
    assert "python_version" not in page and "dash_version" not in page


def test_debug_never_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASK_DEBUG", "1")
    client = create_app(FIXTURES / "dashboard").server.test_client()
    assert not client.application.debug
    answer = client.post("/_dash-update-component", data="{", content_type="application/json")
    assert answer.status_code == 400 and "Traceback" not in answer.get_data(as_text=True)


class _Stub:
    def run(self, **_: object) -> None:
        return None


@pytest.mark.parametrize(("host", "warned"), [("0.0.0.0", True), ("::", True), ("127.0.0.1", False), ("::1", False), ("localhost", False)])  # fmt: skip
def test_a_bind_beyond_loopback_is_warned_of(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], host: str, warned: bool
) -> None:
    monkeypatch.setattr(app_module, "create_app", lambda *a: _Stub())
    assert main(["serve", "--host", host]) == 0
    errors = capsys.readouterr().err
    assert ("warning: --host" in errors) == warned
    assert (bind_warning(host) is not None) == warned


def test_each_instance_has_its_own_control_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    first = Path(gunicorn_options("127.0.0.1", 8050, 1)["control_socket"])
    second = Path(gunicorn_options("127.0.0.1", 8051, 1)["control_socket"])
    assert first != second
    home = Path(os.path.expanduser("~")) / ".gunicorn"
    for path in (first, second):
        assert not path.is_relative_to(home)
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert server.gunicorn_options("::1", 1, 1)["worker_class"].endswith("WholeRequestWorker")


@pytest.mark.parametrize(
    ("data", "whole"),
    [
        (b"GET / HTTP/1.1\r\nHost: a\r\n", None),
        (b"GET / HTTP/1.1\r\nHost: a\r\n\r\n", True),
        (b"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n{}", None),
        (b"POST / HTTP/1.1\r\ncontent-length: 2\r\n\r\n{}", True),
        (b"POST / HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n", True),
        (b"POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 9\r\n\r\n", True),
        (b"GET / HTTP/1.1\r\n" + b"X: y\r\n" * 20_000, False),
    ],
)
def test_a_request_is_whole_when_its_head_and_body_are_there(
    data: bytes, whole: bool | None
) -> None:
    assert request_is_whole(data) is whole
