"""Measure how the places of the curated partnerships are read when a text writes them bare.

Run: ``.venv/bin/python benchmarks/known_pairs.py``. For each pair of places that a curated
sister or friendship record joins (``partnermap.ingest.known_pairs.known_partners``), two
sentences name both by their bare names, "Jiangyin and Alameda became sister cities in 1990."
and "江阴市与阿拉米达于1990年结为友好城市。" (where the gazetteer has both Chinese names), and
``find_places`` reads them. Prints how many sentences read both places right, and each miss.

The pairs are the ones the rule it measures looks up, so this shows what a text naming a known
pair gets, not how often texts do; the labelled texts of ``benchmarks/ingest.py`` show that.
"""

from __future__ import annotations

from partnermap.geo.gazetteer import load_gazetteer
from partnermap.ingest.known_pairs import known_partners
from partnermap.ingest.places import find_places


def sentences() -> list[tuple[str, str, str, str]]:
    """(language, sentence, place id, partner id) for every known pair."""
    places = load_gazetteer().places
    found = []
    for one, partners in sorted(known_partners().items()):
        for other in sorted(partners):
            if one > other or one not in places or other not in places:
                continue
            a, b = places[one], places[other]
            found.append(
                ("en", f"{a.name_en} and {b.name_en} became sister cities in 1990.", one, other)
            )
            if a.name_zh and b.name_zh:
                found.append(("zh", f"{a.name_zh}与{b.name_zh}于1990年结为友好城市。", one, other))
    return found


def main() -> None:
    """Print the share of sentences whose two places are both read right, and the misses."""
    totals: dict[str, list[int]] = {"en": [0, 0], "zh": [0, 0]}
    for lang, sentence, one, other in sentences():
        read = {m.place.id for m in find_places(sentence)}
        totals[lang][0] += 1
        if {one, other} <= read:
            totals[lang][1] += 1
        else:
            print(f"  miss ({lang}): {sentence}")
    for lang, (count, right) in totals.items():
        print(f"{lang}: {right} of {count} sentences read both places right")


if __name__ == "__main__":
    main()
