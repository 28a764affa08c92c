"""Writes of the API app: tokens, activity mappings and learning records (keyword-only,
atomic, audited)."""
