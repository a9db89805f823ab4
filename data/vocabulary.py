"""The fixed vocabularies: sectors, agreement types, statuses, levels, roles and countries.

Every slug a record may use is declared here, once, with its English and Chinese labels. The
schema, the validator, the filters, the dashboard and the exports all read these tables, and
the audit (``partnermap audit``) reads its cue words from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary: a stable slug and its labels in both interface languages."""

    slug: str
    en: str
    zh: str
    #: Words that say a quote is about this term, English and Chinese (the audit's cues).
    cues: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        """Return the label in ``lang`` ("en" or "zh")."""
        return self.zh if lang == "zh" else self.en


def _table(*terms: Term) -> dict[str, Term]:
    return {term.slug: term for term in terms}


SECTORS: dict[str, Term] = _table(
    Term("low-carbon-planning", "Low-carbon planning", "低碳规划"),
    Term("climate-policy", "Climate policy", "气候政策"),
    Term("renewable-energy", "Renewable energy", "可再生能源"),
    Term("energy-efficiency", "Energy efficiency", "节能与能效"),
    Term("fossil-energy", "Oil, gas & coal", "油气与煤炭"),
    Term("nuclear-energy", "Nuclear energy", "核能"),
    Term("nuclear-security", "Nuclear security & customs", "核安全与海关"),
    Term("electric-vehicles-transport", "Electric vehicles & transport", "电动汽车与交通"),
    Term("clean-air", "Clean air", "清洁空气"),
    Term("clean-water", "Clean water", "清洁水"),
    Term("green-building", "Green building", "绿色建筑"),
    Term("ecosystems", "Forests, wetlands & ecosystems", "森林湿地与生态"),
    Term("agriculture", "Agriculture", "农业"),
    Term("trade-investment", "Trade & investment", "经贸与投资"),
    Term("education-youth", "Education & youth", "教育与青少年"),
    Term("culture", "Culture & friendship", "文化与友好交流"),
    Term("training-capacity", "Training & capacity", "培训与能力建设"),
    Term("science-technology", "Science & technology", "科学技术"),
    Term("public-health", "Public health", "公共卫生"),
    # For ties whose source names no sector, such as most sister-city pairs.
    Term("general", "General cooperation (no sector stated)", "综合合作（未注明领域）"),
)

TYPES: dict[str, Term] = _table(
    Term(
        "sister_city",
        "Sister cities",
        "友好城市",
        (
            "sister city",
            "sister cities",
            "sister-city",
            "twin city",
            "twin cities",
            "友好城市",
            "姐妹城市",
            "友城",
        ),
    ),
    Term(
        "sister_state_province",
        "Sister states/provinces",
        "友好省州",
        (
            "sister state",
            "sister states",
            "sister province",
            "sister provinces",
            "sister-state",
            "friendship state",
            "friendship province",
            "friendship provinces",
            "province-state relationship",
            "友好省州",
            "友好省",
            "姐妹省州",
        ),
    ),
    Term(
        "friendship",
        "Friendship cities",
        "友好交流城市",
        (
            "friendship city",
            "friendship cities",
            "friendship agreement",
            "友好交流城市",
            "友好协定",
            "友好协议",
            "友好交流关系",
        ),
    ),
    Term(
        "mou",
        "MOU",
        "谅解备忘录",
        ("memorandum", "MOU", "letter of intent", "谅解备忘录", "备忘录", "意向书"),
    ),
    Term("action_plan", "Action plan", "行动计划", ("plan of actions", "action plan", "行动计划")),
    Term("framework", "Framework", "框架文件", ("framework", "strategy", "框架", "战略")),
    Term(
        "program",
        "Program",
        "合作项目计划",
        ("program", "programme", "partnership", "cooperation", "mechanism", "合作", "计划", "机制"),
    ),
    Term("conference", "Conference", "会议", ("conference", "meeting", "会议", "大会")),
    Term("forum", "Forum", "论坛", ("forum", "论坛")),
    Term("summit", "Summit", "峰会", ("summit", "峰会")),
    Term("workshop", "Workshop", "研讨会", ("workshop", "seminar", "研讨会", "讲习班")),
    Term(
        "training",
        "Training",
        "培训",
        ("training", "trained", "course", "study tour", "培训", "考察"),
    ),
    Term(
        "project",
        "Project",
        "项目",
        (
            "project",
            "projects",
            "feasibility study",
            "pilot",
            "center",
            "centre",
            "项目",
            "中心",
            "示范",
        ),
    ),
    # No cue words: "other" is whatever fits no type above, so the audit checks no wording.
    Term("other", "Other", "其他"),
)

#: Types that are signed agreements between parties, as opposed to events and programs.
AGREEMENT_TYPES = frozenset(
    {
        "sister_city",
        "sister_state_province",
        "friendship",
        "mou",
        "action_plan",
        "framework",
        "other",
    }
)

#: What a record of each type is on the map: "link", one line between its two parties (a Chinese
#: and a US place); "hub", one mark at its venue with its participants counted, its spokes drawn
#: only when selected. ``partnermap.data.marks`` applies them.
MARKS: dict[str, str] = {slug: "link" if slug in AGREEMENT_TYPES else "hub" for slug in TYPES}

STATUSES: dict[str, Term] = _table(
    Term("active", "Active", "有效"),
    Term("ended", "Ended", "已终止"),
    Term("proposed", "Proposed", "拟议"),
    Term("unknown", "Unknown", "不详"),
)

LEVELS: dict[str, Term] = _table(
    Term("city", "City", "市"),
    Term("county", "County / district", "县区"),
    Term("province", "Province", "省"),
    Term("state", "State", "州"),
    Term("country", "Country", "国家"),
)

ROLES: dict[str, Term] = _table(
    Term("party", "Party", "签约方"),
    Term("host", "Host", "主办地"),
    Term("site", "Site", "地点"),
    Term("participant", "Participant", "参与方"),
)

#: The claims of a record that the audit looks for in its quotes. A record lists in ``implied``
#: the claims its quotes imply but do not state, and says how in ``date_note`` or ``note``.
CLAIMS: dict[str, Term] = _table(
    Term("date", "Date", "日期"),
    Term("parties", "Parties", "签约方"),
    Term("type", "Type", "类型"),
)

#: How firmly a record stands on its sources, from ``evidence.evidence_level``: a quote states
#: every claim, a quote implies some claim (the record says which), or a listing names the pair
#: and nothing more (``confidence: listed``).
EVIDENCE: dict[str, Term] = _table(
    Term("stated", "Stated in a quote", "引文明载"),
    Term("implied", "Implied by a quote (see the note)", "引文暗示（见注释）"),
    Term("listed", "Listed only, no quote", "仅见于名录，无引文"),
)

#: Phrases by which a note says the sources lack part of a date; the audit reports one beside a
#: quote that gives that part. "Without a year" is left out: notes use it of one language's text.
UNSTATED_DATE_CUES: dict[str, tuple[str, ...]] = {
    "year": (
        "gives no year",
        "states no year",
        "no year is given",
        "no year given",
        "未注明年份",
        "没有年份",
        "未给出年份",
    ),
    "month": ("gives no month", "no month is given", "month is not given", "未注明月份"),
    "day": ("gives no day", "no day is given", "day is not given", "未注明日期"),
}

CONFIDENCES: dict[str, Term] = _table(
    Term("high", "High", "高"),
    Term("low", "Low — sources conflict or are weak", "低：来源存疑或相互矛盾"),
    # Named in a compiled list of pairs and nothing more: no primary quote, no year unless
    # another source gives one (evidence.LISTED).
    Term("listed", "Listed only — named in a compiled list", "仅见于名录"),
)

#: Every country's names, by ISO 3166-1 alpha-2 code (written by ``scripts/build_countries.py``).
COUNTRIES_FILE = Path(__file__).resolve().parent / "countries.yaml"


def _countries() -> dict[str, Term]:
    names = yaml.safe_load(COUNTRIES_FILE.read_text(encoding="utf-8"))
    return _table(*(Term(code, name["en"], name["zh"]) for code, name in names.items()))


COUNTRIES: dict[str, Term] = _countries()
