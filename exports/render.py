"""A warm kaleido session: one headless chromium kept open, so an image export skips its start.

Starting the browser takes about 3 s; a render in a warm one takes a fraction of that. The
dashboard server keeps one ``Renderer`` for its lifetime; the CLI opens one per command. Kaleido
finds Debian's ``/usr/bin/chromium`` by itself and nothing is downloaded: MathJax is off, and
plotly.js asks for its map outlines at ``topojson_dir`` (our own basemap), not at a CDN.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

import kaleido
import plotly.graph_objects as go

#: Seconds one render may take before it is abandoned.
RENDER_TIMEOUT = 60.0


class Renderer:
    """Render plotly figures to PNG, PDF or SVG in one long-lived kaleido browser.

    The browser starts on the first render (or on ``start``) and runs an event loop in a
    daemon thread; renders from any thread are handed to it, so concurrent callers are safe.
    Use it as a context manager, or call ``close`` when done.

    Parameters
    ----------
    topojson_dir
        The directory holding the TopoJSON files plotly.js loads for geo subplots
        (``world_110m.json``): offline, geo figures fail to render without it.
    """

    def __init__(self, topojson_dir: Path) -> None:
        self._topojson = Path(topojson_dir).resolve().as_uri() + "/"
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: kaleido.Kaleido | None = None

    def start(self) -> None:
        """Start the browser now, if it is not running yet (about 3 s)."""
        with self._lock:
            if self._kaleido is not None:
                return
            loop = asyncio.new_event_loop()
            thread = threading.Thread(target=loop.run_forever, name="kaleido", daemon=True)
            thread.start()
            try:
                self._kaleido = asyncio.run_coroutine_threadsafe(_open(), loop).result(
                    RENDER_TIMEOUT
                )
            except BaseException:
                loop.call_soon_threadsafe(loop.stop)
                thread.join()
                raise
            self._loop, self._thread = loop, thread

    def render(self, figure: go.Figure, fmt: str, width: int, height: int, scale: float) -> bytes:
        """Render ``figure`` and return the file's bytes.

        Parameters
        ----------
        figure
            The figure to draw.
        fmt
            "png", "pdf" or "svg".
        width, height
            Size in CSS pixels (a PDF page gets this size at 96 pixels per inch).
        scale
            Pixels per CSS pixel (PNG only in effect).

        Returns
        -------
        bytes
        """
        self.start()
        assert self._kaleido is not None and self._loop is not None
        opts: dict[str, Any] = {"format": fmt, "width": width, "height": height, "scale": scale}
        job = self._kaleido.calc_fig(figure, opts=opts, topojson=self._topojson)
        return asyncio.run_coroutine_threadsafe(job, self._loop).result(RENDER_TIMEOUT)

    def close(self) -> None:
        """Close the browser and stop its thread; a later render starts a new one."""
        with self._lock:
            if self._kaleido is None:
                return
            assert self._loop is not None and self._thread is not None
            try:
                asyncio.run_coroutine_threadsafe(self._kaleido.close(), self._loop).result(
                    RENDER_TIMEOUT
                )
            finally:
                self._loop.call_soon_threadsafe(self._loop.stop)
                self._thread.join()
                self._loop.close()
                self._kaleido = self._loop = self._thread = None

    def __enter__(self) -> Renderer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


async def _open() -> kaleido.Kaleido:
    browser = kaleido.Kaleido(n=1, mathjax=False)
    await browser.open()
    return browser
