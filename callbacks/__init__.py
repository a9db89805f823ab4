"""Dash callbacks, registered by topic; each one only wires inputs to pure functions."""
