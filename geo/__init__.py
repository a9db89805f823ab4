"""Gazetteer, geocoding and geometry for partner localities."""
