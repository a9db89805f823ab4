"""Browser tests of the dashboard (a package, so its modules can share helpers)."""
