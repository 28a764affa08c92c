"""Reads for the evaluation pages: the participation report, the 20 JP report, home figures.

Each report is a set of `ReportTable`s built once here; the page and every export show the
same rows, so a figure on screen and in a file never differ.
"""

from sieva.evaluation.jp import employee_jp_by_year, employee_training_history
from sieva.evaluation.selectors.home import home_figures
from sieva.evaluation.selectors.jp_report import PERSONAL_TABLES, JpReport, jp_report
from sieva.evaluation.selectors.participation_report import (
    ParticipationFilter,
    ParticipationReport,
    participation_report,
    report_cohorts,
)
from sieva.evaluation.selectors.tables import Cell, ReportTable, Suppressed

__all__ = [
    "PERSONAL_TABLES",
    "Cell",
    "JpReport",
    "ParticipationFilter",
    "ParticipationReport",
    "ReportTable",
    "Suppressed",
    "employee_jp_by_year",
    "employee_training_history",
    "home_figures",
    "jp_report",
    "participation_report",
    "report_cohorts",
]
