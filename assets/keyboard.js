// Keyboard paths the browser does not give on its own (issue 21):
// - Escape closes the open Export menu (a <details>) from anywhere inside it, and gives
//   the focus back to its summary, as it does for the dropdowns;
// - a place chosen in the data table with the keyboard moves the focus to the details panel,
//   where its agreements are listed (a pointer's click leaves the focus where it is).
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape" || event.defaultPrevented) return;
  const menu = event.target.closest && event.target.closest("details.export-menu[open]");
  if (!menu) return;
  menu.open = false;
  menu.querySelector("summary").focus();
});

document.addEventListener("click", (event) => {
  // A button pressed with Enter or Space clicks with detail 0; a pointer's click counts from 1.
  if (event.detail !== 0 || !event.target.closest("#data-table button[data-selection]")) return;
  const details = document.getElementById("details");
  if (details) details.focus();
});
