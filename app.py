"""The dashboard: a Dash app over one data directory, built by ``create_app``.

``python app.py`` (or ``partnermap serve``) serves it on the embedded data at
http://127.0.0.1:8050/.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import logging
import re
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dash import Dash
from flask import Flask, Response, abort, send_from_directory

from partnermap.callbacks import (
    describe,
    export,
    language,
    mapview,
    panels,
    playback,
    suggest,
    timeline,
    urlsync,
)
from partnermap.callbacks.context import AppContext, ViewCache
from partnermap.data.filters import FilterState
from partnermap.data.loader import EMBEDDED_DATA_DIR, load_corpus
from partnermap.data.place_search import PlaceSearch
from partnermap.data.schema import Record
from partnermap.data.view import build_view, cached_index, regions_from_geojson
from partnermap.exports.render import Renderer
from partnermap.geo import basemap
from partnermap.ingest.drafts import corpus_with_drafts
from partnermap.layers import timeline as timeline_layer
from partnermap.layers.figure import map_skeleton
from partnermap.layers.regions import GEOJSON_PATH
from partnermap.page import layout
from partnermap.page.details import SOURCES_PATH
from partnermap.server import harden, ignore_callback_error, server_config

log = logging.getLogger("partnermap.app")
ASSETS_DIR = Path(__file__).resolve().parent / "assets"


class _Dash(Dash):
    """Dash without the DataTable's script, and without the versions of Python, Dash, plotly.

    The page also runs ``assets/builtins.js`` before any other script.

    The page has no ``dash_table`` component; one added to it would need this class gone.
    ``interpolate_index`` is the hook Dash documents for changing the page's HTML. Versions
    tell an attacker which known flaws to try: the page's config leaves them out, and the
    script names' cache keys carry a digest of the version instead of the version.
    """

    def interpolate_index(self, **kwargs: str) -> str:
        scripts = [s for s in kwargs.get("scripts", "").splitlines() if "/dash_table/" not in s]
        first = [s for s in scripts if _BUILTINS_ASSET in s]
        kwargs["scripts"] = "\n".join(first + scripts)
        for part in ("scripts", "css"):
            kwargs[part] = _VERSION_KEY.sub(_hidden_version, kwargs.get(part, ""))
        return super().interpolate_index(**kwargs)

    def _config(self) -> dict[str, Any]:
        config = super()._config()
        for key in ("dash_version", "python_version", "plotly_version", "ddk_version"):
            config.pop(key, None)
        config.pop("dash_version_url", None)  # where the dev tools look for a newer Dash
        return config


#: The asset that keeps the browser's own ``trim`` and ``parseInt`` from babel-polyfill's slower
#: copies (see the file): it runs once before every other script, and again among the assets.
_BUILTINS_ASSET = "/assets/builtins.js?"

#: The version in a script's cache key: ``react@18.v4_4_1m1796027749.3.1.min.js``.
_VERSION_KEY = re.compile(r"\.v([\w-]+?)m(\d+)\.")


def _hidden_version(found: re.Match[str]) -> str:
    digest = hashlib.sha256(found[1].encode()).hexdigest()[:8]
    return f".v{digest}m{found[2]}."


@contextlib.contextmanager
def _uncollected() -> Iterator[None]:
    """Build the corpus and its index without the cycle collector, then freeze what was built.

    They are ~150,000 objects at 26,000 records that live as long as the app: the collector
    would walk them again and again while they are made (about 1 s of a 26k start) and at
    every full collection after; frozen, it leaves them alone.
    """
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def create_app(data_dir: Path = EMBEDDED_DATA_DIR, include_drafts: bool = False) -> Dash:
    """Load and check ``data_dir`` once, then build the dashboard on it.

    Bad records and localities are reported on the log and skipped. Every response carries
    the security headers of ``partnermap.server.harden``; a callback that fails on input the
    page never sends updates nothing.

    Parameters
    ----------
    data_dir
        A data directory (see ``partnermap.data.loader``).
    include_drafts
        Also show the drafts awaiting review (``partnermap ingest``), marked as drafts.

    Returns
    -------
    dash.Dash
    """
    started = time.perf_counter()
    with _uncollected():
        corpus = load_corpus(data_dir)
        drafts: frozenset[str] = frozenset()
        if include_drafts:
            corpus, drafts = corpus_with_drafts(corpus)
        index = cached_index(corpus, regions_from_geojson(basemap.admin1_geojson()))
    for problem in corpus.problems:
        log.warning("skipped: %s", problem)
    search = PlaceSearch(corpus.localities)
    context = AppContext(
        index=index,
        view=ViewCache(functools.partial(build_view, index)),
        resolve_place=search,
        attribution=basemap.ATTRIBUTION,
        drafts=drafts,
    )
    server = Flask(__name__)
    server.config.update(server_config())
    server.before_request(search.new_request)
    app = _Dash(
        __name__,
        server=server,
        title="partnermap",
        assets_folder=str(ASSETS_DIR),
        serve_locally=True,
        compress=True,
        update_title=None,
        on_error=ignore_callback_error,
    )
    everything = context.view(FilterState())
    app.layout = layout.page(
        map_skeleton(everything, "en", basemap.ATTRIBUTION),
        timeline_layer.skeleton(everything),
        index.year_bounds,
        corpus.dataset,
        everything,
    )
    _add_routes(app.server, Path(data_dir), cited_documents(corpus.records))
    urlsync.register(app, context)
    mapview.register(app, context)
    timeline.register(app, context)
    playback.register(app, context)
    panels.register(app, context)
    suggest.register(app, context)
    describe.register(app, context)
    language.register(app, corpus.dataset, everything)
    export.register(app, context, corpus.localities, Renderer(basemap.BASEMAP_DIR), corpus.dataset)
    harden(app)
    log.info(
        "partnermap: %d records, %d localities, %d skipped, ready in %.2f s",
        len(corpus.records),
        len(corpus.localities),
        len(corpus.problems),
        time.perf_counter() - started,
    )
    return app


def cited_documents(records: Iterable[Record]) -> frozenset[str]:
    """The source documents that ``records`` quote: the only files served at ``/sources/``."""
    return frozenset(s.document for r in records for s in r.sources if s.document is not None)


def _add_routes(server: Flask, data_dir: Path, documents: frozenset[str]) -> None:
    """Serve the basemap, the states-and-provinces GeoJSON and the cited source documents.

    A document is served only when a loaded record cites it, and only while its real path
    stays in the data's ``sources/`` (the loader checked as much; a link made since is not
    followed).
    """
    sources = (data_dir / "sources").resolve()
    admin1 = json.dumps(basemap.admin1_shapes(), separators=(",", ":"))

    @server.route("/basemap/<path:name>")
    def basemap_file(name: str) -> Response:
        return send_from_directory(basemap.BASEMAP_DIR, name, max_age=86400)

    @server.route("/" + GEOJSON_PATH)
    def admin1_file() -> Response:
        response = Response(admin1, mimetype="application/json")
        response.cache_control.max_age = 86400
        return response

    @server.route(f"/{SOURCES_PATH}<name>")
    def source_file(name: str) -> Response:
        if name not in documents or not (sources / name).resolve().is_relative_to(sources):
            abort(404)
        return send_from_directory(sources, name, mimetype="text/plain")


def main(argv: list[str] | None = None) -> int:
    """Serve the dashboard on the embedded data: ``python app.py [port]``."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = sys.argv[1:] if argv is None else argv
    create_app().run(host="127.0.0.1", port=int(args[0]) if args else 8050, debug=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
