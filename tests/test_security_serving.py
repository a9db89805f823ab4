"""Serving: security headers on every response, no write endpoint, junk callbacks never a 500."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from server_process import wait_for_output

from partnermap.app import create_app
from partnermap.cli import _parser
from partnermap.server import MAX_REQUEST_BYTES, gunicorn_options

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CALLBACK = "/_dash-update-component"
HEADERS = ("X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy")


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    return create_app(FIXTURES / "dashboard").server.test_client()


CONTROLS = {
    "filter-sector": ("value", []),
    "filter-type": ("value", []),
    "filter-level": ("value", ""),
    "filter-years": ("value", [2014, 2016]),
    "place-search": ("value", ""),
    "lang-toggle": ("value", "en"),
    "filter-evidence": ("value", ""),
}


PANELS = {
    "timeline-facet": ("value", "sector"),
    "table-sort": ("data", {"column": "count", "descending": True}),
    "selection": ("data", None),
}


def controls_body(
    outputs: list[str], state: list[Any], panels: bool = False, **values: Any
) -> dict[str, Any]:
    """A callback on the controls as the page sends it, with some control values replaced.

    ``outputs`` are "id.property" strings, e.g. ``["map.figure", "summary.children"]``;
    ``state`` the callback's states as the page sends them; ``panels`` adds the panels' values
    to the inputs, after the controls.
    """
    sent = {**CONTROLS, **(PANELS if panels else {})}
    inputs = [
        {"id": cid, "property": prop, "value": values.get(cid, value)}
        for cid, (prop, value) in sent.items()
    ]
    specs = [dict(zip(("id", "property"), o.split("."), strict=True)) for o in outputs]
    return {
        "output": ".." + "...".join(outputs) + "..",
        "outputs": specs,
        "inputs": inputs,
        "state": state,
        "changedPropIds": [f"{cid}.{sent[cid][0]}" for cid in values] or ["filter-sector.value"],
    }


def record_body(**values: Any) -> dict[str, Any]:
    """The controls and panels -> URL callback."""
    state = [{"id": "url", "property": "search", "value": ""}]
    return controls_body(["url.search", "place-message.children"], state, True, **values)


def repaint_body(**values: Any) -> dict[str, Any]:
    """The map and summary callback: the selection, extent and map box (none), then the controls."""
    body = controls_body(["map.figure", "summary.children"], [], **values)
    body["inputs"][:0] = [
        {"id": cid, "property": "data", "value": None}
        for cid in ("selection", "map-extent", "map-box")
    ]
    return body


def restore_body(query: str) -> dict[str, Any]:
    """The URL -> controls and panels callback, as the page opens at ``?query``."""
    outputs = [f"{cid}.{prop}" for cid, (prop, _) in {**CONTROLS, **PANELS}.items()]
    return {
        "output": ".." + "...".join(outputs) + "..",
        "outputs": [dict(zip(("id", "property"), o.split("."), strict=True)) for o in outputs],
        "inputs": [{"id": "url", "property": "pathname", "value": "/"}],
        "state": [{"id": "url", "property": "search", "value": query}],
        "changedPropIds": ["url.pathname"],
    }


def assert_security_headers(response: Any) -> None:
    for name in HEADERS:
        assert response.headers.get(name), f"{name} missing on {response.request.path}"
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    script_src = re.search(r"script-src ([^;]*)", policy)[1]
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in policy


def test_every_kind_of_response_carries_the_security_headers(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/")
    scripts = re.findall(r'<script src="([^"]+)"', page.get_data(as_text=True))
    assert scripts, "the page loads Dash's scripts from this server"
    responses = [
        page,
        client.get("/_dash-layout"),
        client.get("/_dash-dependencies"),
        client.get(scripts[0]),
        client.get("/assets/style.css"),
        client.get("/basemap/world_110m.json"),
        client.get("/geo/admin1.json"),
        client.get("/sources/000_80f17e6f35c162c6.txt"),
        client.get("/sources/missing.txt"),
        client.get("/_dash-component-suites/dash/no/such.v1_0_0m1.js"),
        client.post(CALLBACK, json=repaint_body()),
        client.post(CALLBACK, data="{", content_type="application/json"),
    ]
    assert [r.status_code for r in responses] == [*[200] * 8, 404, 404, 200, 400]
    for response in responses:
        assert_security_headers(response)


def test_inline_scripts_are_allowed_by_hash_and_nothing_else(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/")
    html = page.get_data(as_text=True)
    inline = re.findall(r"<script(?: id=\"_dash-renderer\"[^>]*)?>(.*?)</script>", html, re.S)
    # Dash's warning for Internet Explorer sits in a conditional comment: never run.
    inline = [s for s in inline if "Internet Explorer" not in s]
    assert len(inline) >= 2, "the renderer and the clientside callback"
    policy = page.headers["Content-Security-Policy"]
    allowed = set(re.search(r"script-src ([^;]*)", policy)[1].split())
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed
    assert allowed == {"'self'"} | {
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in inline
    }


def test_the_app_has_no_write_endpoint(client) -> None:  # type: ignore[no-untyped-def]
    reads = {"GET", "HEAD", "OPTIONS"}
    writers = {
        rule.rule
        for rule in client.application.url_map.iter_rules()
        if (rule.methods or set()) - reads
    }
    # The callback endpoint computes a view from what the page sends; it stores nothing.
    assert writers <= {CALLBACK}
    assert client.put("/sources/new.txt", data="x").status_code == 405
    assert client.delete("/geo/admin1.json").status_code == 405


JUNK = {
    "unknown sector": {"filter-sector": ["no-such-sector"]},
    "sector is a number": {"filter-sector": 5},
    "sector is nested": {"filter-sector": [[1], {"a": 1}]},
    "unknown type": {"filter-type": ["<script>"]},
    "year 99999": {"filter-years": [99999, 99999]},
    "years are text": {"filter-years": "1990-2000"},
    "years are a mapping": {"filter-years": {"from": 1990}},
    "years are floats": {"filter-years": [1990.5, None]},
    "unknown level": {"filter-level": "galaxy"},
    "unknown evidence": {"filter-evidence": "rumour"},
    "evidence is a list": {"filter-evidence": ["listed"]},
    "place is a list": {"place-search": ["Zhenjiang"]},
    "place is long": {"place-search": "Zhenjiang " * 20_000},
    "language": {"lang-toggle": "<script>alert(1)</script>"},
    "language is null": {"lang-toggle": None},
}


@pytest.mark.parametrize("values", JUNK.values(), ids=JUNK.keys())
def test_junk_control_values_are_ignored(client, values: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    response = client.post(CALLBACK, json=record_body(**values))
    text = response.get_data(as_text=True)
    assert response.status_code in (200, 204), text[:300]
    assert "Traceback" not in text
    search = (json.loads(text)["response"].get("url", {}) if text else {}).get("search", "")
    assert "99999" not in search and "script" not in search and "galaxy" not in search
    response = client.post(CALLBACK, json=repaint_body(**values))
    assert response.status_code in (200, 204)
    assert "Traceback" not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "query",
    ["?from=99999", "?sector=<script>", "?type=%00", "?lang=zz&to=abc", "?place=" + "x" * 4000],
)
def test_junk_url_queries_draw_a_view(client, query: str) -> None:  # type: ignore[no-untyped-def]
    response = client.post(CALLBACK, json=restore_body(query))
    assert response.status_code == 200
    answer = response.get_json()["response"]
    controls = {cid: props["value"] for cid, props in answer.items() if cid in CONTROLS}
    assert "<script>" not in json.dumps(controls)
    response = client.post(CALLBACK, json=repaint_body(**controls))
    assert response.status_code == 200
    assert response.get_json()["response"]["map"]["figure"]["operations"]


def test_a_megabyte_request_is_refused_before_any_callback(client) -> None:  # type: ignore[no-untyped-def]
    body = record_body(**{"place-search": "x" * 1_000_000})
    assert len(json.dumps(body)) > MAX_REQUEST_BYTES
    response = client.post(CALLBACK, json=body)
    assert response.status_code == 413
    assert "Traceback" not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "body",
    [
        {"output": "map.figure"},
        {"output": "no-such.thing", "inputs": []},
        {"output": "map.figure", "outputs": {"id": "map", "property": "figure"}, "inputs": 5},
        [1, 2, 3],
        "text",
    ],
    ids=["no inputs", "unknown output", "inputs not a list", "a list", "a string"],
)
def test_malformed_callback_requests_are_client_errors(client, body: Any) -> None:  # type: ignore[no-untyped-def]
    response = client.post(CALLBACK, json=body)
    text = response.get_data(as_text=True)
    assert 400 <= response.status_code < 500, text[:300]
    assert "Traceback" not in text and "File " not in text


def test_serve_binds_loopback_without_debug_by_default() -> None:
    args = _parser().parse_args(["serve"])
    assert (args.host, args.debug, args.workers) == ("127.0.0.1", False, None)
    assert _parser().parse_args(["serve", "--host", "0.0.0.0"]).host == "0.0.0.0"


@pytest.mark.parametrize(
    "argv", [["serve", "--workers", "0"], ["serve", "--workers", "2", "--debug"]]
)
def test_serve_refuses_nonsense_modes(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        _parser().parse_args(argv)


def test_gunicorn_options() -> None:
    options = gunicorn_options("127.0.0.1", 8050, 3)
    assert options["bind"] == ["127.0.0.1:8050"] and options["workers"] == 3
    assert options["preload_app"] and options["timeout"] > 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_production_mode_serves_with_headers() -> None:
    port = _free_port()
    command = [sys.executable, "-m", "partnermap", "serve", "--workers", "1", "--port", str(port)]
    command += ["--data", str(FIXTURES / "dashboard")]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        started = wait_for_output(server, b"Booting worker")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60) as response:
            assert response.status == 200 and response.headers["Server"] == "gunicorn"
            assert "script-src 'self' 'sha256-" in response.headers["Content-Security-Policy"]
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert b"Booting worker" in started + errors
