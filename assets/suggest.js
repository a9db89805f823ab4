// Place suggestions while typing (page/suggestions.py puts every place of the view in the list's
// data-places, as [label, value, keys]): show as buttons the ones whose names (English, Chinese, historical) start with what is typed, or are
// one or two letters off it; when none is, say so in words and name the nearest. Choosing one
// puts its name in the search box and searches for it.
(() => {
  const MAX_SHOWN = 8;
  const norm = (text) => text.replace(/[\s\-'’.]+/g, "").toLowerCase();

  function distance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const kept = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = kept;
      }
    }
    return row[b.length];
  }

  // How far a place is from the query: 0 for a prefix of one of its names, else the fewest
  // edits from the query to one of its names or to a name's start of the query's length.
  function nearness(keys, query) {
    let best = Infinity;
    for (const name of keys) {
      if (name.startsWith(query)) return 0;
      best = Math.min(best, distance(query, name), distance(query, name.slice(0, query.length)));
    }
    return best;
  }

  // The list's places, parsed once per list the server sends.
  let parsed = { text: null, places: [] };
  function places(list) {
    const text = list.dataset.places || "[]";
    if (parsed.text !== text) parsed = { text, places: JSON.parse(text) };
    return parsed.places;
  }

  function item([label, value]) {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "suggestion";
    button.dataset.value = value;
    button.textContent = label;
    li.appendChild(button);
    return li;
  }

  function update(input) {
    const list = document.getElementById("place-suggestions");
    const status = document.getElementById("place-suggestions-status");
    if (!list || !status) return;
    const query = norm(input.value);
    list.replaceChildren();
    status.textContent = "";
    if (!query) return;
    const allowed = query.length >= 7 ? 2 : query.length >= 4 ? 1 : 0;
    const scored = places(list).map((place) => [nearness(place[2].split(" "), query), place]);
    const shown = scored.filter(([d]) => d <= allowed).sort((a, b) => a[0] - b[0]).slice(0, MAX_SHOWN);
    list.replaceChildren(...shown.map(([, place]) => item(place)));
    if (shown.length) return;
    const [nearest] = scored.sort((a, b) => a[0] - b[0]);
    status.textContent = nearest && nearest[0] <= Math.max(2, query.length / 3)
      ? list.dataset.didYouMean.replace("{query}", input.value.trim()).replace("{name}", nearest[1][1])
      : list.dataset.noMatch.replace("{query}", input.value.trim());
  }

  document.addEventListener("input", (event) => {
    if (event.target.id === "place-search") update(event.target);
  });
  document.addEventListener("click", (event) => {
    const button = event.target.closest("#place-suggestions button.suggestion");
    if (!button || !window.dash_clientside) return;
    const input = document.getElementById("place-search");
    window.dash_clientside.set_props("place-search", { value: button.dataset.value });
    input.value = button.dataset.value;
    update(input);
    document.getElementById("place-suggestions").replaceChildren();
  });
})();
