"""Turn a document's text into proposed records: one per agreement or event it tells.

The text is cut into blocks (paragraphs and numbered items) and sentences. The document's
title block names its main agreement; every sentence that pairs a type cue ("MOU", "签署")
with an event cue ("signed", "举行") names another, and so does each numbered item and each
agreement the text cites by its title ("根据“…谅解备忘录”"). A cue that only places or recalls
an event ("at the forum", "此次会议", "参加会议", "the Paris climate conference") names none.

Each proposal takes the date, places and sectors nearest its cue. Without a date of its own
it takes, in this order, the date of the named event its block refers to ("during the sixth
S&ED"), of the gathering it was part of ("在峰会期间", "会上"), of the event told just before
("also", "同时"), of the document's main agreement (its clauses), or of the event the whole
document reports on. A declaration made at a gathering is folded into the gathering.
Proposals that tell the same event twice (a bilingual document, a title repeated in the text)
are merged.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from partnermap.data.schema import Record
from partnermap.data.vocabulary import AGREEMENT_TYPES, TYPES
from partnermap.ingest.address import inside_url, url_spans
from partnermap.ingest.anchors import (
    DocumentDates,
    conference_mentions,
    date_by_reference,
    read_dates,
)
from partnermap.ingest.blocks import Block, sentences, split_blocks
from partnermap.ingest.dates import (
    EVENT_CUES,
    DateChoice,
    DateMention,
    chinese_number,
    choose_event_date,
    only_stamped,
)
from partnermap.ingest.kinds import (
    GATHERINGS,
    PARTNERS_AGREEMENT,
    Cue,
    find_sectors,
    type_cues,
)
from partnermap.ingest.parties import (
    attendees,
    known_partners,
    sister_pairs,
    sole_partners,
    with_headline_party,
    with_known_partner,
    with_sole_partner,
)
from partnermap.ingest.places import FOREIGN, PlaceMention, find_places
from partnermap.ingest.simplify import simplified
from partnermap.ingest.text import Document

_WEAK_TYPES = frozenset({"other", "program", "project"})
#: Agreements named by their kind ("memorandum of understanding", "框架"), not by a bare word.
_NAMED_AGREEMENTS = AGREEMENT_TYPES - {"other"}
#: Agreements that found a partnership: an anniversary of it gives their year.
_FOUNDINGS = frozenset({"sister_city", "sister_state_province", "friendship"})
#: A saved page's provenance lines ("Source: https://…", "Seen: 2026-11-30", a bare address):
#: no title, no agreement.
_METADATA_LINE = re.compile(
    r"\s*(?:(?:source|url|address|seen|retrieved|accessed|saved)\s*[:：].*|"
    r"(?:https?://|www\.)\S+|"
    # Where a page sits on its site: "当前位置: 首页>> 今日中国", "Home / News / Sister Cities".
    r"(?:当前位置|您的位置|您当前的位置)\s*[:：].*|(?:[^\n/>]*(?:\s/\s|>>?|>)){2,}[^\n]*)\s*",
    re.I,
)
#: "agreement", "协议": a word every agreement's text uses, naming no type of its own.
_GENERIC = re.compile(r"agreements?|accords?|pacts?|协议|协定", re.I)
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
#: How far after a bare agreement word the text may name its kind (see _named_after).
_RECALL_CHARS = 600
_DECLARATION = re.compile(r"declaration|statement|communiqu|宣言|声明|公报", re.I)
#: "此次会议", "this summit", "参加会议", "a meeting": a gathering already told, or none.
_RECALLED_BEFORE = re.compile(
    r"(?:此次|本次|这次|这个|那次|该次|该|上述|\b(?:this|that|said|the)\s+)$", re.I
)
#: "An agreement on the relationship was signed…": the partnership just told, again.
_OF_THE_PARTNERSHIP = re.compile(
    r"\s+(?:on|of|for|about)\s+(?:the|this|their|that)\s+"
    r"(?:relationship|partnership|ties|twinning|sister[- ]\w+\s+relationship)\b",
    re.I,
)
#: "有長達數十年的", "保持着": what says a partnership stands, before its name.
_STANDING_BEFORE = re.compile(
    r"(?:(?<![没沒])有|保持着?|保持了)[^，。,；;有]{0,12}$|"
    r"\b(?:has|have|had|maintains?|enjoys?)\s+(?:[\w-]+\s+){0,2}$|"
    # "El Paso's third sister city": a partnership its party owns stands.
    r"\w['’]s\s+(?:[\w-]+\s+)?$",
    re.I,
)
#: "迄今为止,哈尔滨已经与A、B……结为友好关系", "江苏省先后与…", "so far": partnerships told as
#: standing, not founded where they are told (dated only by a date of their own).
_PERFECT = re.compile(r"迄今|至今|已经?(?:先后)?[与同和]|先后[与同和]|\b(?:so far|to date)\b", re.I)
#: A count of partners ("已与世界12个国家的14个城市缔结", "with 20 cities"): a sum, no list.
_COUNT = re.compile(r"[\d几十百]+\s*(?:个|对|座)|\b\d+\s+(?:cities|countries|states|provinces)\b")
#: What stands between a listed party and the date that is its own: "A（1982年）", "A 1994".
_ITEM_DATE_GAP = re.compile(r"\s*[(（]?\s*")
#: What makes an event's word tell no event of the sentence's own: an aim it is part of ("is
#: part of a plan to establish", "seeks to"), or a clause about a party ("Kuantan, which
#: signed an MOU"): the record is only recalled.
_UNTOLD_BEFORE = re.compile(
    r"\b(?:plans?|aims?|seeks?|sought|efforts?|order|hopes?|intends?|intention|goals?|bid|"
    r"wants?|wish(?:es)?|ambitions?|vision|initiatives?|strategy)\s+to\s+$|"
    r",\s*(?:which|who)\s+(?:(?:has|have|had)\s+)?(?:also\s+)?$",
    re.I,
)
#: "the new sister-state partnership", "这一友好城市关系": the partnership just told.
_NEW_BEFORE = re.compile(r"(?:\b(?:the|this|that|their)\s+new\s+|这一|该)$", re.I)
#: What tells a date as a founding: "first signed in", "established in", "since", "自…".
_FOUNDED_BEFORE = re.compile(
    r"(?:\b(?:first|originally)\s+\w+|\b(?:established|founded|formed|forged|began)|\bsince|"
    r"\bdating\s+back\s+to)\s+(?:in\s+|on\s+)?$|自$|始于$",
    re.I,
)
_FOUNDED_AFTER = re.compile(r"\s*(?:年)?(?:建立|缔结|结好|结为|以来|起)")
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
#: Where an event told after a gathering took place: at it ("会上", "峰会上", "at the summit")
#: or during it ("峰会期间", "during the forum").
_AT_GATHERING = re.compile(
    r"(?P<zh>峰会|论坛|大会|会议|研讨会)[^，。；,;]{0,6}?(?:期间|上|(?P<zh_around>之?前|之?后|前夕))|"
    r"会上|\b(?:at|during|on\s+the\s+sidelines\s+of|"
    r"(?P<en_around>before|after|ahead\s+of|following))\s+the\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?P<en>summit|forum|conference|meeting|workshop)s?\b",
    re.I,
)
#: What a gathering cue followed by these words names is a time ("论坛前", "峰会期间").
_TIME_AFTER = re.compile(r"上|期间|之?前|之?后|前夕")
_GATHERING_WORDS = {
    "峰会": "summit",
    "论坛": "forum",
    "大会": "conference",
    "会议": "conference",
    "研讨会": "workshop",
    "summit": "summit",
    "forum": "forum",
    "conference": "conference",
    "meeting": "conference",
    "workshop": "workshop",
}
#: Words that tell of the same event as the paragraph before: "also", "同日".
_CONTINUED = re.compile(
    r"\balso\b|\bsame (?:ceremony|event|day|meeting|occasion)\b|\bat the ceremony\b|"
    r"\bmeanwhile\b|同日|当天|仪式上|同时|会上|现场",
    re.I,
)
#: How many paragraphs after an event a text may go on telling it ("会上", "the same day").
_CONTINUED_BLOCKS = 3
#: Words that place an event within a span of time, not on the day of the one it follows.
_WITHIN = re.compile(r"期间|同时|\bduring\b|\bmeanwhile\b|\bon the sidelines\b", re.I)
#: An item heading that names only a field of cooperation ("Renewable Energy Cooperation:").
_COOPERATION = re.compile(r"\bcooperation\b|合作", re.I)
#: How far before and after a sentence the reading of its cues looks (see :func:`_cues`).
_CUE_CONTEXT = 130
_ABROAD = re.compile(
    "(?:" + "|".join(map(re.escape, sorted(FOREIGN, key=len, reverse=True))) + r")[\s\u3400-\u9fff]"
)
#: A line that says where and when the document was signed ("Signed in Seattle on …").
_SIGNED = re.compile(r"\bsign(?:ed|ing)?\b|\bdone\s+(?:at|in)\b|签署|签订|签字|签约|缔结", re.I)
#: A gathering named in full: two capitalised words at least before its noun.
_PROPER_GATHERING = re.compile(r"(?:[A-Z][\w'’.-]*\s+){2,}$")
_RESPECTIVELY = re.compile(r"分别(?:于|在)?|\brespectively\b")
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z][a-z]")
_CELEBRATED = re.compile(r"庆祝|纪念|周年|\bcelebrat\w*|\banniversar", re.I)
_RENEWAL = re.compile(
    r"续签|重申|重新签署|延长|\brenew(?:ed|s|ing)?\b|\breaffirm(?:ed|s|ing)?\b|\bextend(?:ed|s|ing)?\b",
    re.I,
)
_BARE_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z .'’-]{2,30}(?:,[ \t]+[A-Z][\w .]{1,30})?[ \t]+[–—-]{1,2}[ \t]", re.M
)
_CLAUSE_BREAK = re.compile(r"[,，;；]\s*")
_CLAUSE_END = re.compile(r"[,，;；:：。.!?！？\n]")
#: A signing in running text ("再签4项备忘录", "signs an MOU").
_SIGNS = re.compile(r"\bsign(?:ed|s|ing)?\b|签(?:署|订|字|约)?(?!证)", re.I)
#: A gathering held again and again: "此后逐年举行", "每年举办", "轮流", "every year".
_SERIES = re.compile(
    r"逐年|每年|每两年|每隔|轮流|一年一度|\b(?:annually|every\s+(?:two\s+)?years?|each\s+year)\b",
    re.I,
)
#: A partnership's word that begins the name of an award, a match or a show ("友好城市交流合作奖",
#: "中日友好城市初中生乒乓球友谊比赛", "友城文化周").
_PRIZE_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,12}?(?:奖|比赛|赛|展|节|文化周)(?![\u4e00-\u9fff])"
    r"|(?:\s+[A-Z][\w'’-]*){0,4}?\s+(?:Award|Awards|Prize|Cup|Festival|Games)\b"
)
#: A partnership's word right after "与" and before its partner ("长春市与友好合作城市日本金崎町
#: 共同签署"): what the partner is, no partnership told; and one whose partners are counted
#: ("与15个国家的18个城市达成友好合作城市协议"): a sum.
_EPITHET_BEFORE = re.compile(r"[与同和及跟]$|[\d几十百]+\s*个(?:城市|国家|省|州)[^，。,；;]{0,4}$")
#: A determiner before a bare agreement word, with at most three words between.
_DETERMINED = re.compile(r"\b(?:the|this|that)\s+(?:[\w'’-]+\s+){0,3}$|(?:该|此|这份|上述)$", re.I)
#: The count right before the agreements a sentence lists ("…等4项交流合作备忘录").
_COUNTED_BEFORE = re.compile(
    r"等?(?P<count>\d{1,2}|[一二两三四五六七八九十]{1,3})(?:项|項|份|个|個)[\u4e00-\u9fff]{0,4}$"
)
#: "与…", "和…", "同…": the other party of the sentence's subject.
_WITH_NEXT = re.compile(r"[与和同]")
_QUOTED_TITLE = re.compile(r"《([^》]{2,120})》|“([^”]{4,120})”")
_VENUE_BEFORE = re.compile(
    r"(?:\b(?:at|during)\s+(?:the\s+|an?\s+)?(?:[\w'’&.-]+\s+){0,6}|在[^，。,]{0,12})$", re.I
)
_COUNTRIES = frozenset({"CN", "US"})
#: Where a saved page's story ends and its navigation begins: links to other stories.
_STORY_END = re.compile(
    r"^[ \t]*(?:相关(?:文章|推荐|阅读|新闻|链接)|上一篇|下一篇|延伸阅读|"
    r"(?i:related\s+(?:articles|posts|stories|news|content)|read\s+more|more\s+stories|"
    r"you\s+may\s+also\s+like))[ \t]*(?:[:：].*)?$",
    re.M,
)
_HEAD_MAX_CHARS = 200
_HEAD_MAX_BLOCKS = 5
_QUOTE_MAX = 1200


@dataclass
class Proposal:
    """One proposed record, with what supports each field.

    ``clause`` marks a part of the document's main agreement between local governments: it
    names the agreement's parties, not the countries they lie in.
    """

    type: Cue
    date: DateChoice
    places: list[PlaceMention]
    sectors: list[Cue]
    quotes: list[tuple[int, int]]
    title: str
    head: bool = False
    date_inherited: bool = False
    block: int = 0
    item: int | None = None
    phrase: str = ""
    clause: bool = False
    #: A partnership renewed, celebrated or told as standing where it is told: dated only by
    #: its founding.
    renewed: bool = False
    #: An agreement told by a bare word with a determiner ("the memorandum of agreement",
    #: "the official agreement", "该协议"): maybe one the text has told already.
    recalled: bool = False
    #: One of the sessions of a gathering the text lists by place only ("已分别在北京、上海…
    #: 举办6届"): undated, and another session is never the same event.
    session: bool = False

    def unknown_parties(self) -> list[str]:
        """The names of parties the gazetteer does not know ("卡加延市"), in text order."""
        return list(dict.fromkeys(m.holds_unknown for m in self.places if m.holds_unknown))

    def locality_ids(self) -> list[str]:
        """The ids of the localities the record will name, in order of first mention."""
        return list(dict.fromkeys(mention.place.id for mention in self.chosen_places()))

    def chosen_places(self) -> list[PlaceMention]:
        """The place mentions that become localities: names, and country adjectives ("中美",
        "Chinese") unless the record is an agreement between local governments; no country
        for a partnership between local governments; neither a place that locates a party
        the gazetteer lacks nor any larger one."""
        # A place that locates a party the gazetteer lacks ("菲律宾卡加延市") stands for that
        # party's side wherever the record names it again: neither it nor a larger place
        # replaces the party.
        locators = [m.place for m in self.places if m.holds_unknown]
        wider = {p.id for p in locators} | {x for p in locators for x in p.parents}
        places = [m for m in self.places if m.place.id not in wider]
        names = [m for m in places if m.strength == "name"]
        local = any(m.place.level != "country" and not m.site for m in names)
        if local and (self.clause or self.type.slug in _FOUNDINGS):
            # A partnership between local governments names them, not their countries.
            return [m for m in names if m.place.level != "country"]
        if not local or self.type.slug not in AGREEMENT_TYPES:
            weak = [m for m in places if m.strength == "weak"]
            names = sorted(names + weak, key=lambda m: m.start)
        return names


def propose(document: Document) -> list[Proposal]:
    """Propose the records ``document`` tells.

    Parameters
    ----------
    document
        The text of an agreement, press release, news story or web page.

    Returns
    -------
    list of Proposal
        The main agreement first (when the title names one), then the others in text order.
    """
    # A long document makes hundreds of thousands of small objects and no cycles: the cyclic
    # collector's full passes over them would make the work grow with the square of the text.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _propose(document)
    finally:
        if collecting:
            gc.enable()


def _propose(document: Document) -> list[Proposal]:
    text = simplified(document.text)
    blocks = split_blocks(text)
    dates = read_dates(text)
    urls = url_spans(text)
    places = [
        m
        for m in _outside_datelines(text, find_places(text), dates.mentions)
        if not inside_url(urls, m.start)
    ]
    heading = _head_blocks(text, blocks)
    head = _head_proposal(text, blocks, heading, dates, places)
    head_end = head.quotes[0][1] if head else 0
    proposals = sister_pairs(head, text) if head else []
    head = proposals[0] if proposals else None
    parties = _local_parties(head)
    countries = [m for m in places if m.place.level == "country" and m.strength != "qualifier"]
    story_end = _story_end(text)
    partners = sole_partners(text, places)
    headline = _between(places, heading[0].start, heading[-1].end) if heading else []
    founded: dict[int, DateChoice] = {}
    for block in blocks:
        if block.end <= head_end or block.start >= story_end or _metadata(text, block):
            continue
        for proposal in _block_proposals(text, block, dates, places):
            if head is not None and _repeats_head(text, proposal, head, block):
                if head.date.value is None and proposal.date.value:
                    head.date = proposal.date
                continue
            if parties and block.item:
                proposal.places = _with_places(proposal.places, parties)
                proposal.clause = True
            if not proposal.date.value and not proposal.renewed and not proposal.session:
                _inherit_date(text, block, proposal, proposals, head, dates)
            gathering = _gathering_of_declaration(text, block, proposal, proposals)
            if gathering is not None:
                gathering.places = _with_places(gathering.places, _block_places(block, places))
                gathering.quotes = list(dict.fromkeys(gathering.quotes + proposal.quotes))[:4]
                continue
            if not proposal.chosen_places():
                proposal.places = list(head.places) if head is not None else countries
            paired = with_headline_party(
                with_known_partner(proposal, text, places, known_partners()), text, headline
            )
            pairs = sister_pairs(with_sole_partner(paired, text, partners), text)
            _date_items(text, pairs, dates.mentions)
            if not pairs and proposal.type.slug in _FOUNDINGS and proposal.date.value:
                # "Sister city ties … began … in 1979. Hubei and Ohio became the first pair":
                # the pairs told next in the paragraph were founded then.
                founded[block.index] = proposal.date
            for pair in pairs:
                undated = not pair.date.value and not pair.renewed
                if undated and pair.type.slug in _FOUNDINGS and block.index in founded:
                    pair.date = _from_founding(founded[block.index])
            proposals.extend(pairs)
        _add_attendees(text, block, places, proposals)
    merged = _merge(proposals)
    for proposal in merged:
        _named_after(text, proposal)
        _parties_recalled(text, proposal, places)
        if only_stamped(proposal.date, dates.mentions):
            proposal.date = DateChoice(
                None,
                None,
                0.6,
                f"the only date for it is the page's stamp ({proposal.date.value}), "
                "not the event's date: a stamp may be a re-post's",
            )
    return merged


def _named_after(text: str, proposal: Proposal) -> None:
    """Give an agreement told by a bare word ("signed the first agreement") the kind the text
    names when it recalls it next ("The memorandum of understanding, which …", "该备忘录"),
    even in a sentence that tells no event."""
    if not _bare_agreement(proposal):
        return
    end = proposal.type.end
    window = text[end : end + _RECALL_CHARS]
    for cue in type_cues(window):
        before = window[max(0, cue.start - 12) : cue.start]
        if cue.slug in _NAMED_AGREEMENTS and _RECALLED_BEFORE.search(before):
            proposal.type = Cue(cue.slug, proposal.type.start, proposal.type.end, cue.text)
            return
        if cue.slug in AGREEMENT_TYPES:
            return


def _parties_recalled(text: str, proposal: Proposal, places: Sequence[PlaceMention]) -> None:
    """Give an agreement told with no local party ("signed a memorandum of understanding with
    a province in the Chinese interior") the local places of the sentence that recalls it
    next ("The agreement … with the province of Shaanxi"), within ``_RECALL_CHARS``."""
    if proposal.type.slug not in AGREEMENT_TYPES or _local_names(proposal.places):
        return
    end = _sentence_around(text, proposal.type.start, proposal.type.end)[1]
    window = text[end : end + _RECALL_CHARS]
    for cue in type_cues(window):
        if cue.slug not in AGREEMENT_TYPES:
            continue
        if not _RECALLED_BEFORE.search(window[max(0, cue.start - 12) : cue.start]):
            return  # another agreement is told first
        start, stop = _sentence_around(text, end + cue.start, end + cue.end)
        proposal.places = _with_places(proposal.places, _local_names(_between(places, start, stop)))
        return


def _local_names(places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """The places named as parties below the level of a country."""
    return [m for m in places if m.strength == "name" and m.place.level != "country" and not m.site]


def _date_items(text: str, pairs: Sequence[Proposal], mentions: Sequence[DateMention]) -> None:
    """Date each pair of a list by the date right after its item ("与A（1982年）、B（1995年）
    缔结…", "Jiangsu of China (27th October, 1994)"), that item only: a pair whose item has no
    date of its own loses a date that is another item's."""
    if len(pairs) < 2:
        return
    own = [_item_date(text, pair, mentions) for pair in pairs]
    items = {id(m) for m in own if m is not None}
    if not items:
        return
    for pair, mention in zip(pairs, own, strict=True):
        if mention is not None:
            pair.date = DateChoice(mention.value, mention, 0.8, "the date told with its item")
            pair.renewed = False
        elif pair.date.mention is not None and id(pair.date.mention) in items:
            pair.date = DateChoice(None, None, 0.5, "listed without a date of its own")


def _item_date(text: str, pair: Proposal, mentions: Sequence[DateMention]) -> DateMention | None:
    """The date written right after a party of ``pair`` ("加利福尼亚州（1982年）"), if any."""
    for place in _local_names(pair.places):
        end = max(place.end, place.outer_end)
        gap = _ITEM_DATE_GAP.match(text, end).end()
        found = next((m for m in mentions if m.start == gap and m.kind == "text"), None)
        if found is not None and found.value:
            return found
    return None


def _from_founding(told: DateChoice) -> DateChoice:
    """The year of the partnerships told just before, for a pair told without a date."""
    value = (told.value or "")[:4] or None
    mention = replace(told.mention, month=None, day=None) if told.mention else None
    return DateChoice(
        value, mention, 0.5, f"the year the partnerships told just before began ({value})"
    )


def _add_attendees(
    text: str, block: Block, places: Sequence[PlaceMention], proposals: Sequence[Proposal]
) -> None:
    """Add the places of a block's attendance sentences to the gathering they attended: the
    first one told in this paragraph or the one before (a paragraph's main event comes first),
    else the last one told."""
    near = [p for p in proposals if p.type.slug in GATHERINGS and block.index - p.block <= 1]
    gathering = min(near, key=lambda p: (p.block, p.type.start)) if near else None
    if gathering is None:
        gathering = next((p for p in reversed(proposals) if p.type.slug in GATHERINGS), None)
    if gathering is None:
        return
    spans = sentences(text, block.start, block.end)
    found = attendees(text, spans, _block_places(block, places))
    if found:
        gathering.places = _with_places(gathering.places, found)


def _story_end(text: str) -> int:
    """Where the story of a saved page ends: at its first list of links to other stories
    ("相关推荐", "上一篇", "Related articles"), else at the end of the text."""
    found = _STORY_END.search(text)
    return found.start() if found else len(text)


def _outside_datelines(
    text: str, places: list[PlaceMention], mentions: Sequence[DateMention]
) -> list[PlaceMention]:
    """Drop the places of a dateline ("DES MOINES, Iowa, Sept. 16 --"): where the story was
    filed, not where anything happened."""
    spans = [(text.rfind("\n", 0, m.start) + 1, m.end) for m in mentions if m.kind == "dateline"]
    # "CHENGDU, China – …", "BEIJING – …": a dateline without its date.
    spans += [found.span() for found in _BARE_DATELINE.finditer(text)]
    return [m for m in places if not any(start <= m.start < end for start, end in spans)]


def _local_parties(head: Proposal | None) -> list[PlaceMention]:
    """The local governments that are parties to the document's main agreement, if any."""
    if head is None or head.type.slug not in AGREEMENT_TYPES:
        return []
    return [
        m
        for m in head.chosen_places()
        if m.place.level != "country" and not m.site and m.strength == "name"
    ]


def _head_proposal(
    text: str,
    blocks: Sequence[Block],
    head_blocks: Sequence[Block],
    dates: DocumentDates,
    places: Sequence[PlaceMention],
) -> Proposal | None:
    if not head_blocks:
        return None
    start, end = head_blocks[0].start, head_blocks[-1].end
    found = [_shift(c, start) for c in type_cues(text[start:end])]
    cues = [
        c
        for c in found
        if c.slug != "project"
        and not _GENERIC.fullmatch(c.text)
        and not _venue(text, c, found)
        and not _summary(text, c)
    ]
    if not cues:
        return None
    cue = _head_noun(cues, text)
    inside = [m for m in places if start <= m.start < end]
    if not any(m.strength == "name" for m in inside):
        following = next((b for b in blocks if b.start >= end), None)
        if following:
            inside += [m for m in places if following.start <= m.start < following.end]
    signed = _signature_date(text, dates.mentions) if cue.slug in AGREEMENT_TYPES else None
    founding = cue.slug in _FOUNDINGS
    told = choose_event_date(text, start, end, dates.mentions, founding)
    anniversary = told.mention is not None and told.mention.founding
    date = told if anniversary else signed or told
    sectors = find_sectors(text, limit=10)
    quotes = [(start, end)]
    if date.mention and not start <= date.mention.start < end:
        quotes.append(_sentence_around(text, date.mention.start, date.mention.end))
    signature_places = [
        m for m in places if m.start >= quotes[-1][0] and m.end <= quotes[-1][1] and m.site
    ]
    return Proposal(
        cue,
        date,
        _with_places(inside, signature_places),
        sectors,
        quotes,
        _title(text, head_blocks),
        head=True,
        phrase=text[start:end],
    )


def _head_blocks(text: str, blocks: Sequence[Block]) -> list[Block]:
    """The page's head: its short blocks before the first sentence, after its provenance
    lines (or the title lines of a first block that runs on into its text)."""
    head_blocks: list[Block] = []
    first = next((i for i, b in enumerate(blocks) if not _metadata(text, b)), len(blocks))
    for block in blocks[first : first + _HEAD_MAX_BLOCKS]:
        body = text[block.start : block.end].strip()
        if len(body) > _HEAD_MAX_CHARS or block.item or re.search(r"[.。!?！？;；]$", body):
            break
        head_blocks.append(block)
    if not head_blocks and first < len(blocks):
        head_blocks = _title_lines(text, blocks[first])
    return head_blocks


def _metadata(text: str, block: Block) -> bool:
    """Whether every line of ``block`` is a provenance line (see ``_METADATA_LINE``)."""
    lines = [line for line in text[block.start : block.end].splitlines() if line.strip()]
    return all(_METADATA_LINE.fullmatch(line) for line in lines)


def _title_lines(text: str, block: Block) -> list[Block]:
    """The leading title lines of a block that runs on into its text (a PDF page)."""
    end = block.start
    for line in text[block.start : block.end].splitlines(keepends=True):
        body = line.strip()
        if len(body) > _HEAD_MAX_CHARS // 2 or re.search(r"[.。!?！？;；]$", body):
            break
        end += len(line)
    return [Block(block.start, end, False, block.index)] if end > block.start else []


def _signature_date(text: str, dates: Sequence[DateMention]) -> DateChoice | None:
    """The date an agreement was signed, from its last lines: "于…在北京签订", a date line."""
    lines = [m.span() for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    zone = min(len(text) * 0.8, lines[-6][0] if len(lines) >= 6 else 0)
    for start, end in reversed([span for span in lines if span[0] >= zone]):
        inside = [m for m in dates if start <= m.start < end and m.value and not m.inferred]
        if not inside or inside[0].kind != "text":
            continue
        body = text[start:end]
        bare = not re.sub(
            r"[\s\d年月日,.]|" + "|".join(re.escape(m.text) for m in inside), "", body
        )
        if bare or _SIGNED.search(body):
            best = max(inside, key=lambda m: m.precision)
            return DateChoice(best.value, best, 0.9, "the date the document was signed")
    return None


def _block_proposals(
    text: str, block: Block, dates: DocumentDates, places: Sequence[PlaceMention]
) -> list[Proposal]:
    found: list[Proposal] = []
    spans = sentences(text, block.start, block.end)
    told = [(s, _cues(text, s)) for s in spans]
    eventful = [
        (s, c)
        for s, c in told
        if c
        and (
            EVENT_CUES.search(text[s[0] : s[1]])
            or _cites(text, s, c)
            or _standing(text, s, c)
            or _anniversary_of(s, c, dates.mentions)
        )
    ]
    if not eventful and block.item:
        eventful = _item_cue(text, block, told)
    block_countries = [
        replace(m, strength="weak")
        for m in _block_places(block, places)
        if m.place.level == "country" and m.strength != "qualifier"
    ]
    block_sectors = find_sectors(text[block.start : block.end]) if eventful else []
    for span, cues in eventful:
        for cue in cues:
            if not block.item and _series(text, span, cue, dates.mentions):
                continue
            own = _own_span(text, span, cue, cues)
            founding = cue.slug in _FOUNDINGS
            standing = _standing(text, span, [cue]) and (
                not EVENT_CUES.search(text, span[0], span[1]) or _perfect(text, span, cue)
            )
            if standing and not cue.text.isascii():
                # A partnership that stands is between the places of its clause, dated only
                # there ("三藩市與中國上海市有…友好城市關係,…雙方都決定要建立友好城市關係").
                own = _clause_of(text, span, cue)
            date = choose_event_date(text, own[0], own[1], dates.mentions, founding)
            renewed = standing
            renewal = _renewed(text, span, cue)
            older = renewal or _CELEBRATED.search(text, span[0], span[1])
            written = date.mention is not None and not date.mention.inferred
            if renewal and written and not _founding_date(text, date.mention):
                written = False  # "renewed their sister-state agreement in 2019": the renewal's
            if founding and older and not written and not (date.mention and date.mention.founding):
                # "签署重申双方姊妹城市关系的备忘录", "celebrated their sister city ties Tuesday":
                # the partnership is older than the renewal or the celebration.
                date = DateChoice(None, None, 0.5, "renewed or celebrated here; founded earlier")
                renewed = True
            if not date.value and not renewed and len(cues) > 1:
                whole = choose_event_date(text, span[0], span[1], dates.mentions, founding)
                date = whole if whole.value else date
            told_here = block.item or _tells_event(text, span)
            if not date.value and not renewed and len(cues) == 1 and told_here:
                # The date told before it in its paragraph ("On May 19, … met … During this
                # meeting, they signed …") or numbered item, else one told after it; a record a
                # sentence only recalls takes none ("is part of a plan to establish …").
                told = choose_event_date(text, block.start, span[1], dates.mentions, founding)
                if not told.value:
                    told = choose_event_date(text, block.start, block.end, dates.mentions, founding)
                date = told if told.value else date
            in_sentence = _between(places, span[0], span[1])
            mine = [m for m in in_sentence if m.party or own[0] <= m.start < own[1] or not m.site]
            if standing:
                mine = _between(places, own[0], own[1])
            if len(cues) > 1 and (founding or cue.slug in AGREEMENT_TYPES):
                # Several partnerships or agreements in one sentence: each is between the
                # places of its part, and the subject they share ("贵州省与A签署…,与B签署…").
                nearer = [m for m in mine if own[0] <= m.start < own[1]]
                if any(
                    (m.strength == "name" and (founding or not m.site)) or m.holds_unknown
                    for m in nearer
                ):
                    mine = _shared_subject(text, span, own, mine) + nearer
            if not [m for m in mine if m.strength != "qualifier"]:
                if founding and _told_with_parties(eventful, span, cue, places):
                    # "在当日举行的友好城市缔结签字仪式上…此次新缔结的5对友好城市分别为山西省与…":
                    # the sentence that names the pairs tells them.
                    continue
                mine = _outside_standing(text, eventful, _block_places(block, places))
            sectors = block_sectors or find_sectors(text[span[0] : span[1]])
            proposal = Proposal(
                cue,
                date,
                _with_places(mine, block_countries),
                sectors,
                [_quote_span(span, cue)],
                _cue_title(text, cue),
                block=block.index,
                item=block.number,
                phrase=_phrase(text, cue),
                renewed=renewed,
                recalled=bool(_DETERMINED.search(text, max(0, cue.start - 40), cue.start)),
            )
            for told in _respectively(text, span, proposal, dates.mentions, in_sentence):
                found += _counted(text, span, told, in_sentence)
    return found


def _outside_standing(
    text: str,
    eventful: Sequence[tuple[tuple[int, int], list[Cue]]],
    places: Sequence[PlaceMention],
) -> list[PlaceMention]:
    """``places`` but those of the paragraph's sentences that tell standing partnerships
    ("哈尔滨已经与A、B……结为友好关系"): their parties are theirs, not another record's."""
    told = [s for s, cues in eventful if _standing(text, s, cues)]
    return [m for m in places if not any(start <= m.start < end for start, end in told)]


def _shared_subject(
    text: str, span: tuple[int, int], own: tuple[int, int], places: Sequence[PlaceMention]
) -> list[PlaceMention]:
    """The places of a sentence's subject when a later part of it goes on with "与"
    ("贵州省与A签署…,与B签署…": 贵州省 is a party of both), else none."""
    if own[0] <= span[0] or not _WITH_NEXT.match(text, own[0]):
        return []
    named = [m for m in places if span[0] <= m.start < own[0] and m.strength == "name"]
    # The subject's "与" is the first right after a place ("黑龙江省与…"), not one of a heading
    # run into the sentence ("友协和友城工作").
    first = next((m for m in named if _WITH_NEXT.match(text, max(m.end, m.outer_end))), None)
    return [m for m in named if first and m.start <= first.start]


def _told_with_parties(
    eventful: Sequence[tuple[tuple[int, int], list[Cue]]],
    span: tuple[int, int],
    cue: Cue,
    places: Sequence[PlaceMention],
) -> bool:
    """Whether another sentence of the paragraph tells a partnership of the type of ``cue``
    between places it names."""
    return any(
        other != span
        and any(c.slug == cue.slug for c in cues)
        and any(
            m.strength == "name" and m.place.level != "country"
            for m in _between(places, other[0], other[1])
        )
        for other, cues in eventful
    )


def _series(text: str, span: tuple[int, int], cue: Cue, mentions: Sequence[DateMention]) -> bool:
    """Whether a gathering is told as a series held again and again ("双城论坛是由…2010年合力
    促成,此后逐年举行", "held every year since 2010"), in a sentence that dates no day of its
    own: no event. (A numbered clause of an agreement that sets one up, "双方轮流组织一年一度的
    …会议", is one: the caller asks only outside such clauses.)"""
    if cue.slug not in GATHERINGS or not _SERIES.search(text, span[0], span[1]):
        return False
    first = bisect_left(mentions, span[0], key=lambda m: m.start)
    last = bisect_left(mentions, span[1], lo=first, key=lambda m: m.start)
    return not any(m.kind == "text" and m.precision == 3 for m in mentions[first:last])


def _counted(
    text: str, span: tuple[int, int], proposal: Proposal, places: Sequence[PlaceMention]
) -> list[Proposal]:
    """One agreement per item of a sentence that lists the agreements it counts ("签署A、B、
    C、D等4项交流合作备忘录"), each between the places its item names, else the places the
    sentence names outside the list; the proposal as it is otherwise."""
    cue = proposal.type
    if cue.slug not in AGREEMENT_TYPES:
        return [proposal]
    counted = _COUNTED_BEFORE.search(text, span[0], cue.start)
    signed = counted and list(_SIGNS.finditer(text, span[0], counted.start()))
    if not counted or not signed:
        return [proposal]
    start, end = signed[-1].end(), counted.start()
    cuts = [start] + [start + m.end() for m in re.finditer("、", text[start:end])] + [end]
    items = list(pairwise(cuts))
    if len(items) < 2 or len(items) != chinese_number(counted.group("count")):
        return [proposal]
    outside = [m for m in places if not start <= m.start < end]
    found = []
    for number, (first, last) in enumerate(items, start=1):
        own = [m for m in places if first <= m.start < last]
        named = any(m.strength == "name" for m in own)
        found.append(
            replace(
                proposal,
                places=own if named else outside,
                item=number,
                phrase=text[first:last].strip("、") + cue.text,
            )
        )
    return found


def _respectively(
    text: str,
    span: tuple[int, int],
    proposal: Proposal,
    mentions: Sequence[DateMention],
    places: Sequence[PlaceMention],
) -> list[Proposal]:
    """One gathering per (date, place) of a sentence that lists its sessions "respectively"
    ("举行过三届,分别于2014年在美国华盛顿、2015年在美国芝加哥、2016年在中国南昌举行"), or one
    undated per place when it dates none ("已分别在北京、上海…和武汉成功举办6届"); the proposal
    as it is otherwise."""
    found = _RESPECTIVELY.search(text, span[0], span[1])
    if proposal.type.slug not in GATHERINGS or found is None:
        return [proposal]
    start = found.end()
    first = bisect_left(mentions, start, key=lambda m: m.start)
    last = bisect_left(mentions, span[1], lo=first, key=lambda m: m.start)
    dated = [m for m in mentions[first:last] if m.kind == "text" and m.year]
    sites = [
        m
        for m in places
        if m.start >= start and m.strength == "name" and m.place.level != "country"
    ]
    weak = [m for m in proposal.places if m.strength == "weak"]
    if not dated and len(sites) > 1:
        undated = DateChoice(None, None, 0.5, "one of the sessions the text lists, undated")
        return [
            replace(
                proposal,
                date=undated,
                places=[site, *weak],
                phrase=f"{proposal.phrase} ({site.text})",
                session=True,
            )
            for site in sites
        ]
    if len(dated) < 2 or len(dated) != len(sites):
        return [proposal]
    return [
        replace(
            proposal,
            date=DateChoice(mention.value, mention, 0.7, "one of the sessions the text lists"),
            places=[site, *weak],
            phrase=f"{proposal.phrase} ({mention.text})",
        )
        for mention, site in zip(dated, sites, strict=True)
    ]


def _tells_event(text: str, span: tuple[int, int]) -> bool:
    """Whether the sentence ``span`` tells an event of its own: a word of one ("signed",
    "举行") that no aim or clause about a party holds ("part of a plan to establish", "which
    signed an MOU")."""
    return any(
        not _UNTOLD_BEFORE.search(text, max(span[0], found.start() - 30), found.start())
        for found in EVENT_CUES.finditer(text, span[0], span[1])
    )


def _founding_date(text: str, mention: DateMention) -> bool:
    """Whether a date is told as a partnership's founding ("first signed in 1987", "since
    1985", "1987年建立")."""
    before = text[max(0, mention.start - 30) : mention.start]
    after = text[mention.end : mention.end + 8]
    return bool(_FOUNDED_BEFORE.search(before) or _FOUNDED_AFTER.match(after))


def _renewed(text: str, span: tuple[int, int], cue: Cue) -> bool:
    """Whether the sentence renews or reaffirms the partnership ``cue`` names ("续签友好城市
    协议", "reaffirm their sister-city relationship", "renewed the sister-state agreement")."""
    before = text[max(span[0], cue.start - 24) : cue.start]
    return bool(_RENEWAL.search(before))


def _block_places(block: Block, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    return _between(places, block.start, block.end)


def _between(places: Sequence[PlaceMention], start: int, end: int) -> list[PlaceMention]:
    """The mentions (in text order) that start within ``[start, end)``."""
    first = bisect_left(places, start, key=lambda m: m.start)
    last = bisect_left(places, end, key=lambda m: m.start)
    return list(places[first:last])


def _anniversary_of(
    span: tuple[int, int], cues: Sequence[Cue], mentions: Sequence[DateMention]
) -> bool:
    """Whether a sentence tells a partnership's anniversary ("celebrated the 35th anniversary
    of their sister relationship"): it dates the partnership's founding."""
    if not any(c.slug in _FOUNDINGS for c in cues):
        return False
    first = bisect_left(mentions, span[0], key=lambda m: m.start)
    last = bisect_left(mentions, span[1], lo=first, key=lambda m: m.start)
    return any(m.founding for m in mentions[first:last])


def _standing(text: str, span: tuple[int, int], cues: Sequence[Cue]) -> bool:
    """Whether the sentence tells a partnership that stands ("三藩市與中國上海市有長達數十年的
    友好城市關係", "保持着友好省州关系"): a record, dated only if the text dates it."""
    return any(
        cue.slug in _FOUNDINGS
        and (
            _STANDING_BEFORE.search(text, max(span[0], cue.start - 16), cue.start)
            or _perfect(text, span, cue)
        )
        for cue in cues
    )


def _perfect(text: str, span: tuple[int, int], cue: Cue) -> bool:
    """Whether the sentence tells its partnerships as standing by now ("哈尔滨已经与A、B…结为
    友好关系"), naming them, not counting them ("已与12个国家的14个城市缔结")."""
    return bool(
        _PERFECT.search(text, span[0], cue.start) and not _COUNT.search(text, span[0], cue.start)
    )


def _clause_of(text: str, span: tuple[int, int], cue: Cue) -> tuple[int, int]:
    """The clause of the sentence ``span`` that holds ``cue``: between the breaks around it."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, span[0], cue.start)]
    after = _CLAUSE_BREAK.search(text, cue.end, span[1])
    return (breaks[-1] if breaks else span[0], after.start() if after else span[1])


def _cites(text: str, span: tuple[int, int], cues: Sequence[Cue]) -> bool:
    """Whether the sentence cites an agreement by its title ("根据“…谅解备忘录”附件一")."""
    for match in _QUOTED_TITLE.finditer(text, span[0], span[1]):
        if any(c.slug in AGREEMENT_TYPES and c.end == match.end() - 1 for c in cues):
            return True
    return False


def _item_cue(
    text: str, block: Block, told: list[tuple[tuple[int, int], list[Cue]]]
) -> list[tuple[tuple[int, int], list[Cue]]]:
    """The one record of a numbered item that tells no event: what its text names by a
    proper name ("the China-U.S. Renewable Energy Partnership"), else what its heading names
    ("Eco-City Project:"), else the first cue of its text, else a programme of cooperation
    when its heading names a field of cooperation ("Renewable Energy Cooperation:")."""
    heading = (block.start, block.heading_end)
    body = [(s, c) for s, c in told if c]
    head_cues = type_cues(text[heading[0] : heading[1]])
    named = [
        (s, [c]) for s, cues in body for c in cues if c.text[:1].isupper() and c.start >= heading[1]
    ]
    if named:
        return named[:1]
    if head_cues:
        return [(heading, [_shift(head_cues[-1], heading[0])])]
    if body:
        return [(body[0][0], body[0][1][:1])]
    found = _COOPERATION.search(text, heading[0], heading[1])
    if found and heading[1] > heading[0]:
        return [(heading, [Cue("program", found.start(), found.end(), found.group())])]
    return []


def _cues(text: str, span: tuple[int, int]) -> list[Cue]:
    """The type cues of a sentence that name what happened, not where or what was recalled:
    "在…峰会上签订" is an MOU signed at a summit, "Sister Cities Conference" is a conference,
    and "此次会议", "a meeting", "巴黎气候大会", "Three agreements" name nothing new.

    What decides depends on the sentence and at most ``_CUE_CONTEXT`` characters around it,
    so a sentence repeated with the same surroundings is read once.
    """
    start = max(0, span[0] - _CUE_CONTEXT)
    window = text[start : span[1] + _CUE_CONTEXT]
    found = _window_cues(window, span[0] - start, span[1] - start)
    return [_shift(cue, start) for cue in found]


@lru_cache(maxsize=4096)
def _window_cues(text: str, first: int, last: int) -> tuple[Cue, ...]:
    span = (first, last)
    body = text[span[0] : span[1]]
    urls = url_spans(text)
    found = [_shift(c, span[0]) for c in type_cues(body)]
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
        if same and cue.slug in _FOUNDINGS and nxt.slug in _WEAK_TYPES:
            # "sister-state partnership", "sister city agreement": the partnership.
            skip.add(i + 1)
        elif same and cue.slug in GATHERINGS and _GENERIC.fullmatch(nxt.text):
            # "建立中美省州长论坛协议", "Forum Agreement": an agreement about a gathering.
            named.add(i + 1)
            continue
        elif same and not _GENERIC.fullmatch(nxt.text):
            continue
        if i not in named and (
            _venue(text, cue, found) or _recalled(text, cue) or _summary(text, cue)
        ):
            continue
        if any(s <= cue.start - span[0] < e for s, e in abroad) or _abroad(text, cue):
            continue
        if cue.slug in _WEAK_TYPES and _NAME_GOES_ON.match(text, cue.end):
            continue  # "Clean Technology Partnership Fund": the name of a fund, not a program
        if cue.slug in _FOUNDINGS and _PRIZE_AFTER.match(text, cue.end):
            continue  # "友好城市交流合作奖": the name of an award or a match, no partnership
        if cue.slug in _FOUNDINGS and _EPITHET_BEFORE.search(
            text, max(0, cue.start - 12), cue.start
        ):
            continue
        kept.append(cue)
    specific = {c.slug for c in kept} - _WEAK_TYPES
    named_cues = {found[i] for i in named}
    own = {c for c in kept if PARTNERS_AGREEMENT.fullmatch(c.text)}
    kept = [c for c in kept if c.slug not in _WEAK_TYPES or not specific or c in named_cues | own]
    # One cue per type, but each agreement between partners ("深化友好省州交流合作协议书").
    return tuple(list({(c.slug, c in own and c.start): c for c in reversed(kept)}.values())[::-1])


def _venue(text: str, cue: Cue, cues: Sequence[Cue]) -> bool:
    """Whether a gathering is only where another cue's agreement was made ("signed at the
    forum", "在…峰会上签订", "双城论坛台北上海再签4项合作备忘录": an agreement signed in the
    gathering's own clause)."""
    if cue.slug not in GATHERINGS or len(cues) < 2:
        return False
    if _TIME_AFTER.match(text, cue.end):
        return True
    if any(
        other.slug in AGREEMENT_TYPES
        and other.start >= cue.end
        and _SIGNS.search(text, cue.end, other.start)
        and not _CLAUSE_END.search(text, cue.end, other.start)
        for other in cues
    ):
        return True
    if _PROPER_GATHERING.search(text, max(0, cue.start - 80), cue.start):
        # "at the second US-China Sister Cities Conference": a gathering of its own.
        return False
    return bool(_VENUE_BEFORE.search(text[max(0, cue.start - 80) : cue.start]))


def _recalled(text: str, cue: Cue) -> bool:
    """Whether a gathering cue recalls one already told, or none ("此次峰会", "参加会议"), or
    a bare agreement word recalls the agreement just told ("The pact, signed today…",
    "该协议", "An agreement on the relationship"), or a partnership the one just told ("under
    the new sister-state partnership", "这一友好城市关系")."""
    before = text[max(0, cue.start - 12) : cue.start]
    if _GENERIC.fullmatch(cue.text) and cue.slug == "other":
        return bool(_RECALLED_BEFORE.search(before) or _OF_THE_PARTNERSHIP.match(text, cue.end))
    if cue.slug in _FOUNDINGS:
        return bool(_NEW_BEFORE.search(before))
    if cue.slug not in GATHERINGS:
        return False
    if _RECALLED_BEFORE.search(before) or _PART_BEFORE.search(before):
        return True
    if _EXAMPLES_BEFORE.search(text, max(0, cue.start - _EXAMPLES_CHARS), cue.start):
        # "一系列活动,如市长线上会议、“智慧城市”研讨会": kinds of events, none told.
        return True
    return bool(_BARE_GATHERING.fullmatch(cue.text) and _BARE_BEFORE.search(before))


def _summary(text: str, cue: Cue) -> bool:
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
    return bool(_ABROAD.match(_phrase(text, cue)))


def _same_phrase(between: str) -> bool:
    return bool(re.fullmatch(r"(?:\s*[A-Z][\w'’.\-]*)*\s*|[\u4e00-\u9fff]{0,6}", between)) and not (
        re.search(r"[的与和及、]", between)
    )


def _head_noun(cues: list[Cue], text: str) -> Cue:
    for i, cue in enumerate(cues):
        nxt = cues[i + 1] if i + 1 < len(cues) else None
        if not (nxt and _same_phrase(text[cue.end : nxt.start])) or _GENERIC.fullmatch(nxt.text):
            return cue
    return cues[-1]


def _shift(cue: Cue, offset: int) -> Cue:
    return Cue(cue.slug, cue.start + offset, cue.end + offset, cue.text)


def _own_span(text: str, span: tuple[int, int], cue: Cue, cues: Sequence[Cue]) -> tuple[int, int]:
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
    breaks = list(_CLAUSE_BREAK.finditer(text, left, right))
    return breaks[-1].end() if breaks else (left + right) // 2


def _phrase(text: str, cue: Cue) -> str:
    """The name a cue ends: the quoted title around it, else the words before it that name
    the same thing ("Sister Cities Conference", "绿色合作伙伴计划"), else the cue alone."""
    for match in _QUOTED_TITLE.finditer(text, max(0, cue.start - 120), min(len(text), cue.end + 2)):
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


def _repeats_head(text: str, proposal: Proposal, head: Proposal, block: Block) -> bool:
    """Whether a proposal tells the main agreement again: in the block of its signature
    date, or under a name its title gives ("绿色合作伙伴计划" under "…绿色合作伙伴计划框架")."""
    signed_here = (
        head.date.mention is not None and block.start <= head.date.mention.start < block.end
    )
    same_date = proposal.date.value in (None, head.date.value)
    if signed_here and proposal.type.slug == head.type.slug and same_date:
        return True
    named = len(proposal.phrase) > len(proposal.type.text) + 1
    return named and re.sub(r"\s+", "", proposal.phrase) in re.sub(r"\s+", "", head.phrase)


def _inherit_date(
    text: str,
    block: Block,
    proposal: Proposal,
    proposals: Sequence[Proposal],
    head: Proposal | None,
    dates: DocumentDates,
) -> None:
    """Date an undated proposal from what it is part of (see the module's docstring)."""
    before = text[block.start : proposal.type.start]
    within = bool(_WITHIN.search(before))
    by_reference = date_by_reference(block.start, block.end, dates)
    gathering, around = _gathering_named(before, proposals)
    previous = next((p for p in reversed(proposals) if p.date.value), None)
    if by_reference is not None:
        proposal.date = by_reference
    elif gathering is not None and around:
        proposal.date = _around(gathering, around)
    elif gathering is not None:
        proposal.date = _from_event(gathering, within, "the gathering it took place at")
        proposal.places = _with_places(
            proposal.places,
            [m for m in gathering.places if m.site and m.place.level != "country"],
        )
    elif (
        previous is not None
        and block.index - previous.block <= _CONTINUED_BLOCKS
        and _CONTINUED.search(text[block.start : block.end])
    ):
        proposal.date = _from_event(previous, within, "the event told just before")
    elif head is not None and head.date.value and block.item:
        proposal.date = DateChoice(
            head.date.value,
            head.date.mention,
            round(head.date.confidence * 0.6, 2),
            f"the date of the document's {TYPES[head.type.slug].en.lower()}; "
            "the text gives none of its own",
        )
    elif dates.context is not None and block.item:
        event = dates.context[1]
        proposal.date = DateChoice(
            event.value,
            event,
            0.5,
            f"reported among the outcomes of the event the document reports on: {event.basis}",
        )
    else:
        return
    proposal.date_inherited = True


def _gathering_named(
    before: str, proposals: Sequence[Proposal]
) -> tuple[Proposal | None, str | None]:
    """The dated gathering a block says its events took place at ("在峰会期间", "会上"), and
    the word when they took place before or after it instead ("论坛前", "before the summit")."""
    found = list(_AT_GATHERING.finditer(before))
    if not found:
        return None, None
    last = found[-1]
    word = (last.group("zh") or last.group("en") or "").lower()
    wanted = {_GATHERING_WORDS[word]} if word else GATHERINGS
    gathering = next(
        (p for p in reversed(proposals) if p.type.slug in wanted and p.date.value), None
    )
    return gathering, last.group("zh_around") or last.group("en_around")


def _around(event: Proposal, word: str) -> DateChoice:
    """The year of ``event`` for an event told as before or after it: the month may differ."""
    value = (event.date.value or "")[:4] or None
    mention = replace(event.date.mention, month=None, day=None) if event.date.mention else None
    reason = f"{word!r} the {TYPES[event.type.slug].en.lower()} told before: its year only"
    return DateChoice(value, mention, 0.4, reason)


def _from_event(event: Proposal, within: bool, what: str) -> DateChoice:
    """The date of ``event`` for an event told as part of it; only its month when the text
    says "during" or "meanwhile", not on which day."""
    mention = event.date.mention
    value = event.date.value
    if within and value and len(value) > 7:
        value = value[:7]
        mention = replace(mention, day=None) if mention else None
    reason = f"the date of {what} ({TYPES[event.type.slug].en.lower()})"
    if within:
        reason += "; the text places it during that event, not on a day"
    return DateChoice(value, mention, 0.5, reason)


def _gathering_of_declaration(
    text: str, block: Block, proposal: Proposal, proposals: Sequence[Proposal]
) -> Proposal | None:
    """The gathering a declaration or unnamed agreement was made at: one told in the same
    block, or named in its sentence ("峰会上…签署了一系列行动宣言"), of the same date."""
    if proposal.type.slug != "other" or not (
        _DECLARATION.search(proposal.type.text) or _GENERIC.fullmatch(proposal.type.text)
    ):
        return None
    sentence = text[proposal.quotes[0][0] : proposal.type.start]
    here = [p for p in proposals if p.type.slug in GATHERINGS and p.block == block.index]
    gathering = here[-1] if here else _gathering_named(sentence, proposals)[0]
    if gathering is None:
        return None
    own = proposal.date.value
    if own and gathering.date.value and not gathering.date.value.startswith(own):
        return None
    return gathering


def _with_places(places: list[PlaceMention], more: Iterable[PlaceMention]) -> list[PlaceMention]:
    seen = {(m.start, m.end) for m in places}
    ids = {m.place.id for m in places if m.strength == "name"}
    return places + [
        m
        for m in more
        if (m.start, m.end) not in seen and not (m.strength == "weak" and m.place.id in ids)
    ]


def _quote_span(span: tuple[int, int], cue: Cue) -> tuple[int, int]:
    start, end = span
    if end - start <= _QUOTE_MAX:
        return span
    start = max(start, cue.start - _QUOTE_MAX // 2)
    return start, min(end, start + _QUOTE_MAX)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    for span in sentences(text, line_start, line_end):
        if span[0] <= start < span[1]:
            return _quote_span(span, Cue("", start, end, ""))
    return start, end


def _title(text: str, blocks: Sequence[Block]) -> str:
    lines = [text[b.start : b.end].strip().lstrip("#").strip() for b in blocks]
    english = [line for line in lines if re.search(r"[A-Za-z]{4}", line)]
    title = (english or lines)[0]
    return re.sub(r"\s+", " ", title)[:300]


def _cue_title(text: str, cue: Cue) -> str:
    bracket = re.search(r"《([^》]{2,120})》", text[max(0, cue.start - 120) : cue.end + 2])
    if bracket and bracket.group(1).endswith(text[cue.start : cue.end]):
        return bracket.group(1)
    before = re.search(r"(?:[A-Z][\w'’.\-]*\s+){1,6}$", text[max(0, cue.start - 80) : cue.start])
    if before and cue.text[:1].isupper():
        return re.sub(r"\s+", " ", before.group() + cue.text).strip()
    return TYPES[cue.slug].en


def _merge(proposals: list[Proposal]) -> list[Proposal]:
    """Merge proposals that tell the same event (see :func:`_same_event`).

    Each proposal is compared only with the merged ones it could repeat (same type and date,
    name, numbered item, pair or nearby block), so merging stays linear in the proposals.
    """
    merged: list[Proposal] = []
    index: dict[tuple, dict[int, None]] = {}
    for proposal in proposals:
        candidates = sorted({i for key in _merge_keys(proposal) for i in index.get(key, ())})
        twin = next((merged[i] for i in candidates if _same_event(merged[i], proposal)), None)
        if twin is None:
            merged.append(proposal)
            for key in _merge_keys(proposal, stored=True):
                index.setdefault(key, {})[len(merged) - 1] = None
            continue
        if _bare_agreement(twin) and proposal.type.slug in _NAMED_AGREEMENTS:
            twin.type = proposal.type
        twin.places = twin.places + [
            m for m in proposal.places if m.place.id not in twin.locality_ids()
        ]
        twin.quotes = list(dict.fromkeys(twin.quotes + proposal.quotes))[:3]
        twin.sectors = list({c.slug: c for c in twin.sectors + proposal.sectors}.values())
        undated = twin.date.value is None and proposal.date.value
        surer = (
            proposal.date.confidence > twin.date.confidence
            and proposal.date.value == twin.date.value
        )
        if undated or surer:
            twin.date = proposal.date
        if twin.title == TYPES[twin.type.slug].en:
            twin.title = proposal.title
        position = next(i for i in candidates if merged[i] is twin)
        for key in _merge_keys(twin, stored=True):
            index.setdefault(key, {})[position] = None
    return merged


def _merge_keys(proposal: Proposal, stored: bool = False) -> list[tuple]:
    """The index keys a merged proposal is kept under (``stored``), or the keys under which
    the merged proposals a new one may repeat are kept (see :func:`_same_event`)."""
    slug, date = proposal.type.slug, proposal.date.value
    keys: list[tuple] = [
        ("phrase", slug, proposal.phrase),
        ("pair", slug, frozenset(_local_ids(proposal))),
    ]
    if proposal.item is not None:
        keys.append(("item", proposal.item))
    if date is not None:
        keys.append(("date", slug, date))
    if stored:
        if _bare_agreement(proposal):
            keys.append(("bare", proposal.block))
        if slug in _NAMED_AGREEMENTS:
            keys.append(("named",))
        if proposal.head:
            keys.append(("head", slug))
        if date is None:
            keys.append(("undated", slug, proposal.block))
        return keys
    keys.append(("head", slug))
    if _bare_agreement(proposal):
        keys.append(("named",))
    if slug in _NAMED_AGREEMENTS:
        keys += [("bare", block) for block in range(proposal.block - 2, proposal.block + 1)]
    if date is None:
        keys += [
            ("undated", slug, block) for block in range(proposal.block - 2, proposal.block + 3)
        ]
    return keys


def _bare_agreement(proposal: Proposal) -> bool:
    """Whether a proposal is told by a word every agreement is ("accord", "协议")."""
    return proposal.type.slug == "other" and bool(_GENERIC.fullmatch(proposal.type.text))


def _local_ids(proposal: Proposal) -> set[str]:
    return {i for i in proposal.locality_ids() if i not in _COUNTRIES}


def _same_event(a: Proposal, b: Proposal) -> bool:
    """One type, never two partnerships of two pairs that share no place, and: the same name; or the
    main agreement and a part that takes its date;
    or both undated and close; or one date and a shared place. Never two numbered items of
    different numbers (the outcomes of a list are distinct); always the two language
    versions of one item ("4." and "IV."), unless they name two specific types."""
    if a.item is not None and a.item == b.item and _script(a) != _script(b):
        return a.type.slug == b.type.slug or {a.type.slug, b.type.slug} <= _WEAK_TYPES
    if _bare_agreement(a) and b.type.slug in _NAMED_AGREEMENTS and 0 <= b.block - a.block <= 2:
        # "Governor Doyle signs trade accord with Chinese province", then "… signed a
        # memorandum of understanding with a province": the agreement the story names.
        return a.date.value is None or b.date.value in (None, a.date.value)
    if (
        _bare_agreement(b)
        and a.type.slug in _NAMED_AGREEMENTS
        and b.recalled
        and _same_parties(b, a)
    ):
        # "signed a sister-city pact …", then "signed the memorandum of agreement on behalf
        # of Mandaue": the agreement told again by a bare word.
        return _same_day(a.date.value, b.date.value)
    if a.type.slug != b.type.slug:
        return False
    if a.item is not None and b.item is not None and a.item != b.item:
        return False
    if a.type.slug in _FOUNDINGS and _two_pairs(a, b):
        return False
    if len(a.phrase) > len(a.type.text) + 1 and a.phrase == b.phrase and not a.head:
        own = not (a.date_inherited or b.date_inherited)
        return not (own and a.date.value and b.date.value and a.date.value != b.date.value)
    if a.head and (b.date_inherited or a.date.value is None or b.date.value is None):
        if a.date.value is None:
            a.date = b.date
        return True
    if a.date.value is None and b.date.value is None:
        return abs(a.block - b.block) <= 2 and not (a.session and b.session)
    if (a.date.value is None or b.date.value is None) and a.type.slug in _FOUNDINGS:
        # One partnership, dated where the text tells its founding, undated where it is
        # only named ("重申…姊妹城市关系的备忘录", "Chicago's sister city Shanghai").
        ours = _local_ids(a)
        return len(ours) >= 2 and ours == _local_ids(b)
    if a.date.value != b.date.value:
        return False
    return bool(set(a.locality_ids()) & set(b.locality_ids()))


def _same_parties(bare: Proposal, named: Proposal) -> bool:
    """Whether a bare agreement names no local place the named one does not."""
    ours = _local_ids(bare)
    return bool(ours) and ours <= _local_ids(named)


def _same_day(a: str | None, b: str | None) -> bool:
    """Whether two dates may be the same day: either unknown, or one within the other."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _two_pairs(a: Proposal, b: Proposal) -> bool:
    """Whether two partnerships are between two pairs of places that share none (the items of
    "山西省与肯尼亚蒙巴萨郡、湖北省武汉市与泰国曼谷市"), or of which one names only the party
    the gazetteer knows ("铜仁市与老挝沙耶武里省沙耶武里县") and the other none of its places."""
    ours, theirs = _pair_of(a), _pair_of(b)
    if len(ours) == len(theirs) == 2:
        return ours != theirs
    return bool(ours and theirs) and not ours & theirs


def _pair_of(proposal: Proposal) -> set[str]:
    """The local places of a partnership, and the names of its parties the gazetteer lacks."""
    return _local_ids(proposal) | {m.holds_unknown for m in proposal.places if m.holds_unknown}


def _script(proposal: Proposal) -> str:
    return "zh" if re.match(r"[\u3400-\u9fff]", proposal.type.text) else "en"


def matching_records(proposal: Proposal, records: Iterable[Record]) -> list[str]:
    """The ids of existing records that ``proposal`` repeats: same type and date, and sharing
    at least half the places below country level of the one that names more (or, when
    either names none, half the places of the one that names fewer). Two agreements that
    each name two or more local parties must share more than half of them: two MOUs signed
    at one summit, by one common party, are two."""
    chosen = proposal.chosen_places()
    ids = {m.place.id for m in chosen}
    ours_parties = {m.place.id for m in chosen if not m.site} - _COUNTRIES
    found = []
    for record in records:
        if record.type != proposal.type.slug or record.date != proposal.date.value:
            continue
        theirs = {ref.id for ref in record.localities}
        theirs_parties = {ref.id for ref in record.localities if ref.role == "party"} - _COUNTRIES
        ours_below, theirs_below = ids - _COUNTRIES, theirs - _COUNTRIES
        bilateral = min(len(ours_parties), len(theirs_parties)) >= 2
        if record.type in AGREEMENT_TYPES and bilateral:
            shared = len(ours_parties & theirs_parties)
            same = shared * 2 > max(len(ours_parties), len(theirs_parties))
        elif ours_below and theirs_below:
            shared = len(ours_below & theirs_below)
            same = shared * 2 >= max(len(ours_below), len(theirs_below))
        else:
            same = bool(ids) and len(ids & theirs) * 2 >= min(len(ids), len(theirs))
        if same:
            found.append(record.id)
    return found
