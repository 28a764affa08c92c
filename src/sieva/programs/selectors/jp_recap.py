"""The JP recap a personnel system takes: one row per employee per year, in fixed upper-case
columns like the employee import's (docs/exchange.md).

JP, the period and the rule come from `jp_compliance`, so the recap says exactly what the
20 JP report says: PNS over the calendar year against the minimum, PPPK over the contract year
beginning in that year against the cap.
"""

from collections.abc import Iterator
from typing import Any

from django.conf import settings

from sieva.org.models import OrgUnit
from sieva.programs.selectors.jp import EmployeeJp

RECAP_HEADERS = (
    "NIP",
    "NAMA",
    "JENIS_ASN",
    "KODE_UNIT",
    "TAHUN",
    "TANGGAL_AWAL",
    "TANGGAL_AKHIR",
    "JUMLAH_JP",
    "KETENTUAN_JP",
    "MEMENUHI_KETENTUAN",
)


def jp_recap_rows(records: list[EmployeeJp], year: int) -> Iterator[list[Any]]:
    """One row per record in `RECAP_HEADERS` order; KETENTUAN_JP reads "min 20" or "maks 24"."""
    codes = dict(
        OrgUnit.objects.filter(pk__in={r.unit_id for r in records}).values_list("pk", "code")
    )
    minimum = settings.SIEVA_PNS_MIN_JP_PER_YEAR
    cap = settings.SIEVA_PPPK_MAX_JP_PER_CONTRACT_YEAR
    for record in records:
        rule = f"min {minimum}" if record.is_pns else f"maks {cap}"
        met = record.meets_minimum if record.is_pns else not record.exceeds_cap
        yield [
            record.nip,
            record.name,
            record.asn_kind,
            codes.get(record.unit_id, ""),
            year,
            record.period_start,
            record.period_last_day,
            record.jp,
            rule,
            "YA" if met else "TIDAK",
        ]
