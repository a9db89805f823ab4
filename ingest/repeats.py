"""Proposals that tell the same event: merged with each other, matched to existing records."""

from __future__ import annotations

import re
from collections.abc import Iterable

from partnermap.data.schema import Record
from partnermap.data.vocabulary import AGREEMENT_TYPES, TYPES
from partnermap.ingest.agreements import NAMED_AGREEMENTS, bare_agreement
from partnermap.ingest.kinds import GATHERINGS
from partnermap.ingest.proposal import FOUNDINGS, Proposal
from partnermap.ingest.sentence_cues import WEAK_TYPES

_COUNTRIES = frozenset({"CN", "US"})


def merge(proposals: list[Proposal]) -> list[Proposal]:
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
        if bare_agreement(twin) and proposal.type.slug in NAMED_AGREEMENTS:
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
        # "中美省州长论坛" of a headline's 2011, then the forum of 2011-07-15: the day.
        finer = (
            twin.date.value is not None
            and proposal.date.value is not None
            and len(proposal.date.value) > len(twin.date.value)
            and proposal.date.value.startswith(twin.date.value)
        )
        if undated or surer or finer:
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
        if bare_agreement(proposal):
            keys.append(("bare", proposal.block))
        if slug in NAMED_AGREEMENTS:
            keys.append(("named",))
        if proposal.head:
            keys.append(("head", slug))
        if date is None:
            keys.append(("undated", slug, proposal.block))
        return keys
    keys.append(("head", slug))
    if bare_agreement(proposal):
        keys.append(("named",))
    if slug in NAMED_AGREEMENTS:
        keys += [("bare", block) for block in range(proposal.block - 2, proposal.block + 1)]
    if date is None:
        keys += [
            ("undated", slug, block) for block in range(proposal.block - 2, proposal.block + 3)
        ]
    return keys


def _local_ids(proposal: Proposal) -> set[str]:
    return {i for i in proposal.locality_ids() if i not in _COUNTRIES}


def _same_event(a: Proposal, b: Proposal) -> bool:
    """One type, never two partnerships of two pairs that share no place, and: the same name; or the
    main agreement and a part that takes its date;
    or both undated and close; or one date (for a gathering, one date or a day within the
    other's month or year) and a shared place. Never two numbered items of
    different numbers (the outcomes of a list are distinct); always the two language
    versions of one item ("4." and "IV."), unless they name two specific types."""
    if a.item is not None and a.item == b.item and _script(a) != _script(b):
        return a.type.slug == b.type.slug or {a.type.slug, b.type.slug} <= WEAK_TYPES
    if bare_agreement(a) and b.type.slug in NAMED_AGREEMENTS and 0 <= b.block - a.block <= 2:
        # "Governor Doyle signs trade accord with Chinese province", then "… signed a
        # memorandum of understanding with a province": the agreement the story names.
        return a.date.value is None or b.date.value in (None, a.date.value)
    if bare_agreement(b) and a.type.slug in NAMED_AGREEMENTS and b.recalled and _same_parties(b, a):
        # "signed a sister-city pact …", then "signed the memorandum of agreement on behalf
        # of Mandaue": the agreement told again by a bare word.
        return _same_day(a.date.value, b.date.value)
    if a.type.slug != b.type.slug:
        return False
    if a.item is not None and b.item is not None and a.item != b.item:
        return False
    if a.type.slug in FOUNDINGS and _two_pairs(a, b):
        return False
    if len(a.phrase) > len(a.type.text) + 1 and a.phrase == b.phrase and not a.head:
        own = not (a.date_inherited or b.date_inherited)
        return not (own and a.date.value and b.date.value and a.date.value != b.date.value)
    if a.head and (b.date_inherited or a.date.value is None or b.date.value is None):
        if a.date.value is None:
            a.date = b.date
        return True
    if a.date.value is None and b.date.value is None:
        ours = _local_ids(a)
        if a.type.slug in FOUNDINGS and len(ours) >= 2 and ours == _local_ids(b):
            # One partnership of one pair, however far apart the text names it undated (a
            # dateline's story, then its title again at the page's foot).
            return True
        return abs(a.block - b.block) <= 2 and not (a.session and b.session)
    if (a.date.value is None or b.date.value is None) and a.type.slug in FOUNDINGS:
        # One partnership, dated where the text tells its founding, undated where it is
        # only named ("重申…姊妹城市关系的备忘录", "Chicago's sister city Shanghai").
        ours = _local_ids(a)
        return len(ours) >= 2 and ours == _local_ids(b)
    if a.date.value != b.date.value and not (
        (a.type.slug in GATHERINGS or _one_pair(a, b)) and _same_day(a.date.value, b.date.value)
    ):
        return False
    return bool(set(a.locality_ids()) & set(b.locality_ids()))


def _same_parties(bare: Proposal, named: Proposal) -> bool:
    """Whether a bare agreement names no local place the named one does not."""
    ours = _local_ids(bare)
    return bool(ours) and ours <= _local_ids(named)


def _one_pair(a: Proposal, b: Proposal) -> bool:
    """Whether two partnerships are one pair's ("1979年10月，湖北省与俄亥俄州…", then "1979年10月
    31日…正式结为友好省州"): a pair is founded once, so a month and a day in it are one date
    (an anniversary's count is left to :func:`~partnermap.ingest.agreements.written_foundings`)."""
    ours = _local_ids(a)
    counted = any(p.date.mention is not None and p.date.mention.founding for p in (a, b))
    return a.type.slug in FOUNDINGS and not counted and len(ours) >= 2 and ours == _local_ids(b)


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
