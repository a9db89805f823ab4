"""How firmly a record stands on its sources: stated, implied or listed (``vocabulary.EVIDENCE``)."""

from __future__ import annotations

from partnermap.data.schema import Record, Source

#: The confidence of a record that rests on a compiled list of pairs and no quote.
LISTED = "listed"
#: Suffixes of the tables ``import-table`` stores in ``sources/``: a row cited from one is a
#: listing, not a quote that states anything.
LISTING_SUFFIXES = (".csv", ".tsv")


def is_listing(source: Source) -> bool:
    """Return whether ``source`` cites a row of a compiled list rather than quoting a text."""
    return bool(source.document and source.document.lower().endswith(LISTING_SUFFIXES))


def evidence_level(record: Record) -> str:
    """Return the slug of the record's evidence level, a key of ``vocabulary.EVIDENCE``.

    Parameters
    ----------
    record
        A validated record.

    Returns
    -------
    str
        ``"listed"`` when the record rests on a listing only (``confidence: listed``);
        ``"implied"`` when it lists claims its quotes imply but do not state (``implied``,
        explained in ``date_note`` or ``note``); else ``"stated"``: ``partnermap audit`` has
        found its date, parties and type in its quotes.

    Examples
    --------
    >>> from partnermap.data.vocabulary import EVIDENCE
    >>> EVIDENCE["implied"].label("zh")
    '引文暗示（见注释）'
    """
    if record.confidence == LISTED:
        return "listed"
    return "implied" if record.implied else "stated"
