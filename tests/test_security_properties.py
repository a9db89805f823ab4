"""Property-based tests: any URL, control value or place name is handled, never an exception."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_security_serving import CALLBACK, record_body, repaint_body, restore_body
from test_security_serving import CONTROLS as CONTROL_VALUES

from partnermap.app import create_app
from partnermap.data.filters import LEVEL_GROUPS, localities_named
from partnermap.data.loader import load_corpus
from partnermap.data.urlstate import parse_query, to_query
from partnermap.data.vocabulary import SECTORS, TYPES
from partnermap.geo.geocode import MAX_QUERY_LENGTH, geocode

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LOCALITIES = load_corpus(FIXTURES / "dashboard").localities

#: Text with the characters that break parsers: markup, separators, RTL, NUL, CJK, surrogates.
nasty_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("<>&$=+-@%?#,，、;；'\"\\\u202e\u200b\x00 镇江市省")),
    ),
    max_size=60,
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | nasty_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(nasty_text, inner, max_size=3),
    max_leaves=8,
)
query_keys = st.sampled_from(["sector", "type", "level", "from", "to", "place", "lang", "x"])
queries = st.lists(st.tuples(query_keys, nasty_text), max_size=6).map(
    lambda pairs: "?" + "&".join(f"{k}={v}" for k, v in pairs)
)


def _resolve(name: str) -> frozenset[str]:
    return localities_named(name, LOCALITIES)


@given(queries)
def test_any_query_parses_to_a_valid_state(query: str) -> None:
    state = parse_query(query, _resolve)
    f = state.filters
    assert f.sectors <= SECTORS.keys() and f.types <= TYPES.keys()
    assert f.level is None or f.level in LEVEL_GROUPS
    assert state.lang in ("en", "zh")
    for year in (f.year_from, f.year_to):
        assert year is None or 1000 <= year <= 9999
    assert f.place <= LOCALITIES.keys()
    # What it writes back reads as the same state.
    assert parse_query(to_query(state), _resolve) == state


@given(nasty_text)
def test_any_place_name_is_looked_up_without_error(name: str) -> None:
    assert localities_named(name, LOCALITIES) <= LOCALITIES.keys()


@settings(deadline=None, max_examples=150)
@given(
    st.one_of(nasty_text, st.text(min_size=MAX_QUERY_LENGTH - 5, max_size=MAX_QUERY_LENGTH + 50))
)
def test_the_geocoder_answers_any_text_quickly(name: str) -> None:
    started = time.perf_counter()
    result = geocode(name)
    assert time.perf_counter() - started < 2.0
    assert result.match is None or result.error is None
    if len(name) > MAX_QUERY_LENGTH:
        assert result.match is None and result.error
        assert len(result.query) < 100  # not echoed back in full


@pytest.mark.parametrize("value", [b"\xff\xfe", 12, None, ["镇江"]])
def test_the_geocoder_answers_non_text(value: Any) -> None:
    assert geocode(value).error  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    return create_app(FIXTURES / "dashboard").server.test_client()


CONTROLS = ["filter-sector", "filter-type", "filter-level", "filter-years", "place-search", "lang-toggle", "filter-evidence"]  # fmt: skip


@settings(
    deadline=None, max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(CONTROLS), json_values)
def test_any_control_value_is_answered_without_a_server_error(
    client, control: str, value: Any
) -> None:  # type: ignore[no-untyped-def]
    for body in (record_body(**{control: value}), repaint_body(**{control: value})):
        response = client.post(CALLBACK, json=body)
        assert response.status_code in (200, 204)
        assert "Traceback" not in response.get_data(as_text=True)


@settings(
    deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(["timeline-facet", "table-sort", "selection"]), json_values)
def test_any_panel_value_is_answered_without_a_server_error(client, panel: str, value: Any) -> None:  # type: ignore[no-untyped-def]
    response = client.post(CALLBACK, json=record_body(**{panel: value}))
    assert response.status_code in (200, 204)
    text = response.get_data(as_text=True)
    assert "Traceback" not in text
    search = json.loads(text)["response"]["url"]["search"] if text else ""
    panels = [(k, v) for k, v in parse_qsl(search.lstrip("?")) if k in ("stack", "sort", "select")]
    for _, written in panels:
        assert re.fullmatch(
            r"type|-?[a-z_]{1,20}|(place|region|pair|regions)(,[\w:.-]{1,40})+", written
        )


@settings(
    deadline=None, max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(queries)
def test_any_url_draws_the_map(client, query: str) -> None:  # type: ignore[no-untyped-def]
    restored = client.post(CALLBACK, json=restore_body(query))
    assert restored.status_code == 200
    answer = restored.get_json()["response"]
    controls = {cid: props["value"] for cid, props in answer.items() if cid in CONTROL_VALUES}
    assert client.post(CALLBACK, json=repaint_body(**controls)).status_code == 200
