"""Demo rencana tindak lanjut: for the first service units, one action on each of their two
weakest elements of the latest quarter, through the SKM app's service (decision 0059)."""

import datetime as dt

from sieva.org.models import OrgKind, OrgUnit
from sieva.satisfaction.publication import default_period, unit_results
from sieva.satisfaction.services.follow_ups import follow_up_create

ACTIONS = {
    "persyaratan": (
        "Memasang daftar persyaratan per layanan di loket dan situs",
        "Kepala Subbagian Tata Usaha",
    ),  # fmt: skip
    "prosedur": ("Menyederhanakan alur pendaftaran menjadi satu loket", "Kepala Unit"),
    "waktu": (
        "Menambah satu loket pada jam sibuk (08.00–10.00)",
        "Kepala Subbagian Tata Usaha",
    ),  # fmt: skip
    "biaya": ("Memasang papan tarif resmi dan nomor pengaduan pungutan", "Kepala Unit"),
    "produk": ("Memeriksa ulang hasil layanan sebelum diserahkan", "Koordinator Pelayanan"),
    "kompetensi": ("Pelatihan layanan prima bagi petugas loket", "Kepala Unit"),
    "perilaku": ("Pelatihan sikap melayani dan evaluasi bulanan petugas", "Kepala Unit"),
    "pengaduan": (
        "Menanggapi setiap pengaduan dalam 3 hari kerja",
        "Petugas Pengelola Pengaduan",
    ),  # fmt: skip
    "sarana": ("Menambah kursi ruang tunggu dan memperbaiki toilet", "Pengurus Barang"),
}


def build_skm_follow_ups(*, units: int = 5) -> dict[str, int]:
    """Actions for up to `units` service units with a shown score; returns the count."""
    made = 0
    for unit in OrgUnit.objects.filter(kind=OrgKind.SERVICE_UNIT).order_by("path")[: units * 4]:
        period = default_period(unit)
        results = unit_results(unit, period) if period else None
        if results is None or not results.shown:
            continue
        for rank, element in enumerate(results.weakest[:2]):
            action, owner = ACTIONS[element.code]
            follow_up_create(
                unit=unit,
                actor=None,
                period=results.period.key,
                element=element.code,
                action=action,
                owner=owner,
                deadline=results.period.last + dt.timedelta(days=90 + 30 * rank),
                status="berjalan" if rank == 0 else "rencana",
            )
            made += 1
        units -= 1
        if units == 0:
            break
    return {"skm_follow_ups": made}
