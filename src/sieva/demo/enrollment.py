"""Who was invited to each cohort, who came, to which sessions, and why others did not.

Participation is planted per cohort from a profile (share of invitees who attend at least
one session), so the findings an evaluator should reach are true of the data:
- front-line staff (Puskesmas, loket, terminal) are absent about twice as often and mostly
  because of clashes with their service duties ("benturan_tugas");
- some programs run at ~95 % participation, others at ~60 % with many withdrawals;
- the self-paced e-learning is started by most invitees but finished by far fewer;
- in Jakarta the leadership course loses people who were not released by their superiors.
"""

import datetime as dt
import heapq
import random
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass

from sieva.demo.catalogue import Offering
from sieva.demo.people import Person
from sieva.demo.rollout import later_wave_units, waits_for_later_wave
from sieva.demo.schedule import PlannedCohort
from sieva.org.models import AsnKind, PositionKind, PositionLevel
from sieva.programs.models import (
    AbsenceReason,
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
)

R = AbsenceReason
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
S = EnrollmentStatus


@dataclass(frozen=True)
class Profile:
    rate: tuple[float, float]  # share of invitees attending at least one session
    partial: float  # share of attendees who miss some sessions
    withdrawn: float  # share of non-participants who formally withdrew


PROFILES = {
    "high": Profile((0.93, 0.98), 0.08, 0.5),
    "good": Profile((0.85, 0.91), 0.15, 0.55),
    "medium": Profile((0.73, 0.80), 0.25, 0.6),
    "low": Profile((0.55, 0.63), 0.35, 0.75),
    "elearning": Profile((0.80, 0.88), 0.0, 0.3),
}
REASON_WEIGHTS = {
    "default": {
        R.DUTY_CLASH: 38,
        R.NO_APPROVAL: 12,
        R.SICK: 10,
        R.LEAVE: 10,
        R.DISTANCE: 4,
        R.NOT_RELEVANT: 8,
        R.SCHEDULE: 11,
        R.OTHER: 7,
    },
    "clash": {
        R.DUTY_CLASH: 62,
        R.NO_APPROVAL: 10,
        R.SICK: 7,
        R.LEAVE: 6,
        R.DISTANCE: 2,
        R.NOT_RELEVANT: 4,
        R.SCHEDULE: 6,
        R.OTHER: 3,
    },
    "permission": {
        R.DUTY_CLASH: 28,
        R.NO_APPROVAL: 44,
        R.SICK: 6,
        R.LEAVE: 6,
        R.DISTANCE: 2,
        R.NOT_RELEVANT: 4,
        R.SCHEDULE: 6,
        R.OTHER: 4,
    },
}
FRONTLINE_ABSENCE = 2.2  # relative chance that a front-line invitee does not take part
FRONTLINE_CLASH = 1.8  # extra weight of duty clashes in a front-line person's reason
FRONTLINE_PARTIAL = 0.10  # front-line participants are called back to their unit more often
MISS_SESSION = 0.15  # chance that a partial participant misses a given session
MODULE_CONTINUE = 0.92  # chance that an e-learner goes on to the next module
# Organisers favour PNS, who must reach 20 JP, over PPPK, who may not exceed 24 JP.
PPPK_WEIGHT = 0.35
PASS_JP_SHARE = 0.8  # attendance a participant needs to pass (kehadiran minimal 80 %)
FAIL_RATE = 0.03  # attended enough but failed the final evaluation

DUTY_NOTES = {
    "puskesmas": (
        "Bertepatan dengan jadwal Posyandu",
        "Jadwal piket pelayanan rawat jalan",
        "Kegiatan imunisasi di wilayah kerja",
        "Kekurangan tenaga di poli",
    ),
    "terminal": ("Pengaturan arus angkutan libur panjang", "Jadwal piket terminal"),
    "pkb": ("Antrean uji berkala kendaraan tinggi", "Jadwal piket pengujian"),
    "loket": ("Antrean perekaman KTP-el tinggi", "Jadwal piket loket", "Pelayanan jemput bola"),
    "mpp": ("Jadwal piket gerai pelayanan", "Antrean layanan perizinan tinggi"),
    "kelurahan": ("Pendataan penerima bantuan sosial", "Jadwal piket pelayanan kelurahan"),
}
OFFICE_DUTY_NOTES = (
    "Penyusunan laporan keuangan akhir tahun",
    "Pendampingan pemeriksaan BPK",
    "Penyusunan rencana kerja dan anggaran",
    "Ditugaskan mendampingi pimpinan",
    "Tenggat laporan kinerja instansi",
)
NOTES = {
    R.NO_APPROVAL: (
        "Atasan tidak memberi izin karena kekurangan personel",
        "Tidak ada pegawai pengganti selama pelatihan",
        "Diminta menunda ke angkatan berikutnya",
    ),
    R.SICK: ("Sakit dengan surat keterangan dokter", "Rawat inap"),
    R.LEAVE: ("Cuti melahirkan", "Cuti tahunan yang sudah direncanakan", "Cuti alasan penting"),
    R.DISTANCE: ("Lokasi pelatihan jauh dari tempat tugas", "Tidak ada biaya transport"),
    R.NOT_RELEVANT: ("Materi sudah pernah diikuti", "Materi tidak sesuai dengan jabatan"),
    R.SCHEDULE: ("Jadwal bentrok dengan ujian dinas", "Undangan diterima terlambat"),
    R.OTHER: ("Urusan keluarga",),
}


@dataclass
class Outcome:
    """What budget.py needs to know about one cohort's delivery."""

    invited: int = 0
    attendees: int = 0
    attended_jp: int = 0
    sessions_done: float = 0.0  # share of the cohort's JP already delivered


def _weight(person: Person, audience: str, cohort_start: dt.date) -> float:
    base = _audience_weight(person, audience, cohort_start)
    if person.obj.asn_kind == AsnKind.PPPK and audience != "new":
        return base * PPPK_WEIGHT
    return base


def _audience_weight(person: Person, audience: str, cohort_start: dt.date) -> float:
    obj = person.obj
    kind, level = obj.position_kind, obj.position_level
    if kind in (PositionKind.JPT_MADYA, PositionKind.JPT_PRATAMA, PositionKind.JPT_UTAMA):
        return 0.0
    if audience == "leaders":
        if kind == PositionKind.PENGAWAS:
            return 3.0
        if kind == PositionKind.ADMINISTRATOR:
            return 2.0
        return 1.0 if level in (PositionLevel.AHLI_MUDA, PositionLevel.AHLI_MADYA) else 0.0
    if audience == "frontline":
        if person.frontline:
            return 2.0 if person.managerial else 4.0
        return 0.0 if person.managerial else 0.5
    if audience == "staff":
        return 0.0 if person.managerial else 1.0
    if audience == "new":
        recent = dt.timedelta(days=3 * 365) > cohort_start - person.start > dt.timedelta(0)
        return 1.0 if recent and not person.managerial else 0.0
    return 1.0


def _weighted_order(rng: random.Random, items: list[tuple[Person, float]]) -> list[Person]:
    """Weighted random order without replacement (Efraimidis-Spirakis keys)."""
    keyed = [(rng.random() ** (1.0 / w), i) for i, (_, w) in enumerate(items) if w > 0]
    keyed.sort(reverse=True)
    return [items[i][0] for _, i in keyed]


def _reason(rng: random.Random, person: Person, weights: dict[str, int]) -> tuple[str, str]:
    reasons = list(weights)
    boosted = [
        weights[r] * (FRONTLINE_CLASH if person.frontline and r == R.DUTY_CLASH else 1)
        for r in reasons
    ]
    reason = rng.choices(reasons, weights=boosted)[0]
    if rng.random() < 0.3:
        return reason, ""
    if reason == R.DUTY_CLASH:
        return reason, rng.choice(DUTY_NOTES.get(person.staff, OFFICE_DUTY_NOTES))
    return reason, rng.choice(NOTES[reason])


class Enroller:
    def __init__(self, rng: random.Random, people: list[Person], today: dt.date) -> None:
        self.rng = rng
        self.today = today
        self.by_agency: dict[str, list[Person]] = {}
        for person in people:
            self.by_agency.setdefault(person.agency, []).append(person)
        self._queues: dict[tuple[str, str], Iterator[Person]] = {}
        self._taken: dict[tuple[str, str], set[int]] = {}
        # Per enrollment: indexes of the sessions attended.
        self.attended: list[tuple[Enrollment, PlannedCohort, list[int]]] = []
        self.outcomes: dict[int, Outcome] = {}
        self.later_wave = later_wave_units(people)

    def _pool(
        self, offering: Offering, audience: str, start: dt.date
    ) -> list[tuple[Person, float]]:
        return [
            (p, 0.0 if self._waits(p, offering) else _weight(p, audience, start))
            for p in self.by_agency[offering.agency]
        ]

    def _waits(self, person: Person, offering: Offering) -> bool:
        # Staged front-line programs skip the later-wave units (rollout.py).
        return waits_for_later_wave(person, offering.program, self.later_wave)

    def _invitees(
        self, offering: Offering, audience: str, item: PlannedCohort, count: int
    ) -> list[Person]:
        start = item.cohort.start_date
        key = (offering.agency, offering.program)
        if audience == "new":
            # Eligibility depends on the cohort's date, so the order is drawn per cohort.
            taken = self._taken.setdefault(key, set())
            order = _weighted_order(self.rng, self._pool(offering, audience, start))
            fresh = [p for p in order if id(p) not in taken][:count]
            taken.update(id(p) for p in fresh)
            return fresh
        chosen: list[Person] = []
        seen: set[int] = set()
        for _ in range(2):  # a second pass re-invites people once the pool is used up
            queue = self._queues.get(key)
            if queue is None:
                order = _weighted_order(self.rng, self._pool(offering, audience, start))
                queue = self._queues[key] = iter(order)
            for person in queue:
                if id(person) not in seen:
                    chosen.append(person)
                    seen.add(id(person))
                if len(chosen) >= count:
                    return chosen
            self._queues.pop(key)
        return chosen

    def enroll(self, item: PlannedCohort) -> list[Enrollment]:
        rng, cohort, spec = self.rng, item.cohort, item.spec
        status = cohort.status
        outcome = self.outcomes.setdefault(id(item), Outcome())
        if status == CohortStatus.PLANNED:
            return []
        spread = max(1, cohort.capacity // 15)
        count = cohort.capacity + rng.randint(-spread, spread)
        invitees = self._invitees(item.offering, spec.audience, item, count)
        outcome.invited = len(invitees)
        weights = REASON_WEIGHTS[item.offering.reasons]
        rows = []
        if status == CohortStatus.OPEN:
            for person in invitees:
                roll = rng.random()
                state = S.INVITED if roll < 0.4 else S.REGISTERED if roll < 0.93 else S.WITHDRAWN
                reason, note = _reason(rng, person, weights) if state == S.WITHDRAWN else ("", "")
                rows.append(
                    Enrollment(
                        cohort=cohort,
                        employee=person.obj,
                        status=state,
                        absence_reason=reason,
                        absence_note=note,
                    )
                )
            return rows
        profile = PROFILES[item.profile]
        absent_count = len(invitees) - round(len(invitees) * rng.uniform(*profile.rate))
        absent_keys = [
            (rng.random() ** (1.0 / (FRONTLINE_ABSENCE if p.frontline else 1.0)), i)
            for i, p in enumerate(invitees)
        ]
        absent = {i for _, i in heapq.nlargest(absent_count, absent_keys)}
        held = [i for i, s in enumerate(item.sessions) if s.date < self.today]
        total_jp = sum(int(s.jp) for s in item.sessions)
        outcome.sessions_done = sum(int(item.sessions[i].jp) for i in held) / total_jp
        for i, person in enumerate(invitees):
            if i in absent:
                rows.append(self._absent(person, cohort, profile, weights))
                continue
            sessions = self._sessions(person, item, profile, held)
            jp = sum(int(item.sessions[k].jp) for k in sessions)
            if status == CohortStatus.RUNNING:
                state = S.ATTENDING if sessions else S.REGISTERED
            elif jp >= PASS_JP_SHARE * total_jp and rng.random() >= FAIL_RATE:
                state = S.PASSED
            else:
                state = S.FAILED
            enrollment = Enrollment(cohort=cohort, employee=person.obj, status=state)
            rows.append(enrollment)
            if sessions:
                self.attended.append((enrollment, item, sessions))
                outcome.attendees += 1
                outcome.attended_jp += jp
        return rows

    def _absent(
        self, person: Person, cohort: Cohort, profile: Profile, weights: dict[str, int]
    ) -> Enrollment:
        rng = self.rng
        if rng.random() < profile.withdrawn:
            state, ask = S.WITHDRAWN, 1.0
        elif rng.random() < 0.45:
            state, ask = S.INVITED, 0.5
        else:
            state, ask = S.REGISTERED, 0.8
        reason, note = _reason(rng, person, weights) if rng.random() < ask else ("", "")
        return Enrollment(
            cohort=cohort,
            employee=person.obj,
            status=state,
            absence_reason=reason,
            absence_note=note,
        )

    def _sessions(
        self, person: Person, item: PlannedCohort, profile: Profile, held: list[int]
    ) -> list[int]:
        rng = self.rng
        if not held:
            return []
        if item.spec.key == "ELEARNING-LITERASI-DIGITAL":
            # Modules are taken in order; a learner who stops does not come back.
            done = [held[0]]
            for k in held[1:]:
                if rng.random() >= MODULE_CONTINUE:
                    break
                done.append(k)
            return done
        partial = profile.partial + (FRONTLINE_PARTIAL if person.frontline else 0.0)
        if rng.random() >= partial:
            return list(held)
        sessions = [k for k in held if rng.random() >= MISS_SESSION]
        return sessions or [rng.choice(held)]

    def attendance_rows(self, chunk: int) -> Iterator[list[tuple[int, int, dt.datetime]]]:
        """(session id, enrollment id, recorded at) in chunks, once enrollments have keys.

        Presence is recorded when the session ends (a module: the evening it opens), in WIB.
        """
        recorded = {}
        rows: list[tuple[int, int, dt.datetime]] = []
        for enrollment, item, sessions in self.attended:
            for k in sessions:
                session = item.sessions[k]
                if session.pk not in recorded:
                    recorded[session.pk] = dt.datetime.combine(
                        session.date, session.end_time or dt.time(20, 0), tzinfo=WIB
                    )
                rows.append((session.pk, enrollment.pk, recorded[session.pk]))
            if len(rows) >= chunk:
                yield rows
                rows = []
        if rows:
            yield rows
