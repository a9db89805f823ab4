"""Curated partnership records: their files, schema, vocabulary and loader."""
