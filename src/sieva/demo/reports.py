"""Signed reports in the demo: a kop for every instansi, and for each one last year's report
of its Pelatihan Layanan Prima written, checked and approved, its recommendations at every
status (diusulkan, diterima, dilaksanakan, dievaluasi ulang), plus this year's draft of Medan
whose follow-up section shows what became of them (issue 11)."""

import datetime as dt
import io

from django.contrib.auth import get_user_model
from PIL import Image, ImageDraw

from sieva.evaluation.engine import Scope
from sieva.org.access import user_access
from sieva.org.models import Employee, OrgUnit
from sieva.org.nip import format_nip
from sieva.programs.models import Program
from sieva.recommendations.models import NEXT_STATUS, RecommendationStatus, TrackedRecommendation
from sieva.recommendations.services import recommendation_advance, recommendation_assign
from sieva.reports.services import (
    letterhead_set,
    snapshot_approve,
    snapshot_create,
    snapshot_edit,
    snapshot_review,
)

PROGRAM = "Pelatihan Layanan Prima"
KOP = {
    "PEMKOT-MDN": (
        "PEMERINTAH KOTA MEDAN",
        "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        "Jl. Kapten Maulana Lubis No. 2, Medan 20112 · Telp. (061) 4512412",
        "medan",
        (0, 82, 147),
        "Kepala BKPSDM Kota Medan",
    ),
    "PEMKOT-PLG": (
        "PEMERINTAH KOTA PALEMBANG",
        "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        "Jl. Merdeka No. 1, Palembang 30131 · Telp. (0711) 311234",
        "palembang",
        (150, 20, 30),
        "Kepala BKPSDM Kota Palembang",
    ),
    "PEMPROV-DKI": (
        "PEMERINTAH PROVINSI DAERAH KHUSUS JAKARTA",
        "BADAN KEPEGAWAIAN DAERAH",
        "Jl. Medan Merdeka Selatan No. 8–9, Jakarta Pusat 10110 · Telp. (021) 3822255",
        "jakarta",
        (200, 120, 0),
        "Kepala BKD Provinsi DKI Jakarta",
    ),
}
NARRATIVE = {
    "ringkasan": (
        "Pelatihan ini dinilai dari data kehadiran, survei reaksi, pre-test dan post-test, "
        "evaluasi pasca pelatihan oleh atasan, IKM unit layanan dan realisasi anggaran."
    ),
    "hasil": (
        "Kenaikan skor tes terlihat di semua angkatan. Penerapan di tempat kerja dinilai "
        "atasan; tindak lanjut setelah pelatihan masih menjadi hambatan yang paling sering "
        "disebut."
    ),
    "kesimpulan": "Evaluator menyarankan program dilanjutkan dengan perbaikan tindak lanjut.",
}


def _logo(initial: str, colour: tuple[int, int, int]) -> bytes:
    """A plain shield with the city's initial: a stand-in for the real emblem."""
    image = Image.new("RGB", (120, 140), "white")
    draw = ImageDraw.Draw(image)
    draw.polygon([(10, 10), (110, 10), (110, 80), (60, 130), (10, 80)], fill=colour)
    draw.text((48, 45), initial, fill="white", font_size=40)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _person(unit: OrgUnit, offset: int = 0) -> dict[str, str]:
    employee = (
        Employee.objects.filter(unit__path__startswith=unit.path, asn_kind="PNS")
        .order_by("nip")[offset : offset + 1]
        .first()
    )
    if employee is None:
        return {"name": "Evaluator", "nip": ""}
    return {"name": employee.name, "nip": format_nip(employee.nip)}


def _advance_to(actor, access, record: TrackedRecommendation, status: str) -> None:  # type: ignore[no-untyped-def]
    while record.status != status and record.next_status is not None:
        record = recommendation_advance(
            actor=actor, access=access, record=record, to_status=NEXT_STATUS[record.status]
        )


def build_reports(*, today: dt.date) -> dict[str, int]:
    users = {u.username: u for u in get_user_model().objects.all()}
    national = users["admin.nasional"]
    made = approved = 0
    statuses = [s.value for s in RecommendationStatus]
    for code, (line1, line2, line3, city, colour, head_title) in KOP.items():
        agency = OrgUnit.objects.get(code=code)
        admin = users[f"admin.{city}"]
        letterhead_set(
            actor=admin,
            unit=agency,
            lines="\n".join((line1, line2, line3)),
            logo=_logo(city[0].upper(), colour),
            logo_type="image/png",
        )
        program = Program.objects.filter(owner=agency, name=PROGRAM).first()
        if program is None:
            continue
        maker = users["evaluator.medan"] if code == "PEMKOT-MDN" else admin
        checker = users["penyelenggara.medan"] if code == "PEMKOT-MDN" else national
        signer = users["pimpinan.medan"] if code == "PEMKOT-MDN" else admin
        year = today.year - 1
        snapshot = snapshot_create(
            actor=maker,
            access=user_access(maker),
            scope=Scope(
                program_id=program.pk, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31)
            ),
            query={"program": program.pk, "year": year},
        )
        snapshot = snapshot_edit(
            actor=maker,
            access=user_access(maker),
            snapshot=snapshot,
            number="",
            evaluators=[_person(agency), _person(agency, 1)],
            narratives=NARRATIVE,
        )
        snapshot = snapshot_review(actor=checker, access=user_access(checker), snapshot=snapshot)
        head = _person(agency, 2)
        snapshot = snapshot_approve(
            actor=signer,
            access=user_access(signer),
            snapshot=snapshot,
            approver={**head, "title": head_title},
        )
        made, approved = made + 1, approved + 1
        records = list(
            TrackedRecommendation.objects.filter(report_id=snapshot.pk).order_by("priority", "pk")
        )
        organiser = users["penyelenggara.medan"] if code == "PEMKOT-MDN" else admin
        for index, record in enumerate(records):
            recommendation_assign(
                actor=admin,
                access=user_access(admin),
                record=record,
                owner_unit=agency,
                owner_user=organiser,
                due_date=record.due_date,
            )
            _advance_to(admin, user_access(admin), record, statuses[index % len(statuses)])
        if code == "PEMKOT-MDN":  # this year's draft: its follow-up shows the statuses above
            snapshot_create(
                actor=maker,
                access=user_access(maker),
                scope=Scope(
                    program_id=program.pk,
                    start=dt.date(today.year, 1, 1),
                    end=dt.date(today.year, 12, 31),
                ),
                query={"program": program.pk, "year": today.year},
            )
            made += 1
    return {"reports": made, "approved_reports": approved}
