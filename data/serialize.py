"""Records as plain JSON-ready dicts: the shape of ``partnermap list --json``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from partnermap.data.schema import Locality, Record


def record_to_dict(record: Record, localities: Mapping[str, Locality]) -> dict[str, Any]:
    """Return ``record`` as a dict, each locality reference expanded with its table row.

    ``source`` is the record's first source; ``sources`` lists all of them.

    Examples
    --------
    >>> from partnermap.data.loader import load_corpus
    >>> corpus = load_corpus()
    >>> record_to_dict(corpus.records[0], corpus.localities)["localities"][0]["role"]
    'party'
    """
    data = record.model_dump(mode="json", exclude_none=False)
    data["localities"] = [
        {**localities[ref.id].model_dump(mode="json"), "role": ref.role}
        for ref in record.localities
    ]
    sources = [source.model_dump(mode="json", exclude_none=True) for source in record.sources]
    data["source"] = sources[0]
    data["sources"] = sources
    return data
