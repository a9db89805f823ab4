"""The interface text catalogue (``texts.yaml``, English and Chinese) and how names and counts read.

Every word the page, the map's hovers and legends, and the exports show comes from here.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import yaml

from partnermap.data.vocabulary import COUNTRIES, EVIDENCE, LEVELS, SECTORS, STATUSES, TYPES

CATALOGUE_FILE = Path(__file__).resolve().parent / "texts.yaml"
#: The interface languages, the default first.
LANGUAGES = ("en", "zh")


@functools.cache
def catalogue() -> dict[str, dict[str, str]]:
    """Every interface text by key, then by language."""
    return yaml.safe_load(CATALOGUE_FILE.read_text(encoding="utf-8"))


def status(slug: str, lang: str) -> str:
    """The label of a status slug."""
    return STATUSES[slug].label(lang)


def ui(key: str, lang: str) -> str:
    """Return the interface text ``key`` in ``lang`` ("en" or "zh").

    Examples
    --------
    >>> ui("filters", "zh")
    '筛选'
    """
    return catalogue()[key][lang]


def name(name_en: str, name_zh: str | None, lang: str) -> str:
    """A place name in ``lang``, falling back to English where no Chinese name is known."""
    return (name_zh or name_en) if lang == "zh" else name_en


def bilingual(name_en: str, name_zh: str | None, lang: str = "en") -> str:
    """Both names of a place, ``lang``'s first ("Zhenjiang · 镇江"), or the English one alone."""
    if not name_zh:
        return name_en
    return f"{name_zh} · {name_en}" if lang == "zh" else f"{name_en} · {name_zh}"


def agreements(count: int, lang: str) -> str:
    """ "1 agreement", "3 agreements" or "3 项协议".

    Examples
    --------
    >>> agreements(1, "en"), agreements(3, "zh")
    ('1 agreement', '3 项协议')
    """
    return _counted("agreements", count, lang)


def places(count: int, lang: str) -> str:
    """ "1 place", "31 places" or "31 个地点"."""
    return _counted("places", count, lang)


def by_country(codes: Iterable[str], lang: str, named: int = 3) -> str:
    """How many of ``codes`` (one per place) are in each country, the ``named`` largest by name.

    Examples
    --------
    >>> by_country(["CN", "CN", "US"], "en")
    '2 in China, 1 in United States'
    >>> by_country(["CN", "US", "FR", "DE", "DE"], "en", named=2)
    '2 in Germany, 1 in China, 2 in 2 other countries'
    >>> by_country(["CN", "CN", "US"], "zh")
    '中国 2 个，美国 1 个'
    """
    counts = Counter(codes).most_common()
    counts.sort(key=lambda item: (-item[1], country(item[0], lang)))
    parts = [
        ui("in_country", lang).format(n=n, country=country(code, lang))
        for code, n in counts[:named]
    ]
    rest = counts[named:]
    if len(rest) == 1:
        parts.append(ui("in_other_country", lang).format(n=rest[0][1]))
    elif rest:
        total = sum(n for _, n in rest)
        parts.append(ui("in_other_countries", lang).format(n=total, countries=len(rest)))
    return ui("clause_sep", lang).join(parts)


def _counted(key: str, count: int, lang: str) -> str:
    return ui(f"{key}_one" if count == 1 else f"{key}_other", lang).format(n=count)


def sector(slug: str, lang: str) -> str:
    """The label of a sector slug."""
    return SECTORS[slug].label(lang)


def agreement_type(slug: str, lang: str) -> str:
    """The label of an agreement type slug."""
    return TYPES[slug].label(lang)


def country(code: str, lang: str) -> str:
    """The name of a country code; a code no table knows stands for itself."""
    term = COUNTRIES.get(code)
    return term.label(lang) if term else code


def level(slug: str, lang: str) -> str:
    """The label of a locality level slug."""
    return LEVELS[slug].label(lang)


def evidence(slug: str, lang: str) -> str:
    """The label of an evidence level (``partnermap.data.evidence.evidence_level``)."""
    return EVIDENCE[slug].label(lang)
