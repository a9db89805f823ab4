"""Bidirectional text kept to itself: data text with right-to-left letters or bidi controls is
wrapped in an isolate, so it cannot reorder the app's own text around it.

A place named ``"\\u202egnp.exe"`` (a right-to-left override) shown as ``"{name}: 2 agreements"``
would print the rest of the line backwards ("stnemeerga 2 :"). Between FIRST STRONG ISOLATE
(U+2068) and POP DIRECTIONAL ISOLATE (U+2069) the name is laid out on its own, and every
embedding or override it opens ends with it, wherever it is drawn: the page, plotly's text,
images and exports. Text without such characters is left exactly as it is.
"""

from __future__ import annotations

import re

FSI, PDI = "\u2068", "\u2069"
#: Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko...) and the bidi controls.
_BIDI = re.compile(
    "[\u0590-\u08ff\u200f\u061c\u202a-\u202e\u2066-\u2069"
    "\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_OPENERS, _CLOSER = "\u2066\u2067\u2068", PDI


def isolate(text: str) -> str:
    """``text`` as a directional isolate, when it holds anything that could reorder its
    neighbours; otherwise unchanged.

    A stray PDI of the text would end the isolate early: it is dropped; an isolate the text
    opens and leaves open is closed before the outer one.

    Examples
    --------
    >>> isolate("Zhenjiang")
    'Zhenjiang'
    >>> isolate("\\u202egnp.exe") == "\\u2068\\u202egnp.exe\\u2069"
    True
    >>> isolate("a\\u2069b\\u2067c") == "\\u2068ab\\u2067c\\u2069\\u2069"
    True
    """
    if not _BIDI.search(text):
        return text
    kept, open_isolates = [], 0
    for char in text:
        if char in _OPENERS:
            open_isolates += 1
        elif char == _CLOSER:
            if not open_isolates:
                continue
            open_isolates -= 1
        kept.append(char)
    return FSI + "".join(kept) + PDI * open_isolates + PDI
