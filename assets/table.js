// The data table: drawn here from the JSON the server puts in the box's data-places
// (page/table.py), as text, never as markup; one listener serves all its buttons. A place
// button selects its place (data-selection), a column header sets the next sort (data-sort);
// this only copies them into the stores the callbacks listen to (page/ids.py: SELECTION and
// TABLE_SORT). A new table keeps the keyboard focus on the same header or place.
(() => {
  function element(tag, text, attributes = {}) {
    const made = document.createElement(tag);
    if (text !== "") made.textContent = text;
    for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
    return made;
  }

  function header(column) {
    const th = element("th", "", { scope: "col", "aria-sort": column.aria_sort });
    if (column.numeric) th.className = "num";
    const button = element("button", column.label, {
      class: "sort",
      "data-column": column.key,
      "data-sort": JSON.stringify(column.sort),
    });
    button.appendChild(element("span", column.arrow, { "aria-hidden": "true" }));
    th.appendChild(button);
    return th;
  }

  function row(place, table) {
    const tr = element("tr", "");
    const th = element("th", "", { scope: "row" });
    th.appendChild(
      element("button", place.name, {
        class: "link",
        title: table.hint,
        "data-selection": JSON.stringify(place.selection),
      }),
    );
    const level = element("td", place.level);
    if (place.national) {
      level.append(" ", element("span", table.badge, { class: "badge" }));
    }
    tr.append(
      th,
      element("td", place.other_name, { lang: table.other_lang }),
      element("td", place.country),
      level,
      element("td", String(place.count), { class: "num" }),
      element("td", String(place.partners), { class: "num" }),
      element("td", String(place.listed), { class: "num" }),
    );
    return tr;
  }

  // What the focus was on inside the box, as a selector for the same button in a new table.
  function focused(box) {
    const button = document.activeElement;
    if (!button || !box.contains(button)) return null;
    if (button.dataset.column) return `button[data-column="${CSS.escape(button.dataset.column)}"]`;
    if (button.dataset.selection) {
      return `button[data-selection="${CSS.escape(button.dataset.selection)}"]`;
    }
    return null;
  }

  function draw(box) {
    const text = box.dataset.places;
    if (!text) return;
    const table = JSON.parse(text);
    const keep = focused(box);
    const drawn = element("table", "", { class: "places-table" });
    const head = element("tr", "");
    head.append(...table.columns.map(header));
    const body = element("tbody", "");
    body.append(...table.rows.map((place) => row(place, table)));
    drawn.append(element("caption", table.caption), element("thead", ""), body);
    drawn.tHead.appendChild(head);
    box.replaceChildren(drawn);
    const again = keep && box.querySelector(keep);
    if (again) again.focus();
  }

  new MutationObserver((changes) => {
    for (const change of changes) draw(change.target);
  }).observe(document.documentElement, {
    subtree: true,
    attributes: true,
    attributeFilter: ["data-places"],
  });

  document.addEventListener("click", (event) => {
    const button = event.target.closest(
      "#data-table button[data-selection], #data-table button[data-sort]",
    );
    if (!button || !window.dash_clientside) return;
    if (button.dataset.selection) {
      window.dash_clientside.set_props("selection", { data: JSON.parse(button.dataset.selection) });
    } else {
      window.dash_clientside.set_props("table-sort", { data: JSON.parse(button.dataset.sort) });
    }
  });
})();
