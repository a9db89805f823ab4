// Map labels at the map's real size: layers/placenames.py places them, busiest first, for a
// nominal box; here, after every draw, a label whose box meets one drawn before it (in the same
// busiest-first order) is hidden, so on any screen no two drawn labels overlap. After each pass
// the map says how many labels it weighed in data-labels-for, which the browser tests wait for.
(() => {
  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  function place(plot) {
    const kept = [];
    const labels = plot.querySelectorAll(".trace.scattergeo text");
    labels.forEach((label) => {
      label.style.visibility = "";
      const box = label.getBoundingClientRect();
      if (!box.width) return;
      if (kept.some((other) => overlaps(box, other))) {
        label.style.visibility = "hidden";
      } else {
        kept.push(box);
      }
    });
    plot.dataset.labelsFor = String(labels.length);
  }

  function watch(plot) {
    if (plot.dataset.labelsWatched) return;
    plot.dataset.labelsWatched = "1";
    plot.on("plotly_afterplot", () => place(plot));
    plot.on("plotly_relayout", () => place(plot));
    place(plot);
  }

  new MutationObserver(() => {
    const plot = document.querySelector("#map .js-plotly-plot");
    if (plot && plot.on) watch(plot);
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
