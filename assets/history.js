// The controls follow the URL only when the page opens at it (callbacks/urlsync.py), so the
// back and forward buttons open the page again at the address they go to.
window.addEventListener("popstate", () => window.location.reload());
