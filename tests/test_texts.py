"""The interface text catalogue: both languages for every key, and no page text bypassing it."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from typing import Any

import plotly.graph_objects as go
import pytest

from partnermap.data import texts
from partnermap.data.context import context_totals
from partnermap.data.vocabulary import COUNTRIES, LEVELS, SECTORS, STATUSES, TYPES
from partnermap.page import export_menu, layout

#: Component props whose strings a person reads or a screen reader speaks.
_SHOWN_PROPS = ("children", "placeholder", "title", "aria-label", "label")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_key_has_both_languages_with_the_same_fields() -> None:
    catalogue = texts.catalogue()
    assert catalogue, "the catalogue is empty"
    for key, by_lang in catalogue.items():
        assert set(by_lang) == set(texts.LANGUAGES), key
        assert all(isinstance(t, str) and t.strip() for t in by_lang.values()), key
        assert _fields(by_lang["en"]) == _fields(by_lang["zh"]), key


def test_an_unknown_key_is_an_error_not_an_empty_string() -> None:
    with pytest.raises(KeyError):
        texts.ui("no-such-key", "en")


def _strings(component: Any) -> Iterator[str]:
    """Every string a component tree shows: children, and the props people read."""
    if isinstance(component, str):
        yield component
        return
    if isinstance(component, list | tuple):
        for child in component:
            yield from _strings(child)
        return
    if isinstance(component, dict):  # an option of a dropdown or radio list
        if isinstance(component.get("label"), str):
            yield component["label"]
        return
    props = getattr(component, "to_plotly_json", None)
    if props is None:
        return
    values = component.to_plotly_json()["props"]
    for prop in _SHOWN_PROPS:
        if prop in values:
            yield from _strings(values[prop])
    if isinstance(values.get("options"), list):
        yield from _strings(values["options"])


def _allowed(lang: str) -> set[str]:
    vocabularies = (COUNTRIES, LEVELS, SECTORS, STATUSES, TYPES)
    return (
        {by_lang[lang] for by_lang in texts.catalogue().values()}
        | {term.label(lang) for table in vocabularies for term in table.values()}
        | {item.children for item in layout.about_items(context_totals(), lang)}
    )


@pytest.mark.parametrize("lang", texts.LANGUAGES)
def test_no_text_in_the_page_bypasses_the_catalogue(lang: str) -> None:
    page = layout.page(go.Figure(), go.Figure(), (1979, 2020))
    shown = list(_strings(page)) + list(_strings(export_menu.menu_body(lang)))
    translated = layout.translations(lang)
    shown += [v for v in translated.values() if isinstance(v, str)]
    # The page is built in English, then translated; the language toggle names each language.
    allowed = set().union(*(_allowed(each) for each in texts.LANGUAGES))
    strays = {s for s in shown if s.strip() and not re.fullmatch(r"[\d\s:–]+", s)} - allowed
    assert strays == set(), f"interface text outside data/texts.yaml: {sorted(strays)}"
