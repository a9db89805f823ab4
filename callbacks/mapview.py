"""Callbacks: the map and the summary follow the controls and the part of the world in view; a
click selects a place or an arc.

After a zoom or a pan the page reports the map's extent (``ids.MAP_EXTENT``), and the map draws
its links at the level of detail the extent allows (``partnermap.layers.detail``). The page also
reports the map's size (``ids.MAP_BOX``): the map frames and labels its places for it. The map
answers first: the timeline, table and details wait for its new figure
(``ids.MAP_ANSWERED``), so on a filter change they neither compete with its callback for the server
nor with its drawing for the browser.
"""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, Patch, State

from partnermap.callbacks.context import AppContext
from partnermap.layers.detail import in_view
from partnermap.layers.figure import map_patch
from partnermap.layers.projection import reported_box
from partnermap.page import ids
from partnermap.page.details import Selection, selection_from_click
from partnermap.page.summary import summary

#: How long a zoom or pan must rest before the map redraws its links for the new extent.
ZOOM_REST_MS = 300


#: The map's answer is stamped once plotly has drawn it (two frames on): the panels, the table
#: and the timeline that follow the stamp would otherwise be answered and applied while plotly
#: draws the new map, and the map would show later.
_DRAWN_THEN_STAMP = """(figure) => new Promise((stamp) =>
  requestAnimationFrame(() => requestAnimationFrame(() => stamp(Date.now()))))"""


def register(app: Dash, context: AppContext) -> None:
    """Register the map callbacks on ``app``."""

    @app.callback(
        Output(ids.MAP, "figure"),
        Output(ids.SUMMARY, "children"),
        Input(ids.SELECTION, "data"),
        Input(ids.MAP_EXTENT, "data"),
        Input(ids.MAP_BOX, "data"),
        *[Input(cid, prop) for cid, prop in ids.CONTROLS],
    )
    def repaint(
        chosen: list[str] | None,
        extent: dict[str, Any] | None,
        box: list[float] | None,
        *controls: Any,
    ) -> tuple[Patch, str]:
        state = context.controls_state(*controls)
        selected = tuple(chosen) if chosen else None
        size = reported_box(box)
        view, frame = in_view(context.view(state.filters), extent, selected, size)
        patch = map_patch(view, state.lang, context.attribution, selected, size, frame)
        return patch, summary(view, state.lang)

    app.clientside_callback(
        _REPORT_BOX,
        Output(ids.MAP_BOX, "data"),
        Input(ids.MAP, "relayoutData"),
        State(ids.MAP_BOX, "data"),
    )

    app.clientside_callback(
        _REPORT_EXTENT,
        Output(ids.MAP_EXTENT, "data"),
        Input(ids.MAP, "relayoutData"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        _DRAWN_THEN_STAMP,
        Output(ids.MAP_ANSWERED, "data"),
        Input(ids.MAP, "figure"),
    )

    @app.callback(
        Output(ids.SELECTION, "data", allow_duplicate=True),
        Input(ids.MAP, "clickData"),
        prevent_initial_call=True,
    )
    def select(click: dict[str, Any] | None) -> Selection | None:
        return selection_from_click(click)


#: After a zoom or a pan has come to rest (no further one for ``ZOOM_REST_MS``): the map's
#: centre, scale, size and ``uirevision`` as plotly now draws them (a relayout event names only
#: what changed). A wheel turn relayouts the map several times; reporting each would send back
#: frames the person has already zoomed past.
_REPORT_EXTENT = """(relayout) => {
    const moved = relayout && Object.keys(relayout).some((key) => key.startsWith('geo'));
    if (!moved) {
        return window.dash_clientside.no_update;
    }
    const turn = (window.__partnermapZoom = (window.__partnermapZoom || 0) + 1);
    return new Promise((resolve) => setTimeout(() => {
        const gd = document.querySelector('#map .js-plotly-plot');
        const layout = gd && gd._fullLayout;
        if (turn !== window.__partnermapZoom || !layout || !layout.geo) {
            resolve(window.dash_clientside.no_update);
            return;
        }
        resolve({
            lon: layout.geo.center.lon,
            lat: layout.geo.center.lat,
            scale: layout.geo.projection.scale,
            width: layout.width,
            height: layout.height,
            revision: String(layout.uirevision),
        });
    }, ZOOM_REST_MS));
}""".replace("ZOOM_REST_MS", str(ZOOM_REST_MS))

#: The map's size as laid out, on the first draw and whenever it changes (a resize relayouts
#: the map; a zoom or pan leaves the size as it was and reports nothing).
_REPORT_BOX = """(relayout, held) => {
    const map = document.getElementById('map');
    const box = map ? [map.clientWidth, map.clientHeight] : null;
    const same = !box || (held && held[0] === box[0] && held[1] === box[1]);
    return same ? window.dash_clientside.no_update : box;
}"""
