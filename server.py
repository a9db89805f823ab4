"""Serving the dashboard: security headers, bounded requests, no tracebacks, files compressed
once at the best level, and gunicorn.

``harden`` is applied by ``partnermap.app.create_app`` to every app, whichever server runs it;
``run_production`` is ``partnermap serve --workers N``.
"""

from __future__ import annotations

import atexit
import gzip
import hashlib
import ipaddress
import logging
import os
import queue
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import brotli
from dash import Dash
from dash.exceptions import DependencyException
from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException
from werkzeug.serving import WSGIRequestHandler

from partnermap.layers.regions import GEOJSON_PATH

try:
    from compression import zstd  # Python 3.14
except ImportError:
    from backports import zstd

log = logging.getLogger("partnermap.server")

#: The largest request body accepted; a callback request of the dashboard is a few kB.
MAX_REQUEST_BYTES = 256 * 1024
#: Dash's callback endpoint: a malformed request to it is the client's error, not the server's.
CALLBACK_PATH = "/_dash-update-component"
#: Where Dash serves its and plotly's scripts: the same bytes for the life of the process.
SCRIPTS_PATH = "/_dash-component-suites/"
#: Paths of files: scripts, style sheet, icon, basemap and shapes, compressed once at the best
#: level (``StaticCompression``).
STATIC_PATHS = (SCRIPTS_PATH, "/assets/", "/_favicon.ico", "/basemap/", f"/{GEOJSON_PATH}")
#: Encodings of files by preference, each at its smallest level: brotli 11 makes plotly.js
#: 1.11 MB, zstd 19 1.18 MB (higher levels gain nothing), gzip 9 1.47 MB.
BEST_LEVELS = {"br": 11, "zstd": 19, "gzip": 9}


def content_security_policy(script_hashes: Sequence[str]) -> str:
    """The Content-Security-Policy of every response.

    Scripts come from the app's own origin, plus the inline scripts Dash writes into the page,
    each allowed by its hash (``Dash.csp_hashes``). Styles need ``'unsafe-inline'``: plotly.js
    inserts ``<style>`` rules and sets ``style`` attributes as it draws, and Dash components
    take inline styles. Style injection cannot run code, and record text never reaches the page
    as markup (Dash renders it as text nodes). No ``'unsafe-eval'``: neither Dash nor plotly.js
    needs it for the traces the dashboard draws (checked in ``tests/browser/test_csp.py``).

    Parameters
    ----------
    script_hashes
        CSP hash sources of the page's inline scripts, e.g. ``"'sha256-...'"``.

    Returns
    -------
    str

    Examples
    --------
    >>> content_security_policy(["'sha256-abc='"]).split("; ")[1]
    "script-src 'self' 'sha256-abc='"
    """
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        "style-src": ["'self'", "'unsafe-inline'"],
        # Plotly draws its mode-bar icons and the map's pattern fills from data: URIs.
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def security_headers(script_hashes: Sequence[str]) -> dict[str, str]:
    """The headers every response carries, around the policy of ``content_security_policy``."""
    return {
        "Content-Security-Policy": content_security_policy(script_hashes),
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    }


def ignore_callback_error(error: Exception) -> None:
    """Dash's ``on_error``: log a callback's exception and leave its outputs as they are.

    A callback only fails on input the page never sends (a hand-made request); returning None
    tells Dash to update nothing, so the person keeps the view they had and the traceback
    stays in the server's log.
    """
    log.warning("callback ignored: %s: %s", type(error).__name__, error, exc_info=error)


def compress_best(encoding: str, data: bytes) -> bytes:
    """``data`` compressed with ``encoding`` at its best level (``BEST_LEVELS``).

    Slow (plotly.js at brotli 11 takes a core ~10 s), so only for files, once each.

    Parameters
    ----------
    encoding
        ``"br"``, ``"zstd"`` or ``"gzip"``.
    data
        The uncompressed bytes.

    Returns
    -------
    bytes
    """
    level = BEST_LEVELS[encoding]
    if encoding == "br":
        return brotli.compress(data, quality=level)
    if encoding == "zstd":
        return zstd.compress(data, level)
    return gzip.compress(data, level, mtime=0)


def compression_cache_dir() -> Path:
    """Where files compressed at the best level are kept (``$XDG_CACHE_HOME`` aware)."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "partnermap" / "compressed"


class StaticCompression:
    """Compress the dashboard's files (``STATIC_PATHS``) at the best level the browser accepts.

    The first request for a file queues its compression on a background thread and leaves the
    response to Flask-Compress's fast level; once done, the result is kept in memory and in
    ``cache_dir`` under the digest of the file's bytes, so each file is compressed once per
    version, not per process. Dynamic answers (the page, callbacks) never come here.

    Parameters
    ----------
    cache_dir
        Directory of compressed files shared by processes and restarts; None keeps them in
        memory only.
    """

    def __init__(self, cache_dir: Path | None) -> None:
        self._cache_dir = cache_dir
        self._ready: dict[str, bytes] = {}
        self._queued: set[str] = set()
        self._jobs: queue.Queue[tuple[str, str, bytes]] = queue.Queue()
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None

    def encoded(self, encoding: str, data: bytes) -> bytes | None:
        """``compress_best(encoding, data)`` if done before, else None (and queue it).

        Parameters
        ----------
        encoding
            A key of ``BEST_LEVELS``.
        data
            The uncompressed bytes.

        Returns
        -------
        bytes or None
        """
        name = f"{hashlib.sha256(data).hexdigest()}.{encoding}{BEST_LEVELS[encoding]}"
        with self._lock:
            if name in self._ready:
                return self._ready[name]
        stored = self._read(name)
        with self._lock:
            if stored is not None:
                self._ready[name] = stored
            elif name not in self._queued:
                self._queued.add(name)
                self._jobs.put((name, encoding, data))
                if self._worker is None or not self._worker.is_alive():
                    self._worker = threading.Thread(
                        target=self._work, name="static-compression", daemon=True
                    )
                    self._worker.start()
        return stored

    def join(self) -> None:
        """Block until every queued file is compressed."""
        self._jobs.join()

    def after_request(self, response: Response) -> Response:
        """Flask hook: answer a file request with its best compression once it is ready.

        Runs before Flask-Compress, which then leaves the encoded response alone. As
        Flask-Compress does, a strong ETag names the encoding and the response is made
        conditional on it.
        """
        if (
            response.status_code != 200
            or "Content-Encoding" in response.headers
            or not request.path.startswith(STATIC_PATHS)
        ):
            return response
        encoding = request.accept_encodings.best_match(BEST_LEVELS)
        if encoding is None:
            return response
        response.direct_passthrough = False  # send_file's stream: read it to compress it
        body = self.encoded(encoding, response.get_data())
        if body is None:
            return response
        if not response.get_etag()[0]:  # e.g. the favicon: a second visit then costs a 304
            response.add_etag()
        response.set_data(body)
        response.headers["Content-Encoding"] = encoding
        response.vary.add("Accept-Encoding")
        etag, weak = response.get_etag()
        if etag and not weak:
            response.set_etag(f"{etag}:{encoding}")
        return response.make_conditional(request)

    def _work(self) -> None:
        if sys.platform == "linux":
            # Linux gives each thread its own nice value: this one yields the cores to
            # requests (and to a browser on the same machine) while it compresses.
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        while True:
            name, encoding, data = self._jobs.get()
            try:
                body = compress_best(encoding, data)
                self._write(name, body)
                with self._lock:
                    self._ready[name] = body
            except Exception:  # the fast level keeps serving it; the log says why
                log.exception("could not compress %s", name)
            finally:
                self._jobs.task_done()

    def _read(self, name: str) -> bytes | None:
        if self._cache_dir is None:
            return None
        try:
            return (self._cache_dir / name).read_bytes()
        except OSError:
            return None

    def _write(self, name: str, body: bytes) -> None:
        if self._cache_dir is None:
            return
        try:
            self._cache_dir.mkdir(parents=True, exist_ok=True)
            # Written aside and renamed: another process never reads half a file.
            with tempfile.NamedTemporaryFile(dir=self._cache_dir, delete=False) as part:
                part.write(body)
            os.replace(part.name, self._cache_dir / name)
        except OSError as error:
            log.warning("compressed %s kept in memory only: %s", name, error)


def server_config() -> dict[str, Any]:
    """Flask settings for the dashboard's server, read when Dash sets up compression.

    Flask-Compress compresses the page and the callback answers afresh every time, so at fast
    levels (its defaults, spelled out); files get ``StaticCompression``'s best levels.
    """
    return {
        "COMPRESS_ALGORITHM": ["zstd", "br", "gzip", "deflate"],
        "COMPRESS_ZSTD_LEVEL": 3,
        "COMPRESS_BR_LEVEL": 4,
        "COMPRESS_LEVEL": 6,
    }


def harden(app: Dash) -> None:
    """Add the security headers, the request size bound, the error pages and file compression.

    Files (``STATIC_PATHS``) are compressed at the best level by ``StaticCompression``.

    Call it once every callback is registered: the policy hashes the inline scripts that
    clientside callbacks add to the page.

    Parameters
    ----------
    app
        The dashboard.
    """
    server: Flask = app.server
    # Flask reads FLASK_DEBUG when it is made; only ``serve --debug`` may turn debug on.
    server.debug = False
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    headers = security_headers(app.csp_hashes())
    compression = StaticCompression(compression_cache_dir())
    server.extensions["static_compression"] = compression
    # Registered after Dash's Flask-Compress hook, so it runs before it (Flask runs them last
    # first) and Flask-Compress leaves what it encoded alone.
    server.after_request(compression.after_request)

    @server.after_request
    def add_security_headers(response: Response) -> Response:
        response.headers.update(headers)
        return response

    server.register_error_handler(Exception, _error_response)


def _error_response(error: Exception) -> Response | HTTPException:
    """An error page without a traceback: 4xx as Werkzeug words it, else a short plain text."""
    if isinstance(error, HTTPException):
        return error
    if isinstance(error, DependencyException):  # a script path Dash does not serve
        return Response("not found\n", status=404, mimetype="text/plain")
    if request.path == CALLBACK_PATH:
        log.warning("bad callback request: %s: %s", type(error).__name__, error)
        return Response("bad callback request\n", status=400, mimetype="text/plain")
    log.error("error serving %s", request.path, exc_info=error)
    return Response("internal server error\n", status=500, mimetype="text/plain")


def gunicorn_options(host: str, port: int, workers: int) -> dict[str, Any]:
    """Gunicorn settings for ``workers`` processes on ``host``:``port``.

    Threaded workers (``partnermap.worker.WholeRequestWorker``) keep idle keep-alive
    connections and requests still arriving off the threads; each worker is recycled after a
    few thousand requests (jittered) so memory cannot creep, and one stuck on a request for two
    minutes is replaced.

    Measured with ``benchmarks/load.py --attacks`` (200 users, 16 slow sockets, a stream of
    50-name searches, 2 workers): gunicorn's own ``gthread`` stopped answering the page (p50
    30 s, timeouts) as the slow sockets held every thread; its ``gevent`` worker let them in
    but ran each callback on the one event loop, blocking the rest (page p50 12 s). Timeouts
    alone only free a thread for the next slow socket, and waitress, which buffers requests
    too, is one process where the load needs both cores. Waiting for the whole request in
    the event loop, then threads, kept p95 under 1 s.

    Examples
    --------
    >>> gunicorn_options("::1", 8050, 2)["bind"]
    ['[::1]:8050']
    """
    return {
        "bind": [f"[{host}]:{port}" if ":" in host else f"{host}:{port}"],
        "workers": workers,
        "worker_class": "partnermap.worker.WholeRequestWorker",
        "threads": 8,
        "preload_app": True,
        "timeout": 120,
        "graceful_timeout": 30,
        "keepalive": 5,
        "max_requests": 5000,
        "max_requests_jitter": 500,
        "limit_request_line": 8190,
        "limit_request_fields": 100,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "info",
        # gunicorn's default control socket is one per user: a second instance would take
        # over the first one's. Each instance gets its own, in a folder only its user reads.
        "control_socket": str(Path(_private_dir()) / "gunicorn.ctl"),
    }


def _private_dir() -> str:
    """A new folder only this user can enter, removed when the process ends."""
    folder = tempfile.mkdtemp(prefix="partnermap-gunicorn-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def bind_warning(host: str) -> str | None:
    """A warning when ``host`` is not a loopback address: others on the network can connect.

    Examples
    --------
    >>> bind_warning("127.0.0.1") is None
    True
    >>> bind_warning("0.0.0.0").split(":")[0]
    'warning'
    """
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        loopback = False
    if loopback:
        return None
    return (
        f"warning: --host {host} lets every machine that can reach this one open the "
        "dashboard, without a login; use --host 127.0.0.1 unless the network is trusted"
    )


class DevRequestHandler(WSGIRequestHandler):
    """The development server's handler, saying neither its version nor Python's.

    Its own error answers (400, 414, 431) carry the security headers and nothing else.
    """

    def version_string(self) -> str:
        """The ``Server`` header: a name, no version."""
        return "partnermap"

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A short plain answer with the security headers, as every answer has."""
        reason = self.responses.get(code, ("error",))[0]
        body = f"{reason}\n".encode()
        self.close_connection = True
        # A request line it could not read leaves HTTP/0.9, which would send no headers.
        self.request_version = "HTTP/1.1"
        self.send_response(code, reason)
        for name, value in security_headers(()).items():
            self.send_header(name, value)
        self.send_header("Connection", "close")
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and code >= 200 and code not in (204, 304):
            self.wfile.write(body)


def run_production(make_app: Callable[[], Dash], options: Mapping[str, Any]) -> None:
    """Serve the app ``make_app`` builds under gunicorn until interrupted.

    Parameters
    ----------
    make_app
        Builds the app once, in the master process, before the workers fork.
    options
        Gunicorn settings (``gunicorn_options``).
    """
    from gunicorn.app.base import BaseApplication

    class _Gunicorn(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Flask:
            server = make_app().server
            server.debug = False  # whatever FLASK_DEBUG says: debug is never for production
            return server

    _Gunicorn().run()
