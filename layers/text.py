"""Record text made safe for plotly figures: shown as written, never read as markup."""

from __future__ import annotations

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "$": "&#36;"})


def plotly_text(text: object) -> str:
    """Escape ``text`` for a plotly label, hover or annotation.

    Plotly reads ``<br>``, ``<b>``, ``<a href>`` and entities in text as its pseudo-HTML, and
    text between two ``$`` as MathJax. Escaping ``&``, ``<``, ``>`` and ``$`` as entities makes
    plotly draw the characters themselves.

    Parameters
    ----------
    text
        Any value; None becomes "".

    Returns
    -------
    str

    Examples
    --------
    >>> plotly_text("R&D <b>pilot</b> costs $5-$10")
    'R&amp;D &lt;b&gt;pilot&lt;/b&gt; costs &#36;5-&#36;10'
    """
    return "" if text is None else str(text).translate(_ESCAPES)
