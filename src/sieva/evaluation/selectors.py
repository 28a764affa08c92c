"""Reads for the evaluation pages (participation first)."""

from typing import Any

from sieva.org.access import Access


def home_figures(access: Access) -> dict[str, Any]:
    """Key figures for the home page, scoped to the user's subtree."""
    return {}
