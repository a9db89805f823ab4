"""The place suggestions' address: ``/suggest?q=…`` with the page's own URL query answers JSON.

``assets/suggest.js`` asks it at each keystroke in the place search; the answer is
``page.suggestions.matching`` for the view of the query's filters, without its place filter.
"""

from __future__ import annotations

from urllib.parse import urlencode

from dash import Dash
from flask import Response, jsonify, request

from partnermap.callbacks.context import AppContext
from partnermap.page import suggestions

#: Characters of what is typed that are read: a place name is shorter.
MAX_TYPED = 100


def register(app: Dash, context: AppContext) -> None:
    """Register ``/suggest`` on ``app``'s server."""

    @app.server.route("/suggest")
    def suggest() -> Response:
        args = request.args.to_dict(flat=False)
        typed = args.pop("q", [""])[0][:MAX_TYPED]
        args.pop("place", None)  # suggest beyond the place searched
        state = context.state(urlencode(args, doseq=True))
        return jsonify(suggestions.matching(context.view(state.filters), typed, state.lang))
