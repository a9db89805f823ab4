"""Selection layer: a place brings out its links, its events' spokes and rings at every end."""

from __future__ import annotations

from fixture_views import CALIFORNIA, LOS_ANGELES, ZHENJIANG, validated, view

from partnermap.layers import selection

GUANGZHOU = "geonames:1809858"


def test_nothing_selected_draws_nothing() -> None:
    traces = validated(selection.traces(view(), "en", None))
    assert [t.uid for t in traces] == ["selected-links", "selected-spokes", "selected-places"]
    assert all(len(t.lat) == 0 for t in traces)


def test_a_place_brings_out_its_links_and_both_ends() -> None:
    v = view()
    links, _, rings = validated(selection.traces(v, "en", ("place", ZHENJIANG)))
    assert len(links.lat) > 0
    ringed = {c[1] for c in rings.customdata}
    assert {ZHENJIANG, CALIFORNIA} <= ringed
    assert not ringed & {"CN", "US"}


def test_spokes_of_an_event_only_when_it_is_selected() -> None:
    v = view()
    assert selection.spoke_rows(v, None).empty
    spokes = selection.spoke_rows(v, ("place", GUANGZHOU))
    assert set(spokes["venue"]) == {LOS_ANGELES}
    assert len(spokes) == 10  # the summit's other participants, each once
    _, lines, _ = validated(selection.traces(v, "en", ("place", LOS_ANGELES)))
    assert len(lines.lat) >= 3 * 10


def test_a_pair_selects_its_link_only() -> None:
    v = view()
    rows = selection.arc_rows(v, ("pair", ZHENJIANG, CALIFORNIA))
    assert len(rows) == 1
    assert set(selection.ends(v, ("pair", ZHENJIANG, CALIFORNIA)).index) == {ZHENJIANG, CALIFORNIA}
