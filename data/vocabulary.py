"""The fixed vocabularies of the records: sectors, agreement types, statuses, levels and roles.

Every slug a record may use is declared here, once, with its English and Chinese labels. The
schema, the validator, the filters, the dashboard and the exports all read these tables.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary: a stable slug and its labels in both interface languages."""

    slug: str
    en: str
    zh: str

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
    Term("sister_city", "Sister cities", "友好城市"),
    Term("sister_state_province", "Sister states/provinces", "友好省州"),
    Term("friendship", "Friendship cities", "友好交流城市"),
    Term("mou", "MOU", "谅解备忘录"),
    Term("action_plan", "Action plan", "行动计划"),
    Term("framework", "Framework", "框架文件"),
    Term("program", "Program", "合作项目计划"),
    Term("conference", "Conference", "会议"),
    Term("forum", "Forum", "论坛"),
    Term("summit", "Summit", "峰会"),
    Term("workshop", "Workshop", "研讨会"),
    Term("training", "Training", "培训"),
    Term("project", "Project", "项目"),
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

CONFIDENCES: dict[str, Term] = _table(
    Term("high", "High", "高"),
    Term("low", "Low — sources conflict or are weak", "低：来源存疑或相互矛盾"),
)

COUNTRIES: dict[str, Term] = _table(
    Term("CN", "China", "中国"),
    Term("US", "United States", "美国"),
)
