"""How much one import may read: settings with defaults that hold for the whole product.

Decision 0018 explains each number. Without Django settings (`sieva analyze`) the defaults
apply.
"""

from dataclasses import dataclass, replace

from django.conf import settings


@dataclass(frozen=True)
class Limits:
    """`max_rows` counts data rows (the header is not one); `max_cells` bounds the rows ×
    columns a worksheet spans, which is what a spreadsheet library holds in memory."""

    max_bytes: int = 100_000_000
    max_rows: int = 1_000_000
    max_columns: int = 1_000
    max_cells: int = 10_000_000
    max_unzipped_bytes: int = 1_000_000_000

    @classmethod
    def from_settings(cls) -> "Limits":
        if not settings.configured:
            return cls()
        default = cls()
        return cls(
            max_bytes=getattr(settings, "SIEVA_IMPORT_MAX_BYTES", default.max_bytes),
            max_rows=getattr(settings, "SIEVA_IMPORT_MAX_ROWS", default.max_rows),
            max_columns=getattr(settings, "SIEVA_IMPORT_MAX_COLUMNS", default.max_columns),
            max_cells=getattr(settings, "SIEVA_IMPORT_MAX_CELLS", default.max_cells),
            max_unzipped_bytes=getattr(
                settings, "SIEVA_IMPORT_MAX_UNZIPPED_BYTES", default.max_unzipped_bytes
            ),
        )

    def for_import(self, name: str) -> "Limits":
        """These limits narrowed for importer `name` by `settings.SIEVA_IMPORT_LIMITS[name]`
        (e.g. {"max_rows": 200_000, "max_bytes": 20_000_000}): a list of employees is never
        a million rows, and refusing at once beats reading it for half a minute."""
        narrower = (
            getattr(settings, "SIEVA_IMPORT_LIMITS", {}).get(name, {})
            if settings.configured
            else {}
        )
        return replace(self, **{k: min(v, getattr(self, k)) for k, v in narrower.items()})


def import_limits(name: str) -> Limits:
    """The limits of importer `name` (see `Limits.for_import`)."""
    return Limits.from_settings().for_import(name)
