"""Place search: a request's geocoding is bounded and remembered, however many names it sends."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_security_serving import CALLBACK, record_body, restore_body

from partnermap.app import create_app
from partnermap.data import place_search
from partnermap.data.loader import EMBEDDED_DATA_DIR, load_corpus
from partnermap.data.urlstate import MAX_PLACE_NAMES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: Names no table holds, so that each would go to the geocoder.
FRESH = [f"Qx{n}ville" for n in range(1000)]


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    return create_app(FIXTURES / "dashboard").server.test_client()


@pytest.fixture
def lookups(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names sent to the geocoder while the test runs."""
    sent: list[str] = []
    real = place_search._geocoded

    def counted(name: str, localities):  # type: ignore[no-untyped-def]
        sent.append(name)
        return real(name, localities)

    monkeypatch.setattr(place_search, "_geocoded", counted)
    yield sent


def notice(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_json()["response"]["place-message"]["children"]


def test_a_thousand_names_cost_a_few_lookups_and_say_so(client, lookups: list[str]) -> None:  # type: ignore[no-untyped-def]
    body = record_body(**{"place-search": ", ".join(FRESH)})
    text = notice(client.post(CALLBACK, json=body))
    assert 0 < len(lookups) <= MAX_PLACE_NAMES
    assert "place name(s) not looked up" in text and "Search for fewer places at once" in text
    assert len(text) < 1000  # the names ignored are counted, not all listed


def test_the_budget_is_per_request_and_answers_are_remembered(client, lookups: list[str]) -> None:  # type: ignore[no-untyped-def]
    names = FRESH[100:106]
    first = notice(client.post(CALLBACK, json=record_body(**{"place-search": ", ".join(names)})))
    assert "not looked up" in first
    looked_up = len(lookups)
    for _ in range(5):  # each request looks a few more names up, never the same one twice
        client.post(CALLBACK, json=record_body(**{"place-search": ", ".join(names)}))
    assert sorted(lookups) == sorted(set(lookups)) and set(lookups) == set(names)
    assert looked_up < len(names)
    again = notice(client.post(CALLBACK, json=record_body(**{"place-search": ", ".join(names)})))
    assert "not looked up" not in again and "No place named" in again
    assert len(lookups) == len(names)


def test_selecting_ten_thousand_ids_is_bounded(lookups: list[str]) -> None:
    app = create_app(EMBEDDED_DATA_DIR).server.test_client()
    real = sorted(load_corpus(EMBEDDED_DATA_DIR).localities)
    ids = [*real, *(f"geonames:{n}" for n in range(10_000 - len(real)))]
    query = "?" + "&".join(f"place={i}" for i in ids)
    response = app.post(CALLBACK, json=restore_body(query))
    assert response.status_code == 200
    assert len(response.get_data()) < 20_000
    box = response.get_json()["response"]["place-search"]["value"]
    assert len(box.split(", ")) <= MAX_PLACE_NAMES
    assert len(lookups) <= MAX_PLACE_NAMES
    body = record_body(**{"place-search": box})
    body["state"] = [{"id": "url", "property": "search", "value": query}]
    assert "not looked up" in json.dumps(notice(app.post(CALLBACK, json=body)))
