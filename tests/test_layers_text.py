"""plotly_text: record text reaches plotly as text, never as markup or MathJax."""

from __future__ import annotations

import pytest

from partnermap.layers.text import plotly_text


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("Zhenjiang", "Zhenjiang"),
        ("镇江市", "镇江市"),
        ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
        ("a<br>b", "a&lt;br&gt;b"),
        ('<a href="javascript:x">y</a>', '&lt;a href="javascript:x"&gt;y&lt;/a&gt;'),
        ("R&D", "R&amp;D"),
        ("&lt;", "&amp;lt;"),
        ("$x^2$", "&#36;x^2&#36;"),
        (None, ""),
        (42, "42"),
    ],
)
def test_plotly_text(raw: object, safe: str) -> None:
    assert plotly_text(raw) == safe
