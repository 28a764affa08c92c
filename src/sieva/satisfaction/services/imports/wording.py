"""The mapping's problems and reasons in the user's language (the one gettext edge for
`sieva.satisfaction.mapping`, whose texts are Indonesian msgids)."""

from django.utils.translation import gettext as _

from sieva.satisfaction.mapping import REASON_TEXTS, TEXTS, Problem, Reason, render
from sieva.satisfaction.services.imports.errors import RowError

__all__ = ["problem_text", "reason_text", "row_error"]


def problem_text(problem: Problem) -> str:
    return render(problem, {code: _(text) for code, text in TEXTS.items()})


def reason_text(reason: Reason) -> str:
    return _(REASON_TEXTS[reason])


def row_error(problem: Problem) -> RowError:
    return RowError(problem.row, problem.column, problem_text(problem))
