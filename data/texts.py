"""The dashboard's interface words in English and Chinese, and how names and counts read."""

from __future__ import annotations

from partnermap.data.vocabulary import COUNTRIES, LEVELS, SECTORS, STATUSES, TYPES

UI: dict[str, dict[str, str]] = {
    "title": {"en": "US–China subnational partnerships", "zh": "中美地方合作伙伴关系"},
    "filters": {"en": "Filters", "zh": "筛选"},
    "sector": {"en": "Sector", "zh": "领域"},
    "sector_any": {"en": "All sectors", "zh": "全部领域"},
    "type": {"en": "Agreement type", "zh": "协议类型"},
    "type_any": {"en": "All types", "zh": "全部类型"},
    "level": {"en": "Level", "zh": "层级"},
    "level_all": {"en": "All", "zh": "全部"},
    "level_city": {"en": "City", "zh": "城市"},
    "level_province": {"en": "Province / state", "zh": "省 / 州"},
    "years": {"en": "Years", "zh": "年份"},
    "place": {"en": "Place", "zh": "地点"},
    "place_hint": {"en": "Zhenjiang or 镇江, then Enter", "zh": "镇江 或 Zhenjiang，按回车"},
    "map_title": {"en": "Map of partnerships", "zh": "合作关系地图"},
    "timeline_title": {"en": "Agreements per year", "zh": "每年协议数"},
    "timeline_hint": {
        "en": "Drag across the bars to choose years; double-click to clear.",
        "zh": "在柱状图上拖动以选择年份；双击清除。",
    },
    "stack_by": {"en": "Stack by", "zh": "分组依据"},
    "details": {"en": "Details", "zh": "详情"},
    "details_hint": {
        "en": "Click a place or an arc on the map, or a place in the table, to list its agreements.",
        "zh": "点击地图上的地点或连线，或表格中的地点，查看相关协议。",
    },
    "table_title": {"en": "Places in view", "zh": "当前地点"},
    "col_place": {"en": "Place", "zh": "地点"},
    "col_other_name": {"en": "Chinese name", "zh": "英文名"},
    "col_country": {"en": "Country", "zh": "国家"},
    "col_level": {"en": "Level", "zh": "层级"},
    "col_count": {"en": "Agreements", "zh": "协议数"},
    "col_partners": {"en": "Partner places", "zh": "伙伴地点数"},
    "export": {"en": "Export", "zh": "导出"},
    "language": {"en": "Language", "zh": "语言"},
    "date": {"en": "Date", "zh": "日期"},
    "undated": {"en": "undated", "zh": "日期不详"},
    "parties": {"en": "Parties", "zh": "签约方"},
    "source": {"en": "Source", "zh": "来源"},
    "lines": {"en": "lines", "zh": "行"},
    "accessed": {"en": "accessed", "zh": "访问于"},
    "status": {"en": "Status", "zh": "状态"},
    "draft": {
        "en": "Draft — not yet reviewed (partnermap accept)",
        "zh": "草稿：尚未审核（partnermap accept）",
    },
    "low_confidence": {"en": "Low confidence", "zh": "可信度低"},
    "note": {"en": "Note", "zh": "说明"},
    "related": {"en": "Related records", "zh": "相关记录"},
    "about": {"en": "About the data", "zh": "关于数据"},
    "about_text": {
        "en": "The map shows a sourced subset: every record cites its source with a verbatim "
        "quote. Nationwide totals of US–China sister relationships, for scale:",
        "zh": "地图只显示有出处的部分记录：每条记录都附有来源和原文引语。全国中美友好城市和友好省州总数如下，供参考：",
    },
    "empty": {
        "en": "No agreement matches these filters. Widen the years or clear a filter.",
        "zh": "没有符合筛选条件的协议。请扩大年份范围或清除筛选条件。",
    },
    "drawn": {
        "en": "the map draws the {places:,} places and {links:,} links with most agreements;"
        " filter to see the rest",
        "zh": "地图仅绘制协议最多的 {places:,} 个地点和 {links:,} 条连线；筛选后可查看其余部分",
    },
}


def status(slug: str, lang: str) -> str:
    """The label of a status slug."""
    return STATUSES[slug].label(lang)


def ui(key: str, lang: str) -> str:
    """Return the interface text ``key`` in ``lang`` ("en" or "zh")."""
    return UI[key][lang]


def name(name_en: str, name_zh: str | None, lang: str) -> str:
    """A place name in ``lang``, falling back to English where no Chinese name is known."""
    return (name_zh or name_en) if lang == "zh" else name_en


def bilingual(name_en: str, name_zh: str | None, lang: str = "en") -> str:
    """Both names of a place, ``lang``'s first ("Zhenjiang · 镇江"), or the English one alone."""
    if not name_zh:
        return name_en
    return f"{name_zh} · {name_en}" if lang == "zh" else f"{name_en} · {name_zh}"


def agreements(count: int, lang: str) -> str:
    """ "1 agreement", "3 agreements" or "3 项协议"."""
    if lang == "zh":
        return f"{count} 项协议"
    return f"{count} agreement" if count == 1 else f"{count} agreements"


def places(count: int, lang: str) -> str:
    """ "1 place", "31 places" or "31 个地点"."""
    if lang == "zh":
        return f"{count} 个地点"
    return f"{count} place" if count == 1 else f"{count} places"


def sector(slug: str, lang: str) -> str:
    """The label of a sector slug."""
    return SECTORS[slug].label(lang)


def agreement_type(slug: str, lang: str) -> str:
    """The label of an agreement type slug."""
    return TYPES[slug].label(lang)


def country(code: str, lang: str) -> str:
    """The label of a country code."""
    return COUNTRIES[code].label(lang)


def level(slug: str, lang: str) -> str:
    """The label of a locality level slug."""
    return LEVELS[slug].label(lang)
