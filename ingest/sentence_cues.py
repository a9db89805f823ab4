"""The type cues of a sentence that name what happened, not where or what was recalled."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from partnermap.data.vocabulary import AGREEMENT_TYPES
from partnermap.ingest.address import inside_url, url_spans
from partnermap.ingest.anchors import conference_mentions
from partnermap.ingest.dates import EVENT_CUES
from partnermap.ingest.kinds import GATHERINGS, PARTNERS_AGREEMENT, Cue, type_cues
from partnermap.ingest.name_spans import FOREIGN
from partnermap.ingest.proposal import FOUNDINGS

WEAK_TYPES = frozenset({"other", "program", "project"})
#: "agreement", "协议": a word every agreement's text uses, naming no type of its own.
GENERIC = re.compile(r"agreements?|accords?|pacts?|协议|协定", re.I)
#: "Three agreements", "一系列谅解备忘录": a summary of agreements told one by one elsewhere,
#: or never.
_SUMMARY = re.compile(r"agreements|accords|MOUs|memoranda\b.*", re.I)
_SUMMARY_BEFORE = re.compile(
    r"(?:(?<!等)(?:\d+|[两三四五六七八九十多数几])[项項份]|一系列|系列|\d+\s*对(?:[^，。,；;]{0,10}[和与及、]|国际|中外)?|"
    r"\b(?:a\s+series\s+of|several|a\s+number\s+of|"
    r"\d+\s+pairs\s+of(?:\s+[\w/-]+){0,4}(?:\s+and|,))\s+)$",
    re.I,
)
#: What makes a count a list: "5对友好城市(省州)分别为山西省与…", "two agreements: …".
_LISTED_AFTER = re.compile(r"[^，。,；;\n]{0,8}?(?:分别为|分别是|包括|如下|[:：])|\s*,?\s*namely\b")
#: "合作协议或谅解备忘录", "agreements or MOUs": a kind of document, not one.
_EITHER_BEFORE = re.compile(
    r"(?:协议|协定|备忘录|agreements?|MOUs?)\s*(?:或者?|或是|\bor)\s*$", re.I
)
#: "此次会议", "this summit", "参加会议", "a meeting": a gathering already told, or none.
RECALLED_BEFORE = re.compile(
    r"(?:此次|本次|这次|这个|那次|该次|该|上述|\b(?:this|that|said|the)\s+)$", re.I
)
#: "An agreement on the relationship was signed…": the partnership just told, again.
_OF_THE_PARTNERSHIP = re.compile(
    r"\s+(?:on|of|for|about)\s+(?:the|this|their|that)\s+"
    r"(?:relationship|partnership|ties|twinning|sister[- ]\w+\s+relationship)\b",
    re.I,
)
#: A document named by its bare word, and what says a sentence follows it ("根据意向书").
_BARE_DOCUMENT = re.compile(r"意向书|备忘录|协议书?")
_PER_BEFORE = re.compile(r"(?:根据|按照|依据|依照)$")
_THIS_SIGNING = re.compile(r"(?:此次|本次|这次)(?:签署|签订|签约)[^，。,；;]{0,16}$")
#: "the new sister-state partnership", "这一友好城市关系": the partnership just told.
_NEW_BEFORE = re.compile(r"(?:\b(?:the|this|that|their)\s+new\s+|这一|该)$", re.I)
_BARE_GATHERING = re.compile(r"会议|大会|(?:meeting|conference|summit|forum|workshop)s?")
_BARE_BEFORE = re.compile(
    r"(?:参加|出席|召开|举行|一次|次|^|[，,。；;：:\n]\s*|\b(?:the|this|that|its|their|each)\s+)$",
    re.I,
)
#: "分论坛", "分会场": a part of a gathering, told with it.
_PART_BEFORE = re.compile(r"分$")
#: Gatherings named as examples of a kind: "如…会议、…研讨会", "such as forums and seminars".
_EXAMPLES_CHARS = 40
_EXAMPLES_BEFORE = re.compile(
    r"(?:[,，:：]\s*如|例如|诸如|比如|譬如)[^。；;,，:：!?！？]*$|\bsuch\s+as\b[^.;:!?]*$", re.I
)
#: What a gathering cue followed by these words names is a time ("论坛前", "峰会期间").
_TIME_AFTER = re.compile(r"上|期间|之?前|之?后|前夕")
#: How far before and after a sentence the reading of its cues looks (see :func:`sentence_cues`).
_CUE_CONTEXT = 130
_ABROAD = re.compile(
    "(?:" + "|".join(map(re.escape, sorted(FOREIGN, key=len, reverse=True))) + r")[\s\u3400-\u9fff]"
)
#: A gathering named in full: two capitalised words at least before its noun.
#: A meeting by its bare word, lower case: named by nothing but its occasion.
_MEETING = re.compile(r"会议|meetings?")
#: Officials' talks and a council's session: meetings, not gatherings.
_TALKS_BEFORE = re.compile(
    r"\b(?:bilateral|council|board|cabinet|closed-door|private|one-on-one)\s+$|双边$", re.I
)
_DIALOGUE = re.compile(r"对话|dialogues?", re.I)
_MECHANISM_AFTER = re.compile(r"\s*(?:交流)?机制|\s+mechanisms?\b", re.I)
_MANNER_BEFORE = re.compile(r"沟通$")
_PROPER_GATHERING = re.compile(r"(?:[A-Z][\w'’.-]*\s+){2,}$")
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z][a-z]")
CLAUSE_BREAK = re.compile(r"[,，;；]\s*")
_CLAUSE_END = re.compile(r"[,，;；:：。.!?！？\n]")
#: A signing in running text ("再签4项备忘录", "signs an MOU").
SIGNS = re.compile(r"\bsign(?:ed|s|ing)?\b|签(?:署|订|字|约)?(?!证)", re.I)
#: A partnership's word that begins the name of an award, a match or a show ("友好城市交流合作奖",
#: "中日友好城市初中生乒乓球友谊比赛", "友城文化周").
_PRIZE_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,12}?(?:奖|比赛|赛|展|节|文化周)(?![\u4e00-\u9fff])"
    r"|(?:\s+[A-Z][\w'’-]*){0,4}?\s+(?:Award|Awards|Prize|Cup|Festival|Games)\b"
)
#: Verbs of tending relations that stand ("巩固和拓展与中国的友好合作关系", "深化两国友好关系"):
#: a friendship so told is no partnership made or recorded.
_TENDED_BEFORE = re.compile(r"(?:巩固|拓展|发展|深化|加强|推动|促进|增进|维护)[^，。,；;、]{0,10}$")
#: A body named after a partnership ("姐妹省州委员会", "Sister Cities Association", "Sister
#: City Committee"): its word names the body.
_BODY_AFTER = re.compile(
    r"(?:关系)?(?:委员会|协会|联合会|理事会|办公室)"
    r"|(?:\s+(?:International|Program|Programme))?\s+(?:Committee|Commission|Association|Society|"
    r"Council|Office|Foundation)s?\b",
    re.I,
)
#: A partnership's word right after "与" and before its partner ("长春市与友好合作城市日本金崎町
#: 共同签署"): what the partner is, no partnership told; and one whose partners are counted
#: ("与15个国家的18个城市达成友好合作城市协议"): a sum.
#: "友好城市间", "友城之间": what passes between partners, not a partnership founded.
_BETWEEN_AFTER = re.compile(r"(?:关系)?(?:之间|间)")
#: A partnership's anniversary told right after its word ("结好40周年协议书").
_ANNIVERSARY_AFTER = re.compile(r"[^，。,；;]{0,6}?(?:\d+|[一二三四五六七八九十]+)\s*周年")
_EPITHET_BEFORE = re.compile(r"[与同和及跟]$|[\d几十百]+\s*个(?:城市|国家|省|州)[^，。,；;]{0,4}$")
QUOTED_TITLE = re.compile(r"《([^》]{2,120})》|“([^”]{4,120})”")
_VENUE_BEFORE = re.compile(
    r"(?:\b(?:at|during)\s+(?:the\s+|an?\s+)?(?:[\w'’&.-]+\s+){0,6}|在[^，。,]{0,12})$", re.I
)


def sentence_cues(text: str, span: tuple[int, int]) -> list[Cue]:
    """The type cues of a sentence that name what happened, not where or what was recalled:
    "在…峰会上签订" is an MOU signed at a summit, "Sister Cities Conference" is a conference,
    and "此次会议", "a meeting", "巴黎气候大会", "Three agreements" name nothing new.

    What decides depends on the sentence and at most ``_CUE_CONTEXT`` characters around it,
    so a sentence repeated with the same surroundings is read once.
    """
    start = max(0, span[0] - _CUE_CONTEXT)
    window = text[start : span[1] + _CUE_CONTEXT]
    found = _window_cues(window, span[0] - start, span[1] - start)
    return [shift(cue, start) for cue in found]


@lru_cache(maxsize=4096)
def _window_cues(text: str, first: int, last: int) -> tuple[Cue, ...]:
    span = (first, last)
    body = text[span[0] : span[1]]
    urls = url_spans(text)
    found = [shift(c, span[0]) for c in type_cues(body)]
    found = [c for c in found if not inside_url(urls, c.start)]
    if any(c.slug != "project" for c in found) and EVENT_CUES.search(body):
        found = [c for c in found if c.slug != "project"]
    abroad = [(m.start, m.end) for m in conference_mentions(body)]
    kept = []
    named: set[int] = set()  # agreements a gathering's name qualifies ("…论坛协议")
    skip: set[int] = set()
    for i, cue in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        if i in skip:
            continue
        same = nxt is not None and _same_phrase(text[cue.end : nxt.start])
        if same and cue.slug in FOUNDINGS and nxt.slug in WEAK_TYPES:
            # "sister-state partnership", "sister city agreement": the partnership.
            skip.add(i + 1)
        elif same and cue.slug in GATHERINGS and GENERIC.fullmatch(nxt.text):
            # "建立中美省州长论坛协议", "Forum Agreement": an agreement about a gathering.
            named.add(i + 1)
            continue
        elif same and not GENERIC.fullmatch(nxt.text):
            continue
        if i not in named and (
            venue(text, cue, found)
            or _recalled(text, cue)
            or summary(text, cue)
            or _no_gathering(text, cue)
        ):
            continue
        if any(s <= cue.start - span[0] < e for s, e in abroad) or _abroad(text, cue):
            continue
        if cue.slug in WEAK_TYPES and _NAME_GOES_ON.match(text, cue.end):
            continue  # "Clean Technology Partnership Fund": the name of a fund, not a program
        if cue.slug in FOUNDINGS and _PRIZE_AFTER.match(text, cue.end):
            continue  # "友好城市交流合作奖": the name of an award or a match, no partnership
        if cue.slug in FOUNDINGS and _BODY_AFTER.match(text, cue.end):
            continue  # "俄勒冈—中国姐妹省州委员会": a body's name, no partnership
        if cue.slug == "friendship" and _TENDED_BEFORE.search(
            text, max(0, cue.start - 16), cue.start
        ):
            continue  # "巩固和拓展与中国的友好合作关系": relations tended, no partnership made
        if cue.slug in FOUNDINGS and _BETWEEN_AFTER.match(text, cue.end):
            continue  # "关于加强友好城市间交流的协议书": exchanges between partners, no founding
        if cue.slug in FOUNDINGS and _EPITHET_BEFORE.search(
            text, max(0, cue.start - 12), cue.start
        ):
            continue
        kept.append(cue)
    specific = {c.slug for c in kept} - WEAK_TYPES
    named_cues = {found[i] for i in named}
    own = {c for c in kept if PARTNERS_AGREEMENT.fullmatch(c.text)}
    own |= signed_at_anniversary(text, span, kept)
    kept = [c for c in kept if c.slug not in WEAK_TYPES or not specific or c in named_cues | own]
    # One cue per type, but each agreement between partners ("深化友好省州交流合作协议书").
    return tuple(list({(c.slug, c in own and c.start): c for c in reversed(kept)}.values())[::-1])


def signed_at_anniversary(text: str, span: tuple[int, int], cues: Sequence[Cue]) -> set[Cue]:
    """The bare agreements a sentence signs to mark a partnership's anniversary, when its only
    other cues are that partnership's ("两市市长签署了“结好40周年协议书”"): each is a record of
    its own, and the partnership is older."""
    body = text[span[0] : span[1]]
    foundings = [c for c in cues if c.slug in FOUNDINGS]
    if not foundings or not SIGNS.search(body):
        return set()
    if any(c.slug not in FOUNDINGS and c.slug not in WEAK_TYPES for c in cues):
        return set()
    if not all(_ANNIVERSARY_AFTER.match(text, c.end) for c in foundings):
        return set()
    return {c for c in cues if c.slug == "other" and GENERIC.fullmatch(c.text)}


def venue(text: str, cue: Cue, cues: Sequence[Cue]) -> bool:
    """Whether a gathering is only where another cue's agreement was made ("signed at the
    forum", "在…峰会上签订", "双城论坛台北上海再签4项合作备忘录": an agreement signed in the
    gathering's own clause)."""
    if cue.slug not in GATHERINGS or len(cues) < 2:
        return False
    if _TIME_AFTER.match(text, cue.end):
        return True
    if _MEETING.fullmatch(cue.text) and any(
        other.slug in AGREEMENT_TYPES
        and other.start >= cue.end
        and SIGNS.search(text, cue.end, other.start)
        for other in cues
    ):
        # "举行线上会议,签署两市友好合作备忘录": the meeting is where the agreement was signed.
        return True
    if any(
        other.slug in AGREEMENT_TYPES
        and other.start >= cue.end
        and SIGNS.search(text, cue.end, other.start)
        and not _CLAUSE_END.search(text, cue.end, other.start)
        for other in cues
    ):
        return True
    if _PROPER_GATHERING.search(text, max(0, cue.start - 80), cue.start):
        # "at the second US-China Sister Cities Conference": a gathering of its own.
        return False
    return bool(_VENUE_BEFORE.search(text[max(0, cue.start - 80) : cue.start]))


def _no_gathering(text: str, cue: Cue) -> bool:
    """Whether a meeting word names no gathering: officials' talks ("a bilateral meeting"), a
    council's session ("CITY COUNCIL MEETING"), or a mechanism or a manner of dialogue
    ("对话交流机制", "dialogue mechanism", "沟通对话")."""
    if cue.slug != "conference":
        return False
    before = text[max(0, cue.start - 24) : cue.start]
    return bool(
        _TALKS_BEFORE.search(before)
        or (_DIALOGUE.fullmatch(cue.text) and _MECHANISM_AFTER.match(text, cue.end))
        or (_DIALOGUE.fullmatch(cue.text) and _MANNER_BEFORE.search(before))
    )


def _recalled(text: str, cue: Cue) -> bool:
    """Whether a gathering cue recalls one already told, or none ("此次峰会", "参加会议"), or
    a bare agreement word recalls the agreement just told ("The pact, signed today…",
    "该协议", "An agreement on the relationship"), or a partnership the one just told ("under
    the new sister-state partnership", "这一友好城市关系")."""
    before = text[max(0, cue.start - 12) : cue.start]
    if GENERIC.fullmatch(cue.text) and cue.slug == "other":
        return bool(RECALLED_BEFORE.search(before) or _OF_THE_PARTNERSHIP.match(text, cue.end))
    if _BARE_DOCUMENT.fullmatch(cue.text) and _PER_BEFORE.search(before):
        return True  # "根据意向书,双方将…": what the agreement just told provides
    if cue.slug in AGREEMENT_TYPES and _THIS_SIGNING.search(
        text, max(0, cue.start - 24), cue.start
    ):
        return True  # "以此次签署友好交流城市关系意向书为新起点": the signing just told
    if cue.slug in FOUNDINGS:
        return bool(_NEW_BEFORE.search(before))
    if cue.slug not in GATHERINGS:
        return False
    if RECALLED_BEFORE.search(before) or _PART_BEFORE.search(before):
        return True
    if _EXAMPLES_BEFORE.search(text, max(0, cue.start - _EXAMPLES_CHARS), cue.start):
        # "一系列活动,如市长线上会议、“智慧城市”研讨会": kinds of events, none told.
        return True
    return bool(_BARE_GATHERING.fullmatch(cue.text) and _BARE_BEFORE.search(before))


def summary(text: str, cue: Cue) -> bool:
    """Whether an agreement cue sums up agreements ("Three agreements", "一系列谅解备忘录",
    "agreements or MOUs") rather than tells one; not when a list of them follows."""
    if cue.slug not in AGREEMENT_TYPES:
        return False
    before = text[max(0, cue.start - 16) : cue.start]
    if _LISTED_AFTER.match(text, cue.end):
        return False
    return bool(
        _SUMMARY.fullmatch(cue.text)
        or _SUMMARY_BEFORE.search(before)
        or _EITHER_BEFORE.search(before)
    )


def _abroad(text: str, cue: Cue) -> bool:
    """Whether the cue's own name starts with a place abroad ("Paris climate conference",
    "巴黎气候大会"; not "Asia-Pacific Workshop")."""
    return bool(_ABROAD.match(phrase(text, cue)))


def _same_phrase(between: str) -> bool:
    return bool(re.fullmatch(r"(?:\s*[A-Z][\w'’.\-]*)*\s*|[\u4e00-\u9fff]{0,6}", between)) and not (
        re.search(r"[的与和及、]", between)
    )


def head_noun(cues: list[Cue], text: str) -> Cue:
    """The cue that ends the first phrase of ``cues`` ("Sister Cities Conference"; the
    gathering of "Forum Agreement", a bare agreement word naming none), else the last cue."""
    for i, cue in enumerate(cues):
        nxt = cues[i + 1] if i + 1 < len(cues) else None
        if not (nxt and _same_phrase(text[cue.end : nxt.start])) or GENERIC.fullmatch(nxt.text):
            return cue
    return cues[-1]


def shift(cue: Cue, offset: int) -> Cue:
    """``cue`` moved ``offset`` characters on: from a slice of the text to the whole text."""
    return Cue(cue.slug, cue.start + offset, cue.end + offset, cue.text)


def own_span(text: str, span: tuple[int, int], cue: Cue, cues: Sequence[Cue]) -> tuple[int, int]:
    """The part of a sentence that belongs to ``cue`` rather than to another cue: cut at the
    last clause break between the two ("A and B became sister states, while C and D became
    sister cities"), else halfway."""
    start, end = span
    for other in cues:
        if other.start < cue.start:
            start = max(start, _cut(text, other.end, cue.start))
        elif other.start > cue.start:
            end = min(end, _cut(text, cue.end, other.start))
    return start, end


def _cut(text: str, left: int, right: int) -> int:
    breaks = list(CLAUSE_BREAK.finditer(text, left, right))
    return breaks[-1].end() if breaks else (left + right) // 2


def phrase(text: str, cue: Cue) -> str:
    """The name a cue ends: the quoted title around it, else the words before it that name
    the same thing ("Sister Cities Conference", "绿色合作伙伴计划"), else the cue alone."""
    for match in QUOTED_TITLE.finditer(text, max(0, cue.start - 120), min(len(text), cue.end + 2)):
        if match.start() < cue.start and cue.end <= match.end():
            return match.group(1) or match.group(2)
    if re.match(r"[\u4e00-\u9fff]", cue.text):
        before = re.search(r"[\u4e00-\u9fff]{0,8}$", text[max(0, cue.start - 8) : cue.start])
        # A name ends at a verb: "日本金崎町缔结友好合作城市" names no partnership abroad.
        words = re.split(
            r"[的与和及在于为是将、]|缔结|签署|签订|建立|结成", before.group() if before else ""
        )[-1]
        return words + cue.text
    before = re.search(r"(?:[A-Z][\w'’.&\-]*\s+){0,6}$", text[max(0, cue.start - 80) : cue.start])
    return re.sub(r"\s+", " ", (before.group() if before else "") + cue.text).strip()
