"""Bidirectional text: a right-to-left override in the data is isolated wherever it is shown."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_security_hostile import HOSTILE, SELECTION, callback, strings

from partnermap.app import create_app
from partnermap.data.bidi import isolate
from partnermap.data.filters import FilterState
from partnermap.data.loader import load_corpus
from partnermap.exports.build import corpus_index, export
from partnermap.exports.render import Renderer
from partnermap.exports.request import ExportRequest
from partnermap.geo.basemap import BASEMAP_DIR

RLO = "\u202e"
#: An isolate: an initiator (LRI, RLI, FSI) ... POP DIRECTIONAL ISOLATE, innermost first.
ISOLATE = re.compile("[\u2066-\u2068][^\u2066-\u2069]*\u2069")


def unisolated(text: str) -> str:
    """``text`` with its isolates taken out: what can still reorder the text around it."""
    while ISOLATE.search(text):
        text = ISOLATE.sub("", text)
    return text


def assert_isolated(texts: list[str]) -> None:
    shown = [text for text in texts if RLO in text]
    assert shown, "the hostile names are shown"
    for text in shown:
        assert RLO not in unisolated(text), text[:200]


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return load_corpus(HOSTILE)


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    return create_app(HOSTILE).server.test_client()


def test_isolate_closes_what_the_text_opens() -> None:
    assert isolate("Zhenjiang 镇江") == "Zhenjiang 镇江"
    assert unisolated(isolate(f"a{RLO}b")) == ""
    assert unisolated(isolate("a\u2069\u2067b")) == ""  # a stray PDI cannot end it early


def test_loaded_text_with_an_override_is_isolated(corpus) -> None:  # type: ignore[no-untyped-def]
    (record,) = corpus.records
    texts = [record.title_zh or "", *(s.quote for s in record.sources)]
    texts += [loc.name_zh or "" for loc in corpus.localities.values()]
    assert_isolated(texts)
    plain = [loc.name_en for loc in corpus.localities.values()]
    assert plain and not any("\u2068" in name for name in plain)  # text without bidi: as it was


def test_the_page_and_plotly_show_it_isolated(client) -> None:  # type: ignore[no-untyped-def]
    answers = [
        callback(client, "map.figure", "zh"),
        callback(client, "details.children", "zh", (("selection", "data", SELECTION),)),
        json.loads(callback(client, "data-table.data-places", "zh", (("table-sort", "data", {}),))),
    ]
    assert_isolated([text for answer in answers for text in strings(answer)])


def test_images_draw_it_isolated(corpus) -> None:  # type: ignore[no-untyped-def]
    request = ExportRequest("svg", FilterState(), "zh", None, "slide")
    with Renderer(BASEMAP_DIR) as renderer:
        svg = export(request, corpus.localities, corpus_index(corpus), renderer).content
    texts = ["".join(e.itertext()) for e in ET.fromstring(svg).iter() if e.tag.endswith("text")]
    assert_isolated(texts)


def test_exported_pages_show_it_isolated(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    request = ExportRequest("html", FilterState(), "zh", None, "slide")
    page = export(request, corpus.localities, corpus_index(corpus)).content.decode()
    assert_isolated(page.splitlines())
