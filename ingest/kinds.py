"""The type and sectors of an agreement, from cue words in English and Chinese.

Each cue is a regular expression; the vocabulary's slugs are the only values returned. Type
cues are tried most specific first, so "sister state" wins over "sister city" and "action plan"
over "plan".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from partnermap.data.vocabulary import SECTORS, TYPES

_I = re.I

#: A partnership's word naming what an agreement is about: the agreement's noun decides its
#: type ("建立友好城市关系意向书" is a letter of intent, "深化友好省州交流合作协议书" an agreement
#: on cooperation between partners; "建立友好城市关系协议书" founds the partnership).
_PARTNERS_ZH = r"(?:友好城市|友好省州|友好省份?|友好州省?|友城|[姐姊]妹城市?)(?:关系)?"
#: An agreement on cooperation between partners: an agreement of its own, beside a founding
#: told in the same sentence.
PARTNERS_AGREEMENT = re.compile(_PARTNERS_ZH + r"(?:交流)?合作协议书?")

#: A partnership named without its kind or level ("结好", "sister relationship").
UNNAMED_PARTNERSHIP = re.compile(
    r"sister[- ](?:relationships?|relations|ties)|(?:缔结|结为|结成)友好关系|结好", re.I
)

#: (type slug, cue), most specific first.
TYPE_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("mou", re.compile(_PARTNERS_ZH + r"意向书")),
    ("other", PARTNERS_AGREEMENT),
    (
        "sister_state_province",
        re.compile(
            r"sister[- ](?:state|province)s?(?:/(?:state|province)s?)?|sister states?/provinces?|"
            r"友好省州|友好省份?|友好州省?|友好省州关系|结为友好省|省州结好|[姐姊][妹姊](?:省份?|州)",
            _I,
        ),
    ),
    (
        "sister_city",
        re.compile(
            r"sister[- ]cit(?:y|ies)|twin(?:ned)? cit(?:y|ies)|友好城市|[姐姊]妹城市?|[姐姊]妹市|"
            r"结为友城|友城|"
            # A partnership of either level, named without it: the parties' level decides.
            + UNNAMED_PARTNERSHIP.pattern
            + r"|sisterhood(?:\s+(?:relationships?|agreements?|ties))?|sisterly\s+(?:ties|relations)|"
            r"twinning(?:\s+(?:agreements?|relationships?))?",
            _I,
        ),
    ),
    (
        "friendship",
        re.compile(
            r"friendship cit(?:y|ies)|friendship agreements?|友好交流城市|友好合作城市|友好合作关系|"
            r"友好协议|"
            r"friendly\s+(?:relationship|relations|ties)",
            _I,
        ),
    ),
    (
        "mou",
        re.compile(
            r"memorand(?:um|a)\s+of\s+understand(?:ing)?\b|\bMOUs?\b|\bMoUs?\b|谅解备忘录|合作备忘录|"
            r"备忘录|\bletters?\s+of\s+intent\b|意向书",
            _I,
        ),
    ),
    ("action_plan", re.compile(r"action plans?|plan of actions?|行动计划|行动方案", _I)),
    ("summit", re.compile(r"\bsummits?\b|峰会", _I)),
    ("forum", re.compile(r"\bforums?\b|论坛", _I)),
    ("workshop", re.compile(r"\bworkshops?\b|\bseminars?\b|研讨会|研修班", _I)),
    (
        "training",
        re.compile(
            r"\btraining (?:program|course)s?\b|\bcourses?\b|\bstudy tours?\b|培训|考察团", _I
        ),
    ),
    (
        "conference",
        re.compile(
            r"\bconferences?\b|\bcommittee meeting\b|\bsteering committee\b|\bmeetings?\b|"
            r"\bdialogues?\b|大会|会议|对话|年会|见面会",
            _I,
        ),
    ),
    # Capitalised in English: "containment strategies" is no strategy document, nor is
    # "strategic cooperation" (战略合作), nor "在…论坛框架内" (within a forum's framework).
    (
        "framework",
        re.compile(
            r"\b(?:Framework|FRAMEWORK|Strateg(?:y|ies)|STRATEG(?:Y|IES))\b|框架(?!内|下|之内|之下)|"
            r"战略(?!合作|伙伴|对话|性|意义|目标)"
        ),
    ),
    (
        "other",
        re.compile(
            r"\bdeclarations?\b|\bjoint statements?\b|\bcommuniqu[eé]s?\b|宣言|联合声明|公报", _I
        ),
    ),
    ("other", re.compile(r"\bexpos?\b|博览会|交易会|展览会", _I)),
    ("program", re.compile(r"\bprogram(?:me)?s?\b|\bpartnerships?\b|计划|项目合作", _I)),
    ("project", re.compile(r"\bprojects?\b|\bcent(?:er|re)\b|项目|中心", _I)),
    ("other", re.compile(r"\bagreements?\b|\baccords?\b|\bpacts?\b|协议|协定", _I)),
]

#: Types of events people gather for: a record of one names its host, and an agreement may be
#: made at one.
GATHERINGS = frozenset({"summit", "forum", "conference", "workshop", "training"})

#: How much of a text :func:`find_sectors` reads.
SECTOR_CHARS = 50_000

#: (sector slug, cue).
SECTOR_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("low-carbon-planning", re.compile(r"low[- ]carbon|低碳", _I)),
    (
        "climate-policy",
        re.compile(
            r"climate change|\bclimate\b|greenhouse gas|emissions? peak|气候|温室气体|碳排放", _I
        ),
    ),
    (
        "renewable-energy",
        re.compile(
            r"renewable|solar|wind power|wind energy|clean energy|可再生能源|新能源|太阳能|风能|清洁能源",
            _I,
        ),
    ),
    ("energy-efficiency", re.compile(r"energy efficien|energy saving|节能|能效", _I)),
    (
        "fossil-energy",
        re.compile(r"shale gas|natural gas|\bcoal\b|\boil\b|页岩气|天然气|煤炭|石油", _I),
    ),
    ("nuclear-energy", re.compile(r"nuclear (?:power|energy|reactor)|AP1000|核电|核能", _I)),
    (
        "nuclear-security",
        re.compile(
            r"nuclear security|radiation detection|illicit trafficking|customs|核安保|核安全|海关",
            _I,
        ),
    ),
    (
        "electric-vehicles-transport",
        re.compile(
            r"electric (?:vehicle|bus|car)s?|\bEVs?\b|transport|新能源汽车|电动汽车|电动大巴|交通",
            _I,
        ),
    ),
    (
        "clean-air",
        re.compile(r"air quality|clean air|air pollution|空气质量|清洁空气|大气污染|空气污染", _I),
    ),
    (
        "clean-water",
        re.compile(r"clean water|water quality|wastewater|清洁水|水质|污水|水处理", _I),
    ),
    ("green-building", re.compile(r"green building|绿色建筑|建筑节能", _I)),
    (
        "ecosystems",
        re.compile(
            r"wetlands?|forests?|ecosystems?|biodiversity|湿地|森林|生态系统|自然保护区", _I
        ),
    ),
    ("agriculture", re.compile(r"agricultur|farming|\bfood\b|农业|粮食", _I)),
    (
        "trade-investment",
        re.compile(
            r"\btrade\b|investment|\bexpo\b|economic cooperation|经贸|贸易|投资|博览会|交易会", _I
        ),
    ),
    (
        "education-youth",
        re.compile(r"education|universit|students?|youth|schools?|教育|大学|学生|青少年|青年", _I),
    ),
    ("culture", re.compile(r"cultur|friendship|tourism|文化|友好交流|旅游", _I)),
    ("training-capacity", re.compile(r"\btraining\b|capacity building|培训|能力建设", _I)),
    (
        "science-technology",
        re.compile(r"research|science|scientific|technolog|科技|科学|技术|研究", _I),
    ),
    ("public-health", re.compile(r"public health|\bhealth\b|medical|卫生|健康|医疗", _I)),
]

assert {slug for slug, _ in TYPE_CUES} <= set(TYPES)
assert {slug for slug, _ in SECTOR_CUES} <= set(SECTORS)


@dataclass(frozen=True)
class Cue:
    """A vocabulary slug and the words of the text that suggested it."""

    slug: str
    start: int
    end: int
    text: str


def type_cues(text: str) -> list[Cue]:
    """Every type cue in ``text``, in text order (one per position, the most specific)."""
    found: list[Cue] = []
    for slug, pattern in TYPE_CUES:
        for match in pattern.finditer(text):
            if not any(c.start < match.end() and match.start() < c.end for c in found):
                found.append(Cue(slug, match.start(), match.end(), match.group()))
    return sorted(found, key=lambda cue: cue.start)


def find_sectors(text: str, limit: int = 6) -> list[Cue]:
    """Return the sectors ``text`` names, most-mentioned first (at most ``limit``).

    A text that names none gets no sectors; the record builder then uses "general". Only the
    first ``SECTOR_CHARS`` characters are read: what an agreement is about, it says early,
    and a text of megabytes would otherwise be read twenty times over.
    """
    text = text[:SECTOR_CHARS]
    counted: list[tuple[int, int, Cue]] = []
    for rank, (slug, pattern) in enumerate(SECTOR_CUES):
        matches = list(pattern.finditer(text))
        if matches:
            first = matches[0]
            counted.append(
                (len(matches), -rank, Cue(slug, first.start(), first.end(), first.group()))
            )
    counted.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [cue for _, _, cue in counted[:limit]]
