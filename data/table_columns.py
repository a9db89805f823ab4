"""Which column of a partnership table holds what: headers in English and Chinese, or ``--map``."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

#: Each field an import reads, with the headers that name it (compared lower-case, without
#: spaces, underscores or punctuation). ``place1`` and ``place2`` are the two sides.
FIELDS: dict[str, tuple[str, ...]] = {
    "place1": ("city1", "city", "place1", "place", "locality1", "locality", "name1", "town1",
               "town", "municipality", "side1", "城市1", "城市", "地方", "本方城市", "中方城市",
               "国内城市", "地区", "地点"),
    "place2": ("city2", "partner", "partnercity", "partnerplace", "place2", "locality2",
               "name2", "town2", "sistercity", "twincity", "twintown", "side2", "城市2",
               "友好城市", "结好城市", "姐妹城市", "外方城市", "对方城市", "友城"),
    "country1": ("country1", "country", "nation1", "nation", "国家1", "国家", "本方国家"),
    "country2": ("country2", "partnercountry", "nation2", "国家2", "对方国家", "外方国家",
                 "友城国家"),
    "region1": ("state1", "province1", "region1", "state", "province", "region",
                "stateprovince", "admin1", "省1", "州1", "省", "省份", "州", "省州"),
    "region2": ("state2", "province2", "region2", "partnerstate", "partnerprovince",
                "partnerregion", "省2", "州2", "对方省州", "外方省州"),
    "year": ("year", "date", "established", "since", "yearestablished", "signed", "datesigned",
             "年份", "年", "日期", "结好时间", "建立时间", "缔结时间", "签约时间", "结好日期"),
    "type": ("type", "relationship", "relation", "kind", "category", "类型", "关系", "类别"),
    "sector": ("sector", "sectors", "field", "area", "领域", "合作领域"),
    "status": ("status", "state of tie", "状态"),
    "notes": ("notes", "note", "comment", "comments", "remarks", "备注", "说明"),
    "source": ("source", "url", "link", "sourceurl", "reference", "来源", "链接", "网址", "出处"),
}  # fmt: skip
REQUIRED = ("place1", "place2")


def header_key(header: str) -> str:
    """A header compared as the synonyms are: "Partner City" and "partner_city" meet."""
    return re.sub(r"[\s_\-.:/()（）：]+", "", header.strip().lower())


def find_columns(
    headers: Sequence[str], mapping: Mapping[str, str] | None = None
) -> dict[str, int]:
    """Return field -> column position, from the headers and the user's ``--map``.

    Parameters
    ----------
    headers
        The header row.
    mapping
        ``{field: column}`` from ``--map FIELD=COLUMN``: the column by header or by 1-based
        position; it outranks the headers.

    Returns
    -------
    dict[str, int]
        Every field found. ``place1`` and ``place2`` are always there.

    Raises
    ------
    ValueError
        For an unknown field or column in ``mapping``, or when no column holds a side.
    """
    keys = [header_key(header) for header in headers]
    found: dict[str, int] = {}
    for field, names in FIELDS.items():
        for name in names:
            if name in keys and keys.index(name) not in found.values():
                found[field] = keys.index(name)
                break
    for field, column in (mapping or {}).items():
        if field not in FIELDS:
            raise ValueError(
                f"--map {field}=...: unknown field; the fields are {', '.join(FIELDS)}"
            )
        found[field] = _column(column, headers, keys)
    missing = [field for field in REQUIRED if field not in found]
    if missing:
        shown = ", ".join(repr(header) for header in headers) or "none"
        raise ValueError(
            f"no recognisable columns for {' and '.join(missing)} (headers: {shown}); name the "
            "columns city1, country1, city2, country2 (or 城市, 国家, 友好城市, 对方国家), or "
            "say which they are with --map place1=COLUMN --map place2=COLUMN"
        )
    return found


def _column(column: str, headers: Sequence[str], keys: list[str]) -> int:
    if column.isdigit() and 1 <= int(column) <= len(headers):
        return int(column) - 1
    if header_key(column) in keys:
        return keys.index(header_key(column))
    raise ValueError(f"--map ...={column}: no such column; the headers are {', '.join(headers)}")
