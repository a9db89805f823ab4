// Place suggestions while typing: at each keystroke in the place search, ask the server
// (/suggest, page/suggestions.py) which places of the view match what is typed, with the
// page's own URL query (its filters and language), and show them as buttons; when none
// matches, show the words the server says. Choosing one puts its name in the search box and
// searches for it. An answer to an older keystroke is dropped; until the answer to the
// latest one arrives the list is marked busy, and `data-answers` always names the text the
// shown suggestions answer.
(() => {
  let asked = null;

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

  function show(answer, typed) {
    const list = document.getElementById("place-suggestions");
    const status = document.getElementById("place-suggestions-status");
    if (!list || !status) return;
    list.replaceChildren(...answer.items.map(item));
    list.dataset.answers = typed;
    list.removeAttribute("aria-busy");
    status.textContent = answer.status;
  }

  function wait() {
    const list = document.getElementById("place-suggestions");
    if (list) list.setAttribute("aria-busy", "true");
  }

  async function update(input) {
    if (asked) asked.abort();
    const typed = input.value;
    if (!typed.trim()) {
      asked = null;
      show({ items: [], status: "" }, typed);
      return;
    }
    wait();
    const controller = (asked = new AbortController());
    const query = new URLSearchParams(location.search);
    query.set("q", typed);
    try {
      const response = await fetch(`suggest?${query}`, { signal: controller.signal });
      if (response.ok && controller === asked) show(await response.json(), typed);
    } catch (error) {
      if (error.name !== "AbortError") throw error;
    }
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
    if (asked) asked.abort();
    asked = null;
    show({ items: [], status: "" }, "");
  });
})();
