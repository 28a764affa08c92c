"""Development programs, their curriculum, cohorts (angkatan), enrollment, attendance, budget."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.org.models import Employee, OrgUnit


class ProgramKind(models.TextChoices):
    """Jenis program (PP 11/2017 Pasal 210-212 and common practice)."""

    TRAINING = "pelatihan", _("Pelatihan")
    WORKSHOP = "workshop", _("Workshop")
    SEMINAR = "seminar", _("Seminar")
    COURSE = "kursus", _("Kursus")
    MENTORING = "mentoring", _("Mentoring / coaching")
    INTERNSHIP = "magang", _("Magang")
    ELEARNING = "e_learning", _("E-learning")
    PROJECT = "berbasis_proyek", _("Pembelajaran berbasis proyek")
    # Learning done elsewhere, reported by the employee and approved by the office: held as
    # attendance of one program per instansi so every JP figure counts it (decision 0037).
    EXTERNAL = "pembelajaran_luar", _("Pembelajaran di luar program (dilaporkan pegawai)")


class DeliveryMode(models.TextChoices):
    CLASSROOM = "klasikal", _("Klasikal (tatap muka)")
    ONLINE = "daring", _("Nonklasikal / daring")
    BLENDED = "blended", _("Blended")
    SELF_PACED = "mandiri", _("Mandiri (modul daring kapan saja)")


class Program(models.Model):
    name = models.CharField(_("nama program"), max_length=200)
    code = models.CharField(_("kode"), max_length=40, unique=True)
    kind = models.CharField(_("jenis"), max_length=20, choices=ProgramKind.choices)
    mode = models.CharField(_("moda"), max_length=10, choices=DeliveryMode.choices)
    objectives = models.TextField(_("tujuan"), blank=True)
    target_competencies = models.TextField(_("kompetensi sasaran"), blank=True)
    target_group = models.CharField(_("sasaran peserta"), max_length=300, blank=True)
    organiser = models.CharField(_("penyelenggara"), max_length=200, blank=True)
    owner = models.ForeignKey(
        OrgUnit,
        verbose_name=_("instansi pemilik"),
        on_delete=models.PROTECT,
        related_name="programs",
    )
    participation_target = models.PositiveSmallIntegerField(
        _("target partisipasi (%)"),
        default=80,
        help_text=_("Persentase peserta diundang yang diharapkan hadir."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)  # for the API's incremental sync

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("program")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Subject(models.Model):
    """A mata pelatihan of the curriculum with its JP (jam pelajaran)."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="subjects")
    name = models.CharField(_("mata pelatihan"), max_length=200)
    jp = models.DecimalField(
        _("JP"), max_digits=5, decimal_places=1, validators=[MinValueValidator(Decimal("0.5"))]
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("mata pelatihan")
        verbose_name_plural = _("kurikulum")
        ordering = ["program", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.jp} JP)"


class CohortStatus(models.TextChoices):
    PLANNED = "direncanakan", _("Direncanakan")
    OPEN = "pendaftaran", _("Pendaftaran dibuka")
    RUNNING = "berjalan", _("Berjalan")
    FINISHED = "selesai", _("Selesai")
    CANCELLED = "dibatalkan", _("Dibatalkan")


class Cohort(models.Model):
    """An angkatan: one run of a program with its own dates, place and participants."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="cohorts")
    name = models.CharField(_("nama angkatan"), max_length=120)
    start_date = models.DateField(_("tanggal mulai"))
    end_date = models.DateField(_("tanggal selesai"))
    location = models.CharField(_("tempat"), max_length=200, blank=True)
    is_online = models.BooleanField(_("daring"), default=False)
    capacity = models.PositiveIntegerField(_("kapasitas"), default=30)
    status = models.CharField(
        _("status"), max_length=20, choices=CohortStatus.choices, default=CohortStatus.PLANNED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("angkatan")
        verbose_name_plural = _("angkatan")
        ordering = ["-start_date", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="cohort_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.program.name} - {self.name}"


class FacilitatorRole(models.TextChoices):
    """Who leads a session (evaluated by participants, rates participants' attitude)."""

    WIDYAISWARA = "widyaiswara", _("Widyaiswara")
    RESOURCE_PERSON = "narasumber", _("Narasumber")
    COACH = "coach", _("Coach / fasilitator")


class Session(models.Model):
    """A scheduled session (or, for self-paced programs, a module) that earns JP when attended.

    `facilitator` is an employee on record (who can then rate participants from their own
    workspace); `facilitator_name` names an outside resource person who has no record here.
    """

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    subject = models.ForeignKey(
        Subject, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    title = models.CharField(_("judul sesi"), max_length=200)
    date = models.DateField(_("tanggal"))
    start_time = models.TimeField(_("jam mulai"), null=True, blank=True)
    end_time = models.TimeField(_("jam selesai"), null=True, blank=True)
    jp = models.DecimalField(
        _("JP"), max_digits=5, decimal_places=1, validators=[MinValueValidator(Decimal("0.5"))]
    )
    updated_at = models.DateTimeField(auto_now=True)
    facilitator = models.ForeignKey(
        Employee,
        verbose_name=_("fasilitator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facilitated_sessions",
    )
    facilitator_name = models.CharField(_("nama narasumber luar"), max_length=200, blank=True)
    facilitator_role = models.CharField(
        _("peran fasilitator"), max_length=12, choices=FacilitatorRole.choices, blank=True
    )

    class Meta:
        verbose_name = _("sesi")
        verbose_name_plural = _("sesi")
        ordering = ["cohort", "date", "start_time", "pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d-%m-%Y})"


class EnrollmentStatus(models.TextChoices):
    INVITED = "diundang", _("Diundang")
    REGISTERED = "terdaftar", _("Terdaftar")
    ATTENDING = "hadir", _("Hadir")
    PASSED = "lulus", _("Selesai / lulus")
    FAILED = "tidak_lulus", _("Tidak lulus")
    WITHDRAWN = "mengundurkan_diri", _("Mengundurkan diri")


class AbsenceReason(models.TextChoices):
    """Why an invited employee did not take part (feeds the findings about participation)."""

    DUTY_CLASH = "benturan_tugas", _("Benturan dengan tugas utama")
    NO_APPROVAL = "tidak_diizinkan", _("Tidak mendapat izin atasan")
    SICK = "sakit", _("Sakit")
    LEAVE = "cuti", _("Cuti")
    DISTANCE = "jarak_biaya", _("Jarak atau biaya perjalanan")
    NOT_RELEVANT = "tidak_relevan", _("Materi tidak relevan dengan tugas")
    SCHEDULE = "jadwal", _("Jadwal tidak sesuai")
    OTHER = "lainnya", _("Lainnya")


class Enrollment(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="enrollments")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="enrollments")
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EnrollmentStatus.choices,
        default=EnrollmentStatus.INVITED,
    )
    absence_reason = models.CharField(
        _("alasan tidak mengikuti"), max_length=20, choices=AbsenceReason.choices, blank=True
    )
    absence_note = models.CharField(_("keterangan"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("peserta angkatan")
        verbose_name_plural = _("peserta angkatan")
        ordering = ["cohort", "employee__name"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "employee"], name="one_enrollment_per_cohort")
        ]

    def __str__(self) -> str:
        return f"{self.employee} @ {self.cohort}"


class Attendance(models.Model):
    """One employee present at one session; absence is the lack of a row."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendances")
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="attendances")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kehadiran")
        verbose_name_plural = _("kehadiran")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrollment"], name="one_attendance_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrollment_id} @ {self.session_id}"


class CostCategory(models.TextChoices):
    """Fully loaded cost categories (Phillips ROI includes participants' time)."""

    NEEDS_ANALYSIS = "analisis_kebutuhan", _("Analisis kebutuhan")
    DESIGN = "desain", _("Desain dan pengembangan")
    DELIVERY = "penyelenggaraan", _("Penyelenggaraan")
    VENUE = "tempat", _("Tempat")
    TRAVEL = "perjalanan", _("Perjalanan")
    PARTICIPANT_TIME = "waktu_peserta", _("Waktu peserta")
    EVALUATION = "evaluasi", _("Evaluasi")
    OVERHEAD = "overhead", _("Overhead")


class BudgetLine(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="budget_lines")
    category = models.CharField(_("kategori biaya"), max_length=20, choices=CostCategory.choices)
    planned = models.DecimalField(
        _("rencana (Rp)"), max_digits=15, decimal_places=0, validators=[MinValueValidator(0)]
    )
    realised = models.DecimalField(
        _("realisasi (Rp)"),
        max_digits=15,
        decimal_places=0,
        default=0,
        validators=[MinValueValidator(0)],
    )
    note = models.CharField(_("keterangan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("pos anggaran")
        verbose_name_plural = _("anggaran")
        ordering = ["cohort", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "category"], name="one_budget_line_per_category"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.planned}"


class JpDay(models.Model):
    """JP one employee earned on one day, stored so every JP figure reads it instead of
    re-aggregating attendance (decision 0067).

    `jp` is the largest of that day's cohorts (two cohorts on one day are not both attended
    in full, decision 0045); `cohorts` counts the cohorts attended that day, so more than one
    marks a same-day overlap. Written only by `services.jp_store`, in the transaction of the
    write that changed attendance or a session.
    """

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="jp_days")
    date = models.DateField()
    # month * 100 + day of `date`: PPPK contract years run from an anniversary, and comparing
    # this integer needs no date function per row (`selectors.jp.pppk_with_contract_jp`).
    month_day = models.PositiveSmallIntegerField()
    jp = models.DecimalField(max_digits=7, decimal_places=1)
    cohorts = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["employee", "date"], name="one_jp_day_per_employee")
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.date}: {self.jp} JP"


class JpYear(models.Model):
    """The calendar-year sum of `JpDay` (the PNS 20 JP rule) and its same-day overlaps."""

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="jp_years")
    year = models.PositiveSmallIntegerField()
    jp = models.DecimalField(max_digits=8, decimal_places=1)
    overlap_days = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["employee", "year"], name="one_jp_year_per_employee")
        ]
        indexes = [models.Index(fields=["year", "jp"], name="jp_year_by_year")]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.year}: {self.jp} JP"


class ParticipationCell(models.Model):
    """The participation funnel stored per cohort, participant's unit and absence reason
    (decision 0069), so the participation report sums a few thousand cells instead of
    scanning every enrollment and its attendance.

    Holds the counts `selectors.participation` defines (invited … withdrawn) over the
    enrollments of `cohort` whose employee is in `unit` and whose absence reason is
    `absence_reason` ("" for none), and `person_jp`: the session JP over their attendance
    rows (the divisor of the cost per JP). Written only by `services.participation_store`,
    in the transaction of the write that changed enrollment, attendance, a session's JP or
    an employee's unit.
    """

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    absence_reason = models.CharField(max_length=20, blank=True)
    invited = models.PositiveIntegerField()
    registered = models.PositiveIntegerField()
    attended = models.PositiveIntegerField()
    completed = models.PositiveIntegerField()
    withdrawn = models.PositiveIntegerField()
    person_jp = models.DecimalField(max_digits=12, decimal_places=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "unit", "absence_reason"], name="one_participation_cell"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cohort_id}/{self.unit_id}/{self.absence_reason}: {self.invited}"


class JpUnitYear(models.Model):
    """The 20 JP counts of one unit's active employees for one calendar year (decision
    0070), so the 20 JP page sums one row per unit instead of one per employee.

    A row is made the first time a page asks for that unit and year (`services.jp_units`),
    then kept by every write that changes what it counts — the JP store's refresh, and
    employees joining, leaving or changing kind, contract or unit (`sieva.org.hooks`) — in
    that write's transaction, with the unit rows locked. `minimum` and `cap` are the settings
    the counts were made with; a row made with other settings is made again.
    """

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    minimum = models.PositiveSmallIntegerField()
    cap = models.PositiveSmallIntegerField()
    pns = models.PositiveIntegerField()
    pns_meeting = models.PositiveIntegerField()
    pppk = models.PositiveIntegerField()
    pppk_over = models.PositiveIntegerField()
    # employees recorded in two cohorts on one day in the year, and those person-days
    doubled = models.PositiveIntegerField()
    doubled_days = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_jp_unit_year")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year}: {self.pns_meeting}/{self.pns} PNS"
