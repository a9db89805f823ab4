"""Export titles: control characters and noncharacters are left out, and the person is told."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from partnermap.app import create_app
from partnermap.cli import main
from partnermap.exports.title import clean_title

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CALLBACK = "/_dash-update-component"
#: A title with a control character, a line break, a noncharacter and a lone surrogate.
BAD_TITLE = "Sister\x01 cities\nof \ufffeJiangsu\udc80"


def test_clean_title_drops_what_cannot_be_drawn_and_says_how_much() -> None:
    assert clean_title(BAD_TITLE) == (
        "Sister cities of Jiangsu",
        "The title had 3 character(s) that cannot be drawn (control characters or "
        "noncharacters such as U+FFFE); they were left out.",
    )
    assert clean_title("Sister cities \u202eof Jiangsu") == ("Sister cities \u202eof Jiangsu", "")
    assert clean_title("\x00\ufffe", "zh")[0] is None


def test_the_command_line_exports_a_drawing_and_says_the_title_was_cleaned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "view.svg"
    argv = ["export", "--format", "svg", "--data", str(FIXTURES / "dashboard"), "--out", str(out)]
    assert main([*argv, "--title", "Sister\x01 cities \ufffeof Jiangsu"]) == 0
    assert "title: The title had 2 character(s) that cannot be drawn" in capsys.readouterr().err
    drawn = " ".join("".join(e.itertext()) for e in ET.fromstring(out.read_bytes()).iter())
    assert "Sister cities of Jiangsu" in drawn


def test_the_dashboard_exports_and_says_the_title_was_cleaned() -> None:
    client = create_app(FIXTURES / "dashboard").server.test_client()
    body = {
        "output": "..export-download.data...export-status.children..",
        "outputs": [
            {"id": "export-download", "property": "data"},
            {"id": "export-status", "property": "children"},
        ],
        "inputs": [  # a pattern-matching input: the list of every format button
            [
                {
                    "id": {"type": "export-format", "format": "html"},
                    "property": "n_clicks",
                    "value": 1,
                }
            ]
        ],
        "state": [
            {"id": "url", "property": "search", "value": ""},
            {"id": "export-title", "property": "value", "value": BAD_TITLE},
            {"id": "export-size", "property": "value", "value": "slide"},
            {"id": "map-extent", "property": "data", "value": None},
            {"id": "export-notes", "property": "value", "value": ""},
            {"id": "export-sources", "property": "value", "value": ""},
            {"id": "export-print", "property": "value", "value": "screen"},
            {"id": "export-layers", "property": "value", "value": []},
        ],
        "changedPropIds": ['{"format":"html","type":"export-format"}.n_clicks'],
    }
    response = client.post(CALLBACK, json=body)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    answer = response.get_json()["response"]
    assert "3 character(s) that cannot be drawn" in answer["export-status"]["children"]
    page = base64.b64decode(answer["export-download"]["data"]["content"]).decode()
    assert "<h1>Sister cities of Jiangsu</h1>" in page
