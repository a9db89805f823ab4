"""Hub layer: a multi-party event is one mark at its venue, with its participants counted."""

from __future__ import annotations

from fixture_views import LOS_ANGELES, validated, view

from partnermap.layers import hubs


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
