"""Mappings a user confirmed, offered again for the next file from the same source.

A source is recognised by its header: the same column names (in any order) from the same
form give the same signature. Mappings are kept per scope (the uploader's organisation unit).
"""

import hashlib

from sieva.org.access import Access
from sieva.satisfaction.mapping import normalise
from sieva.satisfaction.models import SkmColumnMapping

__all__ = ["header_signature", "saved_mapping", "saved_mapping_store"]


def header_signature(header: list[str]) -> str:
    names = sorted(normalise(name) for name in header)
    return hashlib.sha256("\n".join(names).encode()).hexdigest()


def saved_mapping(access: Access, header: list[str]) -> dict[str, str]:
    """The columns confirmed last time for a file with this header in this scope, or {}."""
    found = SkmColumnMapping.objects.filter(
        owner_id=access.scope_id, signature=header_signature(header)
    ).first()
    return dict(found.columns) if found else {}


def saved_mapping_store(access: Access, header: list[str], columns: dict[str, str]) -> None:
    """Remember `columns` (header → target) for this source; called with the import's write."""
    SkmColumnMapping.objects.update_or_create(
        owner_id=access.scope_id,
        signature=header_signature(header),
        defaults={"columns": columns},
    )
