"""Measure how ingest reads the gazetteer's own places, each named in a plain sentence.

Run: ``.venv/bin/python benchmarks/self_read.py``. For the 300 most populous American and
Chinese cities, the 400 most populous cities elsewhere that the gazetteer has a Chinese name
for, and every American state and Chinese province, one English and one Chinese sentence name
the place as texts do ("A delegation from Valencia, Spain, signed the agreement.",
"巴西萨尔瓦多代表团签署了协议。"), and ``find_places`` reads them. Prints, per kind, how many
sentences read the place among their names, and the first misses.

The sentences are made from the gazetteer's names, so this shows how the reader treats names
the gazetteer knows (spans, suffixes, namesakes), not how often texts use them; a name several
places share (New York, Jilin, Suzhou) counts as a miss when the larger one is read.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from partnermap.geo.gazetteer import Place, load_gazetteer
from partnermap.ingest.places import find_places

#: Places named by their own characters, not abroad.
_AT_HOME = frozenset({"US", "CN", "TW", "HK", "MO"})


def sentences() -> list[tuple[str, str, str]]:
    """(kind, sentence, place id) for every place measured."""
    places = load_gazetteer().places
    countries = {p.id: p for p in places.values() if p.level == "country"}

    def largest(keep) -> list[Place]:
        return sorted((p for p in places.values() if keep(p)), key=lambda p: -p.population)

    found = []
    for p in largest(lambda p: p.country == "US" and p.level == "city")[:300]:
        found.append(("US city, en", f"A delegation from {p.name_en}, {p.admin1}, signed.", p.id))
        if p.name_zh:
            found.append(("US city, zh", f"美国{p.name_zh}代表团签署了协议。", p.id))
    for p in largest(lambda p: p.country == "CN" and p.level == "city")[:300]:
        found.append(("CN city, en", f"A delegation from {p.name_en}, China, signed.", p.id))
        found.append(("CN city, zh", f"{p.name_zh}代表团签署了协议。", p.id))
    abroad = largest(lambda p: p.country not in _AT_HOME and p.level == "city" and p.name_zh)
    for p in abroad[:400]:
        country = countries[p.country]
        found.append(
            ("city abroad, en", f"A delegation from {p.name_en}, {country.name_en}, signed.", p.id)
        )
        if country.name_zh:
            found.append(
                ("city abroad, zh", f"{country.name_zh}{p.name_zh}代表团签署了协议。", p.id)
            )
    for p in largest(lambda p: p.country == "US" and p.level == "state"):
        found.append(("US state, en", f"The State of {p.name_en} signed.", p.id))
        found.append(("US state, zh", f"美国{p.name_zh}签署了协议。", p.id))
    for p in largest(lambda p: p.id.startswith("cn:") and p.level == "province"):
        found.append(("CN province, en", f"{p.name_en} Province signed.", p.id))
        found.append(("CN province, zh", f"{p.name_zh}签署了协议。", p.id))
    return found


def main() -> None:
    """Print, per kind of place and language, the sentences read right, and the first misses."""
    counts: dict[str, Counter] = defaultdict(Counter)
    misses: dict[str, list[str]] = defaultdict(list)
    for kind, sentence, place_id in sentences():
        read = [m.place.id for m in find_places(sentence) if m.strength == "name"]
        counts[kind]["right" if place_id in read else "missed"] += 1
        if place_id not in read:
            misses[kind].append(sentence)
    for kind, count in counts.items():
        total = count["right"] + count["missed"]
        print(f"{kind}: {count['right']} of {total}")
        for sentence in misses[kind][:5]:
            print(f"  miss: {sentence}")


if __name__ == "__main__":
    main()
