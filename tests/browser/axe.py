"""Run axe-core (vendored in tests/fixtures/axe) on a page of the dashboard.

The script is evaluated through Playwright, not added as a ``<script>``: the page's
Content-Security-Policy allows no inline script, and the app never loads axe itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_JS = Path(__file__).resolve().parent.parent / "fixtures" / "axe" / "axe.min.js"
#: Every rule axe runs by default, all WCAG levels and best practices, all impacts.
_RUN = """async () => {
  const result = await axe.run(document, { resultTypes: ['violations'] });
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary),
  }));
}"""


def violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations on ``page`` as it is now: rule id, impact, help and node targets."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    return page.evaluate(_RUN)


def by_rule(found: list[dict[str, Any]]) -> dict[str, int]:
    """Violating nodes per rule id, e.g. ``{"nested-interactive": 7}``."""
    return {v["id"]: len(v["nodes"]) for v in found}
