"""What several evidence forms share: who may own a study or a practice, who may code, the
upload help. Dates use `programs.forms.DateInput`, as in every other form."""

from django.utils.translation import gettext_lazy as _

from sieva.org.models import OrgKind, Role

# Studies, practices and plans belong to an organisation that runs programs, not to a unit.
OWNER_KINDS = (OrgKind.NATIONAL, OrgKind.PROVINCE, OrgKind.CITY, OrgKind.AGENCY)
TEAM_ROLES = (Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN, Role.EVALUATOR, Role.ORGANISER)
UPLOAD_HELP = _("DOCX, TXT atau PDF (teks diambil otomatis), paling besar 10 MB.")
