"""One demo login per role, plus a Django superuser, all with the same printed password."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from sieva.org.models import Employee, OrgUnit, Role, RoleAssignment

DEMO_PASSWORD = "sieva-demo-2026"  # noqa: S105 - printed on purpose: demo data only
SUPERUSER = "superadmin"
EMAIL_DOMAIN = "demo.sieva.example"


@dataclass(frozen=True)
class Login:
    username: str
    password: str
    role: str  # label, e.g. "Admin instansi (BKPSDM)"
    scope: str  # name of the scope node
    person: str = ""  # the linked employee, if any


@dataclass(frozen=True)
class AccountSpec:
    username: str
    role: str
    scope: str  # OrgUnit code, or a key resolved by the builder ("@peserta", "@atasan")
    employee: str = ""  # key of the employee picked by the builder


ACCOUNTS = (
    AccountSpec("admin.nasional", Role.NATIONAL_ADMIN, "ID"),
    AccountSpec("admin.medan", Role.AGENCY_ADMIN, "PEMKOT-MDN"),
    AccountSpec("admin.palembang", Role.AGENCY_ADMIN, "PEMKOT-PLG"),
    AccountSpec("admin.jakarta", Role.AGENCY_ADMIN, "PEMPROV-DKI"),
    AccountSpec("penyelenggara.medan", Role.ORGANISER, "PEMKOT-MDN"),
    AccountSpec("evaluator.medan", Role.EVALUATOR, "PEMKOT-MDN"),
    AccountSpec("koder.medan", Role.EVALUATOR, "PEMKOT-MDN"),  # second coder (issue 13)
    AccountSpec("atasan.medan", Role.SUPERVISOR, "@atasan", "atasan"),
    AccountSpec("mentor.medan", Role.MENTOR, "PEMKOT-MDN", "mentor"),
    AccountSpec("peserta.medan", Role.PARTICIPANT, "@peserta", "peserta"),
    AccountSpec("pimpinan.medan", Role.LEADER, "PEMKOT-MDN", "pimpinan"),
)
USERNAMES = (*(a.username for a in ACCOUNTS), SUPERUSER)


def create_accounts(
    *, units: Callable[[str], OrgUnit], employees: dict[str, Employee]
) -> list[Login]:
    """Create the users and their role assignments; `units` resolves a scope code."""
    User = get_user_model()  # noqa: N806 - Django's idiom
    # One hash for all: the demo password is public, and hashing it 11 times would cost
    # seconds of PBKDF2 for nothing.
    password = make_password(DEMO_PASSWORD)
    logins = []
    for spec in ACCOUNTS:
        employee = employees.get(spec.employee) if spec.employee else None
        scope = employees[spec.scope[1:]].unit if spec.scope.startswith("@") else units(spec.scope)
        user = User.objects.create(
            username=spec.username,
            password=password,
            first_name=(employee.name if employee else str(Role(spec.role).label))[:150],
            email=f"{spec.username}@{EMAIL_DOMAIN}",
        )
        RoleAssignment.objects.create(user=user, role=spec.role, scope=scope, employee=employee)
        logins.append(_login(spec.username, spec.role, scope.name, employee))
    User.objects.create(
        username=SUPERUSER,
        password=password,
        first_name="Super Admin",
        email=f"{SUPERUSER}@{EMAIL_DOMAIN}",
        is_staff=True,
        is_superuser=True,
    )
    logins.append(_superuser_login())
    return logins


def _login(username: str, role: str, scope: str, employee: Employee | None) -> Login:
    return Login(
        username=username,
        password=DEMO_PASSWORD,
        role=str(Role(role).label),
        scope=scope,
        person=employee.name if employee else "",
    )


def _superuser_login() -> Login:
    return Login(SUPERUSER, DEMO_PASSWORD, "Superuser Django (/admin/)", "Indonesia")


def existing_logins() -> list[Login]:
    """The demo logins found in the database, in the usual order (for a repeated run)."""
    User = get_user_model()  # noqa: N806
    assignments = {
        a.user.username: a
        for a in RoleAssignment.objects.filter(user__username__in=USERNAMES).select_related(
            "user", "scope", "employee"
        )
    }
    logins = [
        _login(name, a.role, a.scope.name, a.employee)
        for name in USERNAMES
        if (a := assignments.get(name)) is not None
    ]
    if User.objects.filter(username=SUPERUSER, is_superuser=True).exists():
        logins.append(_superuser_login())
    return logins
