// babel-polyfill 7, which Dash loads first for its regeneratorRuntime, replaces
// String.prototype.trim and parseInt with slower copies of its own, because today's browsers
// no longer count U+180E as white space. plotly.js calls both for the colour of every marker
// on every draw: about 13 ms of each filter change at 10,000 records (benchmarks/NOTES.md).
// This file runs twice: app.py puts it before the polyfill, where it keeps the browser's own
// functions, and Dash loads it again with the other assets, after the polyfill, where it puts
// them back.
(() => {
  const kept = window.__partnermapBuiltins;
  if (!kept) {
    window.__partnermapBuiltins = { trim: String.prototype.trim, parseInt: window.parseInt };
    return;
  }
  String.prototype.trim = kept.trim;
  window.parseInt = Number.parseInt = kept.parseInt;
})();
