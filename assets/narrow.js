// On a phone the timeline's legend would take most of its width: it folds away there (each
// bar's hover still names its sector or type and the counting rule), so the bars and the years
// under them keep the width. The timeline marks the check done with data-legend-folded.
(() => {
  const NARROW = 600;

  function fold(plot) {
    const narrow = plot.offsetWidth < NARROW;
    plot.dataset.legendFolded = String(narrow);
    if ((plot.layout.showlegend !== false) === narrow) {
      window.Plotly.relayout(plot, { showlegend: !narrow });
    }
  }

  new MutationObserver(() => {
    const plot = document.querySelector("#timeline .js-plotly-plot");
    if (!plot || !plot.on || plot.dataset.legendWatched) return;
    plot.dataset.legendWatched = "1";
    plot.on("plotly_afterplot", () => fold(plot));
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
