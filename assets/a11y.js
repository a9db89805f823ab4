// Dash 4's option lists and dropdowns carry ARIA that contradicts their own native controls
// (axe-core: nested-interactive, aria-allowed-role, aria-input-field-name, aria-hidden-focus),
// and no component property reaches those attributes. This keeps them right as React renders:
// - dcc.RadioItems and dcc.Checklist draw a "listbox" of "option" labels around native radio
//   buttons and checkboxes: it becomes a radiogroup or a group named by its <label for=...>, and
//   the labels plain labels of their inputs;
// - dcc.Dropdown puts in the tab order an aria-hidden input that forwards focus to the real
//   button: the input is made inert and the button takes its place, named by its label too.
(() => {
  const set = (el, name, value) => {
    if (value === null) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else if (el.getAttribute(name) !== value) {
      el.setAttribute(name, value);
    }
  };

  // The id of the <label for=id> of a control, given one if it has none.
  const labelId = (id) => {
    const label = id && document.querySelector(`label[for="${CSS.escape(id)}"]`);
    if (!label) return null;
    if (!label.id) label.id = `${id}-label`;
    return label.id;
  };

  // Dash's option lists by class, with the role their native inputs make them.
  const LISTS = { "dash-radioitems": "radiogroup", "dash-checklist": "group" };

  const repair = () => {
    for (const [list, role] of Object.entries(LISTS)) {
      for (const group of document.querySelectorAll(`.${list}[role=listbox]`)) {
        set(group, "role", role);
        const name = labelId(group.id);
        if (name) set(group, "aria-labelledby", name);
      }
      for (const option of document.querySelectorAll(`.${list} .dash-options-list-option`)) {
        set(option, "role", null);
        set(option, "aria-selected", null);
      }
    }
    for (const proxy of document.querySelectorAll(".dash-dropdown-focus-target:not([inert])")) {
      proxy.inert = true;
      const button = proxy.nextElementSibling;
      if (!button || !button.matches("button.dash-dropdown")) continue;
      set(button, "tabindex", "0");
      const name = labelId(button.id);
      const named = (button.getAttribute("aria-labelledby") || "").split(" ");
      if (name && !named.includes(name)) set(button, "aria-labelledby", [name, ...named].join(" "));
    }
  };

  new MutationObserver(repair).observe(document.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["role", "aria-selected"],
  });
  repair();
})();
