"""Hub layer: a multi-party event is one mark at its venue, with its participants counted."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from fixture_views import LOS_ANGELES, validated, view

from partnermap.layers import figure, hubs
from partnermap.layers.figure import drawn_note


def test_the_summit_is_one_hub_at_its_host_not_a_web_of_links() -> None:
    v = view(types=frozenset({"summit"}))
    (trace,) = validated(hubs.traces(v, "en"))
    assert [list(c) for c in trace.customdata] == [["place", LOS_ANGELES]]
    assert trace.marker.symbol == "diamond"
    assert "U.S.-China Climate Leaders Summit (2015) · 11 participants" in trace.text[0]
    assert v.arcs.empty  # no city-to-city arc for an event


def test_hover_in_chinese_and_an_empty_view() -> None:
    (trace,) = validated(hubs.traces(view(types=frozenset({"summit"})), "zh"))
    assert "11 个参与方" in trace.text[0]
    (empty,) = validated(hubs.traces(view(types=frozenset({"sister_city"})), "en"))
    assert len(empty.lat) == 0 and empty.showlegend is False


def test_legend_entry() -> None:
    (entry,) = hubs.legend_entries("en")
    assert entry["symbol"] == hubs.SYMBOL and "participants" in entry["label"]


def test_only_the_venues_with_most_events_are_drawn_and_the_note_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    v = view()
    venues = list(dict.fromkeys(v.hubs["id"]))
    assert len(venues) > 2
    assert "event venues" not in drawn_note(v, "en")
    monkeypatch.setattr(hubs, "MAX_DRAWN", 2)
    (trace,) = validated(hubs.traces(v, "en"))
    assert [c[1] for c in trace.customdata] == venues[:2]  # one event each: the view's order
    assert "the map draws the 2 event venues with most events" in drawn_note(v, "en")
    assert "2 个活动地点" in drawn_note(v, "zh")


def test_the_frame_follows_the_venues_drawn_not_those_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    v = view()
    # One more venue, last in the view's order, far from every place: Cape Town.
    far = v.hubs.iloc[[-1]].assign(id="far-venue", lat=-33.9, lon=18.4, record="far-event")
    wider = dataclasses.replace(v, hubs=pd.concat([v.hubs, far], ignore_index=True))
    assert figure.frame_of(wider) != figure.frame_of(v)  # drawn, it widens the frame
    monkeypatch.setattr(hubs, "MAX_DRAWN", v.hubs["id"].nunique())
    assert "far-venue" not in hubs.drawn(wider).index
    assert [c[1] for c in hubs.traces(wider, "en")[0]["customdata"]] == list(
        hubs.drawn(wider).index
    )
    assert figure.frame_of(wider) == figure.frame_of(v)
