"""An employee's page: who they are and where they sit (from `org`) and what they learned
(programs attended, JP per year against their rule, from this app)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sieva.org import selectors as org_selectors
from sieva.org.access import (
    Capability,
    capability_required,
    get_employee_for_user,
    personal_access_of,
)
from sieva.programs.selectors.learning_record import employee_learning


@capability_required(Capability.VIEW_PEOPLE)
def employee_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = personal_access_of(request)
    employee = get_employee_for_user(access, pk)
    context = {
        "detail": org_selectors.employee_detail(access, employee),
        "learning": employee_learning(employee),
        "can_edit": access.can(Capability.EDIT_PEOPLE),
    }
    return render(request, "programs/employee_detail.html", context)
