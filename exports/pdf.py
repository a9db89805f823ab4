"""The PDF briefing: the map page, then the page of every source, titled in its metadata."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter


def briefing_pdf(pages: list[bytes], title: str) -> bytes:
    """Join one-page PDFs into one document whose metadata title is ``title``.

    Parameters
    ----------
    pages
        The rendered pages, in order (each a whole PDF).
    title
        The export's title: what a PDF reader shows in its title bar and a library lists.
    """
    writer = PdfWriter()
    for page in pages:
        for sheet in PdfReader(io.BytesIO(page)).pages:
            writer.add_page(sheet)
    writer.add_metadata({"/Title": title, "/Creator": "partnermap"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
