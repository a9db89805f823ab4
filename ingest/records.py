"""A proposal as a record of the data format, and the draft-only facts that support it."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from partnermap.data.locality_rows import locality_of
from partnermap.data.vocabulary import AGREEMENT_TYPES, TYPES
from partnermap.geo.gazetteer import Place
from partnermap.ingest.kinds import GATHERINGS
from partnermap.ingest.places import PlaceMention
from partnermap.ingest.proposal import Proposal
from partnermap.ingest.text import Document

_SUMMARY_MAX = 400
_WEAK = 0.5


@dataclass(frozen=True)
class DraftRecord:
    """A draft: the record (as a data-file mapping) and its metadata (confidence, spans)."""

    id: str
    record: dict[str, Any]
    meta: dict[str, Any]

    @property
    def key(self) -> tuple[str, str | None, tuple[str, ...]]:
        """What makes two drafts the same: type, date and localities."""
        ids = tuple(sorted(ref["id"] for ref in self.record["localities"]))
        return self.record["type"], self.record["date"], ids


def source_name(document: Document) -> str:
    """The file name an ingested document's text is kept under in ``sources/``."""
    return f"ingested_{document.sha256[:12]}.txt"


def draft_record(proposal: Proposal, document: Document, taken: Collection[str]) -> DraftRecord:
    """Build the draft of one proposal.

    Parameters
    ----------
    proposal
        What :func:`partnermap.ingest.propose.propose` found.
    document
        The document it was found in.
    taken
        Record ids already in use: the new id avoids them.

    Returns
    -------
    DraftRecord
        A record mapping that the schema accepts once its source and localities are in the
        data directory, and its metadata.
    """
    text = document.text
    mentions = _one_per_place(proposal.chosen_places())
    roles = {m.place.id: _role(m, proposal, mentions) for m in mentions}
    names = [m.place.name_en for m in mentions]
    type_label = TYPES[proposal.type.slug].en
    title = proposal.title
    if title == type_label:
        title = f"{type_label}: {'–'.join(names[:4]) or 'places not found'}"
    date = proposal.date
    parties = list(dict.fromkeys(m.party for m in mentions if m.party)) or [
        m.place.name_en for m in mentions if roles[m.place.id] == "party"
    ]
    weak = _weak_fields(proposal, mentions)
    record: dict[str, Any] = {
        "id": _record_id(proposal.type.slug, names, date.value, taken),
        "title": title[:300],
        "type": proposal.type.slug,
        "date": date.value,
        "date_note": date.reason[:500] if _date_needs_note(proposal) else None,
        "sectors": [cue.slug for cue in proposal.sectors] or ["general"],
        "parties": (parties or names or ["unknown"])[:10],
        "localities": [{"id": m.place.id, "role": roles[m.place.id]} for m in mentions],
        "status": "unknown",
        "confidence": "low" if weak else "high",
        "note": _note(document, weak, proposal.unknown_parties()),
        "sources": [_source(document, start, end) for start, end in proposal.quotes],
        "summary": _summary(text, proposal.quotes[0], document),
    }
    if record["date_note"] is None:
        del record["date_note"]
    draft_id = f"{document.sha256[:8]}-{_digest(record)[:6]}"
    meta = {
        "draft": draft_id,
        "ingested_file": str(document.path),
        "kind": document.kind,
        "encoding": document.encoding,
        "sha256": document.sha256,
        "source": source_name(document),
        "confidence": {
            "type": _type_confidence(proposal),
            "date": date.confidence,
            "sectors": 0.7 if proposal.sectors else 0.3,
            "localities": {m.place.id: m.confidence for m in mentions},
        },
        "spans": {
            "type": _span(text, proposal.type.start, proposal.type.end),
            "date": _span(text, date.mention.start, date.mention.end) if date.mention else None,
            "date_reason": date.reason,
            "localities": [
                {**_span(text, m.start, m.end), "id": m.place.id, "ambiguous": m.ambiguous}
                for m in mentions
            ],
        },
        "localities": [locality_row(m.place) for m in mentions],
    }
    return DraftRecord(draft_id, record, meta)


def locality_row(place: Place) -> dict[str, Any]:
    """The localities-table row of a gazetteer place (the loader's ``Locality`` fields)."""
    return locality_of(place).model_dump(mode="json")


def _one_per_place(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The first mention of each place, but a party mention over a bare one."""
    chosen: dict[str, PlaceMention] = {}
    for mention in mentions:
        known = chosen.get(mention.place.id)
        if known is None or (mention.party and not known.party):
            chosen[mention.place.id] = mention
    return sorted(chosen.values(), key=lambda m: m.start)


def _role(mention: PlaceMention, proposal: Proposal, all_: list[PlaceMention]) -> str:
    slug = proposal.type.slug
    if mention.party:
        return "party"
    if mention.site and mention.place.level != "country":
        return "host" if slug in GATHERINGS else "site"
    if slug in AGREEMENT_TYPES:
        smaller = [m for m in all_ if m.place.level != "country"]
        if mention.place.level == "country":
            return "participant" if smaller else "party"
        return "party"
    return "participant"


def _date_needs_note(proposal: Proposal) -> bool:
    date = proposal.date
    inferred = date.mention is not None and date.mention.inferred
    return not date.value or inferred or proposal.date_inherited


def _weak_fields(proposal: Proposal, mentions: list[PlaceMention]) -> list[str]:
    weak = []
    if proposal.date.confidence < _WEAK or not proposal.date.value:
        weak.append("date")
    weak += [f"locality {m.place.id}" for m in mentions if m.confidence < _WEAK]
    if not mentions:
        weak.append("localities")
    return weak


def _note(document: Document, weak: list[str], unknown: list[str]) -> str:
    note = f"Drafted by partnermap ingest from {document.path.name}; review before accepting."
    if weak:
        note += f" Weak: {', '.join(weak)}."
    if unknown:
        note += f" Not found in the gazetteer (add its locality by hand): {', '.join(unknown)}."
    return note


def _type_confidence(proposal: Proposal) -> float:
    return 0.8 if proposal.type.slug not in ("other", "program", "project") else 0.5


def _source(document: Document, start: int, end: int) -> dict[str, str]:
    text = document.text
    first = text.count("\n", 0, start) + 1
    last = text.count("\n", 0, max(start, end - 1)) + 1
    lines = str(first) if first == last else f"{first}-{last}"
    return {"document": source_name(document), "lines": lines, "quote": text[start:end].strip()}


def _summary(text: str, quote: tuple[int, int], document: Document) -> str:
    body = re.sub(r"\s+", " ", text[quote[0] : quote[1]]).strip().lstrip("#").strip()
    if len(body) > _SUMMARY_MAX:
        body = body[: _SUMMARY_MAX - 1].rsplit(" ", 1)[0] + "…"
    return f"{body} (drafted from {document.path.name})"


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {
        "text": text[start:end],
        "start": start,
        "end": end,
        "line": text.count("\n", 0, start) + 1,
    }


def _record_id(slug: str, names: list[str], date: str | None, taken: Collection[str]) -> str:
    words = [slug.replace("_", "-"), *names[:3], date or "undated"]
    base = re.sub(r"[^a-z0-9]+", "-", " ".join(words).lower()).strip("-")[:100]
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _digest(record: dict[str, Any]) -> str:
    ids = sorted(ref["id"] for ref in record["localities"])
    key = repr((record["type"], record["date"], ids, record["sources"][0]["lines"]))
    return hashlib.sha256(key.encode()).hexdigest()
