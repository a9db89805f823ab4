"""Export titles cleaned of what cannot be drawn (control characters and noncharacters), and
the dataset's own title where none is typed."""

from __future__ import annotations

import re
import unicodedata

from partnermap.data.dataset import Dataset

#: What the title note says, by language; ``{count}`` characters were removed.
_NOTE = {
    "en": "The title had {count} character(s) that cannot be drawn (control characters or "
    "noncharacters such as U+FFFE); they were left out.",
    "zh": "标题中有 {count} 个无法显示的字符（控制字符或 U+FFFE 等非字符），已略去。",
}


def clean_title(
    title: str | None, lang: str = "en", dataset: Dataset | None = None
) -> tuple[str | None, str]:
    """``title`` without control characters, surrogates and noncharacters, and a note.

    Tabs and line breaks become spaces; every other such character is dropped (plotly and
    the browser that draws images fail on them). Bidirectional marks stay: they are text.

    Parameters
    ----------
    title
        The title as typed; None or blank for the default title.
    lang
        The language of the note and of the dataset's title, "en" or "zh".
    dataset
        The exported dataset: its title (``Dataset.title``) stands where nothing is typed.

    Returns
    -------
    tuple
        The clean title (the dataset's when nothing is left, None without a dataset), and a
        note saying what was removed ("" when nothing was).

    Examples
    --------
    >>> clean_title("Sister\\tcities\\x00\\ufffe")[0]
    'Sister cities'
    """
    own = dataset.title(lang) if dataset is not None else None
    if title is None:
        return own, ""
    spaced = re.sub(r"[\t\n\r\v\f\x85\u2028\u2029]+", " ", title)
    kept = "".join(c for c in spaced if _drawable(c))
    removed = len(spaced) - len(kept)
    note = _NOTE.get(lang, _NOTE["en"]).format(count=removed) if removed else ""
    return kept.strip() or own, note


def _drawable(char: str) -> bool:
    code = ord(char)
    noncharacter = (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF
    return not noncharacter and unicodedata.category(char) not in ("Cc", "Cs")
