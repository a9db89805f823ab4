"""Callbacks: the interface text follows the language toggle."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output

from partnermap.data.dataset import Dataset
from partnermap.data.view import MapView
from partnermap.page import ids, layout


def register(app: Dash, dataset: Dataset, everything: MapView) -> None:
    """Register the interface-language callback on ``app``: the page's text, ``dataset``'s
    title and summary, the legend of ``everything`` (the unfiltered view)."""
    outputs = layout.translated_props()

    @app.callback(
        [Output(cid, prop) for cid, prop in outputs],
        Input(ids.LANG_TOGGLE, "value"),
    )
    def translate(lang: str | None) -> list[Any]:
        values = layout.translations(lang or "en", dataset, everything)
        return [values[cid, prop] for cid, prop in outputs]

    # The page's language, for screen readers' voices and the browser's fonts.
    app.clientside_callback(
        "(lang) => { document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'; }",
        Input(ids.LANG_TOGGLE, "value"),
    )
