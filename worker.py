"""The gunicorn worker of ``serve --workers``: a thread only for a request that has arrived whole.

gunicorn's threaded worker gives a connection a thread as soon as its first bytes arrive, and
the thread then waits for the rest. Sixteen clients that send half a request head and wait
hold every thread of two workers, and the dashboard stops answering (issue 19). Here the
worker's event loop peeks at what has arrived and hands the connection to a thread only once
the head and body are whole; until then the connection waits in the loop, costing no thread,
for at most ``REQUEST_DEADLINE`` seconds.

Answers the HTTP layer writes itself (400, 414, 431) carry the same security headers as the
app's, a short plain text, and nothing of the request.
"""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Mapping
from typing import Any

from gunicorn.workers import gthread

from partnermap.server import security_headers

#: Seconds a client has to send a whole request once it starts one.
REQUEST_DEADLINE = 10.0
#: The largest request head waited for; browsers send a few kB.
MAX_HEAD_BYTES = 64 * 1024
#: Bodies up to this size are waited for in the loop (``server.MAX_REQUEST_BYTES``); a larger
#: declared body goes straight to a thread, where the app refuses it (413) without reading it.
MAX_BODY_BYTES = 256 * 1024

_LENGTH = re.compile(rb"\r\ncontent-length:[ \t]*(\d{1,12})[ \t]*(?=\r\n|$)", re.IGNORECASE)
#: Heads a thread must answer before the client sends more: chunked bodies and 100-continue.
_THREAD_NOW = re.compile(rb"\r\n(transfer-encoding|expect):", re.IGNORECASE)


def request_is_whole(data: bytes) -> bool | None:
    """Whether ``data`` (the start of a connection's bytes) holds a whole request.

    Returns
    -------
    bool or None
        True when the head and the body it declares are all there (or when a thread must
        answer now: a chunked body, ``Expect: 100-continue``, a body too large to wait for);
        None when more is to come; False when the head is larger than ``MAX_HEAD_BYTES``.

    Examples
    --------
    >>> request_is_whole(b"GET / HTTP/1.1\\r\\nHost: a\\r\\n")
    >>> request_is_whole(b"POST / HTTP/1.1\\r\\nContent-Length: 2\\r\\n\\r\\n{}")
    True
    """
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return None if len(data) < MAX_HEAD_BYTES else False
    head = data[:end]
    if _THREAD_NOW.search(head):
        return True
    length = _LENGTH.search(head)
    declared = int(length[1]) if length else 0
    return True if declared > MAX_BODY_BYTES or len(data) >= end + 4 + declared else None


class WholeRequestWorker(gthread.ThreadWorker):
    """gunicorn's ``gthread`` worker, giving a thread only to a request that has arrived whole."""

    def handle(self, conn: Any) -> Any:
        """Serve ``conn`` if its request is whole; else hand it back to the event loop."""
        if self.cfg.is_ssl:  # the bytes are encrypted: nothing to peek at
            return super().handle(conn)
        whole = self._whole(conn)
        if whole is None:
            return gthread._DEFER  # the loop waits for more bytes without a thread
        if not whole:
            conn.sock.close()
            return False
        conn.request_started = None
        conn.data_ready = True
        return super().handle(conn)

    def _whole(self, conn: Any) -> bool | None:
        kept = conn.parser.unreader.buf.getvalue() if conn.parser is not None else b""
        try:
            peeked = conn.sock.recv(
                MAX_HEAD_BYTES + MAX_BODY_BYTES, socket.MSG_PEEK | socket.MSG_DONTWAIT
            )
        except BlockingIOError:
            peeked = None
        except OSError:
            return False
        if peeked == b"":  # the client closed: answer what it sent, or close
            return bool(kept)
        whole = request_is_whole(kept + (peeked or b""))
        if whole is not None or peeked is None:
            return whole
        started = getattr(conn, "request_started", None)
        if started is None:
            conn.request_started = time.monotonic()
        elif time.monotonic() - started > REQUEST_DEADLINE:
            return False
        return None

    def handle_error(self, req: Any, client: Any, addr: Any, exc: Exception) -> None:
        """Answer as gunicorn does, through ``_PlainAnswer``: headers, no echo of the request."""
        super().handle_error(req, _PlainAnswer(client, _ERROR_HEADERS), addr, exc)


#: The headers of gunicorn's own answers: no page of the app, so no inline script to allow.
_ERROR_HEADERS = security_headers(())


class _PlainAnswer:
    """A socket whose ``sendall`` replaces gunicorn's error page by a plain one.

    gunicorn's page repeats part of the request (escaped) and has no security headers; this
    keeps its status line and sends the reason alone, with the headers of every answer.
    """

    def __init__(self, sock: socket.socket, headers: Mapping[str, str]) -> None:
        self._sock = sock
        self._headers = headers

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)

    def sendall(self, data: bytes) -> None:
        status = data.split(b"\r\n", 1)[0].decode("latin-1")  # "HTTP/1.1 414 URI Too Long"
        body = (status.split(" ", 2)[-1] + "\n").encode("latin-1")
        lines = [
            status,
            "Connection: close",
            "Content-Type: text/plain; charset=utf-8",
            f"Content-Length: {len(body)}",
            *(f"{name}: {value}" for name, value in self._headers.items()),
        ]
        self._sock.sendall("\r\n".join(lines).encode("latin-1") + b"\r\n\r\n" + body)
