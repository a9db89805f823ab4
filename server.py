"""Serving the dashboard safely: security headers, bounded requests, no tracebacks, and gunicorn.

``harden`` is applied by ``partnermap.app.create_app`` to every app, whichever server runs it;
``run_production`` is ``partnermap serve --workers N``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from dash import Dash
from dash.exceptions import DependencyException
from dash.fingerprint import check_fingerprint
from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException

log = logging.getLogger("partnermap.server")

#: The largest request body accepted; a callback request of the dashboard is a few kB.
MAX_REQUEST_BYTES = 256 * 1024
#: Dash's callback endpoint: a malformed request to it is the client's error, not the server's.
CALLBACK_PATH = "/_dash-update-component"
#: Where Dash serves its and plotly's scripts: the same bytes for the life of the process.
SCRIPTS_PATH = "/_dash-component-suites/"


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


class ScriptCompressionCache:
    """Flask-Compress's cache backend, keeping the compressed scripts of Dash and plotly only.

    Compressing plotly.js (4.5 MB) takes a core 0.15 s, on every first visit; the scripts never
    change while the process runs, so each is compressed once per algorithm. Any other key
    (callback answers, data) is never stored, so they are compressed afresh every time.
    """

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        """The compressed bytes stored under ``key``, or None."""
        return self._store.get(key)

    def set(self, key: str, value: bytes) -> None:
        """Store ``value`` if ``key`` names a script."""
        if SCRIPTS_PATH in key:
            with self._lock:
                self._store[key] = value


def script_cache_key(req: Any) -> str:
    """The compression cache key of a request: a script's path without its fingerprint.

    Dash serves a script under any version fingerprint; keying on the bare path keeps the
    cache to one entry per script and algorithm, whatever URLs are asked for. Only answered
    (2xx) requests reach the cache, so unknown paths never do.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> script_cache_key(SimpleNamespace(path="/_dash-component-suites/dash/x.v4_4_1m17.min.js"))
    '/_dash-component-suites/dash/x.min.js'
    """
    return check_fingerprint(req.path)[0]


def server_config() -> dict[str, Any]:
    """Flask settings for the dashboard's server, read when Dash sets up compression."""
    return {
        "COMPRESS_CACHE_BACKEND": ScriptCompressionCache,
        "COMPRESS_CACHE_KEY": script_cache_key,
    }


def harden(app: Dash) -> None:
    """Add the security headers, the request size bound and the error pages to ``app``.

    Call it once every callback is registered: the policy hashes the inline scripts that
    clientside callbacks add to the page.

    Parameters
    ----------
    app
        The dashboard.
    """
    server: Flask = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    headers = security_headers(app.csp_hashes())

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

    Threaded workers keep idle keep-alive connections off the threads; each worker is
    recycled after a few thousand requests (jittered) so memory cannot creep, and one stuck on
    a request for two minutes is replaced.

    Examples
    --------
    >>> gunicorn_options("::1", 8050, 2)["bind"]
    ['[::1]:8050']
    """
    return {
        "bind": [f"[{host}]:{port}" if ":" in host else f"{host}:{port}"],
        "workers": workers,
        "worker_class": "gthread",
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
    }


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
            return make_app().server

    _Gunicorn().run()
