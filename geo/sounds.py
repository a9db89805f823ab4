"""Sound keys: a foreign place name and its Chinese transcription ("马斯卡廷", Muscatine) agree.

Chinese writes a foreign name by its sounds, one syllable a character, after Xinhua's tables:
its consonants survive, its vowels do not. A key keeps the consonants as classes that the
tables map onto one another (b/p, f/v/w, d/t, l/r, g/k/hard c, s/z/j/ch/sh/soft c and the
pinyin j/q/x/zh/ch/sh, m, n), with neighbours of one class merged, so "Sacramento" and
"萨克拉门托" (sa ke la men tuo) both read SKLMNT. English letters that a transcription drops
are dropped: an r before a consonant or at the end ("Vermont", 佛蒙特), though Russian and
German names keep it (so the gazetteer keys a name both ways); a final "ng" reads as n; "ç" is
an s.

Keys are for suggestions ("did you mean"), never a match by themselves. Measured on GeoNames'
own Chinese names of places abroad (``benchmarks/sounds.py``; keys of ``MIN_KEY`` sounds or
more), the first suggestion is the place in 85% of answers when the first-level division is
known, and in about half when only the country is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

#: The administrative suffix a Chinese name abroad may end with ("斯维尔德洛夫斯克州").
_ADMIN_SUFFIX = re.compile(
    r"(?:特别自治道|特别行政区|自治区|自治州|省|州|市|县|縣|区|區|郡|道|町|村|镇|鎮)$"
)
#: The shortest key that is specific enough to suggest anything.
MIN_KEY = 4

#: English spellings of one sound, longest first: each becomes its class (or nothing).
_LATIN_DIGRAPHS = (
    ("sch", "S"),
    ("tch", "S"),
    ("ch", "S"),
    ("sh", "S"),
    ("zh", "S"),
    ("ts", "S"),
    ("tz", "S"),
    ("ph", "F"),
    ("th", "T"),
    ("gh", ""),
    ("ck", "K"),
    ("qu", "KF"),
    ("x", "KS"),
)
_LATIN_CLASSES = {
    **dict.fromkeys("bp", "P"),
    **dict.fromkeys("fvw", "F"),
    **dict.fromkeys("dt", "T"),
    **dict.fromkeys("lr", "L"),
    **dict.fromkeys("cgkq", "K"),
    **dict.fromkeys("szj", "S"),
    "m": "M",
    "n": "N",
}
#: Pinyin initials, longest first, and their classes ("" for none: h, y).
_INITIALS = (
    ("zh", "S"),
    ("ch", "S"),
    ("sh", "S"),
    *((initial, cls) for cls, initials in (
        ("P", "bp"), ("M", "m"), ("F", "fw"), ("T", "dt"), ("N", "n"), ("L", "l"),
        ("K", "gk"), ("S", "jqxzcsr"), ("", "hy"),
    ) for initial in initials),
)  # fmt: skip


def latin_sound(name: str, every_r: bool = False) -> str:
    """The sound key of a name in Latin letters: "Muscatine" -> "MSKTN".

    Parameters
    ----------
    name
        A place name; accents are dropped, other scripts ignored.
    every_r
        Keep an r before a consonant too, as transcriptions of Russian and German names do
        (Sverdlovsk, 斯维尔德洛夫斯克) and of English ones do not (Vermont, 佛蒙特).

    Returns
    -------
    str
        The consonant classes, neighbours of one class merged.
    """
    letters = unicodedata.normalize("NFKD", name.casefold().replace("ç", "s"))
    letters = "".join(c for c in letters if "a" <= c <= "z")
    letters = re.sub(r"ng$", "n", letters)
    if not every_r:
        letters = re.sub(r"r(?=[^aeiouy]|$)", "", letters)
    letters = re.sub(r"c(?=[eiy])", "s", letters)
    for spelling, sound in _LATIN_DIGRAPHS:
        letters = letters.replace(spelling, sound)
    return _merged(c if c.isupper() else _LATIN_CLASSES.get(c, "") for c in letters)


def chinese_sound(name: str) -> str:
    """The sound key of a Chinese transcription: "马斯卡廷" -> "MSKTN".

    Each syllable gives its initial's class and, after n or ng, an N; "尔" (er) gives an L, and
    the initial r an S, as "日" and "热" write the zh and j of other languages (沃罗涅日, Voronezh).

    Parameters
    ----------
    name
        Chinese characters (others are ignored); an administrative suffix at the end ("州",
        "市", "道") is no part of the name's sounds.
    """
    # Imported here: its phrase dictionary takes 0.3 s to load, and few queries need it.
    from pypinyin import Style, lazy_pinyin

    classes: list[str] = []
    for syllable in lazy_pinyin(_ADMIN_SUFFIX.sub("", name), style=Style.NORMAL, errors="ignore"):
        if syllable == "er":
            classes.append("L")
            continue
        initial, cls = next(((i, c) for i, c in _INITIALS if syllable.startswith(i)), ("", ""))
        classes.append(cls)
        if syllable[len(initial) :].endswith(("n", "ng")):
            classes.append("N")
    return _merged(classes)


def _merged(classes: Iterable[str]) -> str:
    """The classes in order, each run of one class as one."""
    key: list[str] = []
    for cls in classes:
        for one in cls:
            if not key or key[-1] != one:
                key.append(one)
    return "".join(key)
