// The data table's buttons: one listener for all of them. A place button selects its place
// (data-selection), a column header sets the next sort (data-sort); the values are written by
// layers/table.py, so this only copies them into the stores the callbacks listen to
// (callbacks/ids.py: SELECTION and TABLE_SORT).
document.addEventListener("click", (event) => {
  const button = event.target.closest("#data-table button[data-selection], #data-table button[data-sort]");
  if (!button || !window.dash_clientside) return;
  if (button.dataset.selection) {
    window.dash_clientside.set_props("selection", { data: JSON.parse(button.dataset.selection) });
  } else {
    window.dash_clientside.set_props("table-sort", { data: JSON.parse(button.dataset.sort) });
  }
});
