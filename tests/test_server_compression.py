"""Compression: files once at the best level the browser takes, callback answers at a fast one."""

from __future__ import annotations

import gzip
import pkgutil
import re
from pathlib import Path
from typing import Any

import brotli
import pytest
from dash.fingerprint import check_fingerprint

from partnermap.app import create_app
from partnermap.server import BEST_LEVELS, StaticCompression, compress_best

try:
    from compression import zstd  # Python 3.14
except ImportError:
    from backports import zstd

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BROWSER = {"Accept-Encoding": "gzip, deflate, br, zstd"}
DECOMPRESS = {"br": brotli.decompress, "zstd": zstd.decompress, "gzip": gzip.decompress}
SUITE = "/_dash-component-suites/dash/"
DATA = b'{"type": "Topology", "arcs": [[1, 2], [3, 4]]}' * 200


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, StaticCompression, Path]:
    """A test client of the app, its file compression, and that compression's cache folder."""
    cache = tmp_path_factory.mktemp("xdg-cache")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("XDG_CACHE_HOME", str(cache))
        server = create_app(FIXTURES / "dashboard").server
    return server.test_client(), server.extensions["static_compression"], cache


def script_path(client: Any, name: str) -> str:
    """The path of the page's script whose URL contains ``name``."""
    page = client.get("/").get_data(as_text=True)
    return next(src for src in re.findall(r'<script src="([^"]+)"', page) if name in src)


def best_response(client: Any, compression: StaticCompression, path: str, **headers: str) -> Any:
    """The answer to ``path`` once its best compression is done."""
    client.get(path, headers=headers)
    compression.join()
    return client.get(path, headers=headers)


@pytest.mark.parametrize("encoding", list(BEST_LEVELS))
def test_best_compression_round_trips(encoding: str) -> None:
    packed = compress_best(encoding, DATA)
    assert len(packed) < len(DATA) // 10
    assert DECOMPRESS[encoding](packed) == DATA


def test_a_file_is_compressed_once_and_kept_on_disk(tmp_path: Path) -> None:
    first = StaticCompression(tmp_path)
    assert first.encoded("br", DATA) is None, "queued, not done while the request waits"
    first.join()
    assert first.encoded("br", DATA) == compress_best("br", DATA)
    assert len(list(tmp_path.iterdir())) == 1
    again = StaticCompression(tmp_path)  # another process, or a restart
    assert again.encoded("br", DATA) == compress_best("br", DATA)
    assert again.encoded("zstd", DATA) is None, "one file per encoding"


@pytest.mark.parametrize(
    ("accept", "encoding"),
    [("gzip, deflate, br, zstd", "br"), ("gzip, zstd", "zstd"), ("gzip, deflate", "gzip")],
)
def test_scripts_get_the_best_encoding_the_browser_takes(
    served, accept: str, encoding: str
) -> None:  # type: ignore[no-untyped-def]
    client, compression, _ = served
    path = script_path(client, "prop-types")
    raw = client.get(path).data
    response = best_response(client, compression, path, **{"Accept-Encoding": accept})
    assert response.headers["Content-Encoding"] == encoding
    assert response.data == compress_best(encoding, raw)
    assert "Accept-Encoding" in response.headers["Vary"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/basemap/world_110m.json", "/geo/admin1.json"])
def test_map_files_are_compressed_at_the_best_level(served, path: str) -> None:  # type: ignore[no-untyped-def]
    client, compression, _ = served
    raw = client.get(path).data
    response = best_response(client, compression, path, **BROWSER)
    assert response.headers["Content-Encoding"] == "br"
    assert brotli.decompress(response.data) == raw
    assert response.headers["Cache-Control"].endswith("max-age=86400")


@pytest.mark.parametrize("path", ["prop-types", "/_favicon.ico", "/geo/admin1.json"])
def test_an_unchanged_file_is_not_sent_again(served, path: str) -> None:  # type: ignore[no-untyped-def]
    client, compression, _ = served
    if not path.startswith("/"):  # a script without its fingerprint, as dcc asks for its chunks
        path = check_fingerprint(script_path(client, path))[0]
    response = best_response(client, compression, path, **BROWSER)
    etag = response.headers["ETag"]
    assert etag.endswith(':br"'), "the encoding is part of the validator"
    again = client.get(path, headers={**BROWSER, "If-None-Match": etag})
    assert again.status_code == 304 and not again.data


@pytest.mark.parametrize("path", ["/", "/_dash-layout", "/_dash-dependencies"])
def test_answers_built_per_request_are_compressed_fast_and_never_stored(served, path: str) -> None:  # type: ignore[no-untyped-def]
    client, compression, cache = served
    client.get("/")
    stored = set(cache.glob("partnermap/compressed/*"))
    response = client.get(path, headers=BROWSER)
    compression.join()
    assert response.headers["Content-Encoding"] == "zstd"  # Flask-Compress, level 3
    assert zstd.decompress(response.data).startswith(client.get(path).data[:100])
    assert set(cache.glob("partnermap/compressed/*")) == stored


def test_no_encoding_asked_none_given(served) -> None:  # type: ignore[no-untyped-def]
    client, compression, _ = served
    path = script_path(client, "prop-types")
    response = best_response(client, compression, path)
    assert "Content-Encoding" not in response.headers
    assert response.data == pkgutil.get_data("dash", check_fingerprint(path[len(SUITE) :])[0])
