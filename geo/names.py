"""Name forms shared by the gazetteer and the geocoder: cleaning, keys, suffixes and pinyin.

A *key* is what the gazetteer indexes and a query is looked up by. Latin keys are
lower-case ASCII letters and digits only, so "Zhen Jiang", "Zhenjiang" and "Xi'an" / "Xian"
meet; Han keys are simplified characters with spaces and punctuation removed.

Historical and conventional names of Chinese places ("Peking", "Canton") are in
``historical_names.yaml`` beside this module: the gazetteer indexes each as a name of the place
it means now, and the dashboard's place search reads the same file.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import yaml

#: Longest accepted query, in characters: the longest party name in the seed documents is
#: about 90, so 300 leaves room for any real name while refusing pasted paragraphs.
MAX_QUERY_LENGTH = 300
#: Historical and conventional English names of Chinese places -> the English name used now.
HISTORICAL_FILE = Path(__file__).resolve().parent / "historical_names.yaml"

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʻ": "'", "′": "'"})
_SPACES = re.compile(r"\s+")
_LATIN_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")

#: Abbreviated English words that a name may use in place of the full word.
_WORD_FORMS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}

#: The 55 minority nationalities that name autonomous areas, with the English names used in
#: official titles ("Zhijiang Dong Autonomous County"); longest first for the suffix pattern.
ETHNIC_GROUPS: dict[str, str] = {
    "柯尔克孜": "Kirgiz",
    "乌孜别克": "Uzbek",
    "维吾尔": "Uygur",
    "哈萨克": "Kazak",
    "塔吉克": "Tajik",
    "达斡尔": "Daur",
    "鄂伦春": "Oroqen",
    "鄂温克": "Ewenki",
    "俄罗斯": "Russian",
    "塔塔尔": "Tatar",
    "蒙古": "Mongol",
    "布依": "Bouyei",
    "朝鲜": "Korean",
    "土家": "Tujia",
    "哈尼": "Hani",
    "傈僳": "Lisu",
    "拉祜": "Lahu",
    "东乡": "Dongxiang",
    "纳西": "Naxi",
    "景颇": "Jingpo",
    "仫佬": "Mulao",
    "布朗": "Blang",
    "撒拉": "Salar",
    "毛南": "Maonan",
    "仡佬": "Gelao",
    "锡伯": "Xibe",
    "阿昌": "Achang",
    "普米": "Pumi",
    "德昂": "De'ang",
    "保安": "Bonan",
    "裕固": "Yugur",
    "独龙": "Derung",
    "赫哲": "Hezhen",
    "门巴": "Monba",
    "珞巴": "Lhoba",
    "基诺": "Jino",
    "高山": "Gaoshan",
    "回": "Hui",
    "藏": "Tibetan",
    "苗": "Miao",
    "彝": "Yi",
    "壮": "Zhuang",
    "满": "Manchu",
    "侗": "Dong",
    "瑶": "Yao",
    "白": "Bai",
    "傣": "Dai",
    "黎": "Li",
    "佤": "Va",
    "畲": "She",
    "水": "Sui",
    "土": "Tu",
    "羌": "Qiang",
    "怒": "Nu",
    "京": "Gin",
}

_ETHNIC = "|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True))
# A few official names write the nationality without 族 (新疆维吾尔自治区, 博尔塔拉蒙古自治州).
_AUTONOMOUS = re.compile(
    rf"^(?P<stem>.{{2,}}?)(?P<groups>(?:(?:{_ETHNIC})族|维吾尔|蒙古|柯尔克孜)+)自治(?P<kind>区|州|县|旗)$"
)

#: Chinese administrative suffixes, longest first: (suffix, English word, level it implies).
ZH_SUFFIXES: tuple[tuple[str, str, str], ...] = (
    ("特别行政区", "Special Administrative Region", "province"),
    ("自治区", "Autonomous Region", "province"),
    ("自治州", "Autonomous Prefecture", "city"),
    ("自治县", "Autonomous County", "county"),
    ("自治旗", "Autonomous Banner", "county"),
    ("林区", "Forestry District", "county"),
    ("新区", "New Area", "county"),
    ("特区", "Special District", "county"),
    ("地区", "Prefecture", "city"),
    ("省", "Province", "province"),
    ("市", "", "city"),
    ("县", "County", "county"),
    ("区", "District", "county"),
    ("旗", "Banner", "county"),
    ("盟", "League", "city"),
)


#: The Chinese words a first-level division abroad is written with, longest first: a state or
#: oblast (州), a province (省), a Japanese prefecture (县), a Kenyan county (郡), a Korean
#: province (道), a German Land (邦), a region (大区, 地区). Names that sources give bare
#: ("安塔利亚") take them in text.
DIVISION_SUFFIXES = ("大区", "地区", "州", "省", "县", "縣", "郡", "道", "邦")


def division_stem(name: str) -> tuple[str, str]:
    """Split a Chinese name into the name before a division's suffix and the suffix.

    Examples
    --------
    >>> division_stem("维捷布斯克州")
    ('维捷布斯克', '州')
    >>> division_stem("安塔利亚")
    ('安塔利亚', '')
    """
    for suffix in DIVISION_SUFFIXES:
        if name.endswith(suffix) and len(name) >= len(suffix) + 2:
            return name[: -len(suffix)], suffix
    return name, ""


@functools.cache
def historical_names() -> dict[str, str]:
    """Return each historical or conventional name and the English name the place has now.

    Returns
    -------
    dict[str, str]
        ``historical_names.yaml`` as written: {"Peking": "Beijing", "Canton": "Guangzhou", ...}.
    """
    return yaml.safe_load(HISTORICAL_FILE.read_text(encoding="utf-8"))


def clean(text: str) -> str:
    """Return ``text`` in normal form: NFKC, one kind of apostrophe, no control or emoji.

    Parameters
    ----------
    text
        Any text a user typed or pasted.

    Returns
    -------
    str
        The text with full-width forms folded, curly apostrophes made straight, control,
        format and symbol characters (emoji) dropped and runs of white space made one space.
    """
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    kept = "".join(
        char if not unicodedata.category(char).startswith(("C", "So", "Sk")) else " "
        for char in text
    )
    return _SPACES.sub(" ", kept).strip()


def has_han(text: str) -> bool:
    """Return whether ``text`` holds a Chinese character."""
    return _HAN.search(text) is not None


def is_chinese_name(text: str) -> bool:
    """Return whether ``text`` reads as a Chinese name: Han characters, no Latin letters or kana.

    GeoNames' alternate names mix Chinese with Japanese forms such as ブルックリン区.
    """
    return has_han(text) and not has_latin(text) and _KANA.search(text) is None


_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")


def has_latin(text: str) -> bool:
    """Return whether ``text`` holds a Latin letter."""
    return _LATIN_LETTER.search(text) is not None


def latin_tokens(text: str) -> list[str]:
    """Split Latin text into lower-case ASCII words, expanding "St."-style abbreviations.

    Apostrophes join their word ("Xi'an" is one word, "xian"); every other non-letter
    separates words. Accents are dropped ("Lüshunkou" gives "lushunkou").
    """
    ascii_text = (
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    ).replace("'", "")
    words = [word for word in _LATIN_TOKEN_SPLIT.split(ascii_text) if word]
    return [_WORD_FORMS.get(word, word) for word in words]


def latin_key(text: str) -> str:
    """Return the Latin lookup key of a name: its words run together ("zhenjiang")."""
    return "".join(latin_tokens(text))


def zh_stem(name: str) -> tuple[str, str, str]:
    """Split a Chinese administrative name into its stem, English suffix and implied level.

    Parameters
    ----------
    name
        A full Chinese name such as "镇江市", "芷江侗族自治县" or "广西壮族自治区".

    Returns
    -------
    tuple[str, str, str]
        ``(stem, english_suffix, level)``: ("镇江", "", "city"), ("芷江", "Dong Autonomous
        County", "county"). A name with no known suffix is its own stem, with level "".
    """
    autonomous = _AUTONOMOUS.match(name)
    if autonomous:
        groups = re.findall(rf"({_ETHNIC})族|(维吾尔|蒙古|柯尔克孜)", autonomous["groups"])
        groups = [named or bare for named, bare in groups]
        suffix_word, level = next(
            (english, level)
            for zh, english, level in ZH_SUFFIXES
            if zh == "自治" + autonomous["kind"]
        )
        ethnic = " ".join(ETHNIC_GROUPS[group] for group in groups)
        return autonomous["stem"], f"{ethnic} {suffix_word}", level
    for suffix, english, level in ZH_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], english, level
    return name, "", ""


def pinyin_name(stem: str, full: str | None = None, readings: Sequence[dict] = ()) -> str:
    """Return the English (pinyin) form of a Chinese place-name stem: 海阳 -> "Haiyang".

    Parameters
    ----------
    stem
        The name without its administrative suffix ("长宁").
    full
        The whole name ("长宁区"): pypinyin reads it with its phrase dictionary, so the suffix
        gives polyphonic characters their context (朝阳区 reads chao, 朝阳 alone zhao).
    readings
        Place-name readings that outrank pypinyin, rows of ``place_overrides.yaml``'s
        ``pinyin`` list: ``{"word": "闵行", "pinyin": "min hang"}``. A one-character word applies
        wherever the character stands, a longer one where the whole word does (longest first).

    Returns
    -------
    str
        Syllables run together, with an apostrophe before one that starts with a vowel
        (西安 -> "Xi'an"), and ü written as in official maps (旅顺口 -> "Lüshunkou").
    """
    whole = full if full and full.startswith(stem) and has_han(stem) else stem
    # Imported here: its phrase dictionary takes 0.3 s to load, and only building the gazetteer
    # reads it, not the dashboard's start.
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(whole, style=Style.NORMAL, v_to_u=True, errors="ignore")
    if len(syllables) < len(stem) or len(whole) != len(syllables):
        syllables = lazy_pinyin(stem, style=Style.NORMAL, v_to_u=True, errors="ignore")
    syllables = syllables[: len(stem)] if len(syllables) >= len(stem) else syllables
    if len(syllables) == len(stem):
        syllables = _apply_readings(stem, syllables, readings)
    word = ""
    for index, syllable in enumerate(syllables):
        if index and syllable[:1] in ("a", "e", "o"):
            word += "'"
        word += syllable
    return word[:1].upper() + word[1:]


def _apply_readings(stem: str, syllables: list[str], readings: Sequence[dict]) -> list[str]:
    """Replace pypinyin's syllables where a curated place-name reading covers the characters."""
    syllables = list(syllables)
    fixed = [False] * len(stem)
    for row in sorted(readings, key=lambda row: -len(row["word"])):
        word, spoken = row["word"], row["pinyin"].split()
        start = stem.find(word)
        while start >= 0:
            span = range(start, start + len(word))
            if not any(fixed[i] for i in span):
                for offset, i in enumerate(span):
                    syllables[i], fixed[i] = spoken[offset], True
            start = stem.find(word, start + 1)
    return syllables
