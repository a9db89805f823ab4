"""Traditional Chinese characters as simplified ones, one for one, so that spans still hold.

Cue words, dates and place names are written once, in simplified characters ("签署", "备忘录",
"周年"); a text in traditional characters ("簽署", "備忘錄", "週年") is read through this
mapping. Each character maps to one character, so every offset into the simplified text is an
offset into the original.
"""

from __future__ import annotations

from functools import cache


def simplified(text: str) -> str:
    """``text`` with each traditional Chinese character replaced by its simplified form.

    Parameters
    ----------
    text
        Any text; characters outside the CJK blocks are kept.

    Returns
    -------
    str
        A text of the same length.
    """
    table = {
        ord(char): mapped
        for char in set(text)
        if "\u3400" <= char <= "\u9fff" and (mapped := _simplified_char(char)) != char
    }
    return text.translate(table) if table else text


@cache
def _simplified_char(char: str) -> str:
    converted = _converter().convert(char)
    return converted if len(converted) == 1 else char


@cache
def _converter():
    import opencc_purepy

    return opencc_purepy.OpenCC("t2s")
