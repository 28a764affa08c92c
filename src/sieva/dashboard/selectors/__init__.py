"""Reads of the leaders' pages: the dashboard from stored summaries, home-page figures and the
scheduled reports addressed to a user. Import from here."""

from sieva.dashboard.selectors.board import Dashboard, dashboard, programs_in, summary_figure
from sieva.dashboard.selectors.home_figures import home_figures
from sieva.dashboard.selectors.home_reports import reports_for_owner

__all__ = [
    "Dashboard",
    "dashboard",
    "home_figures",
    "programs_in",
    "reports_for_owner",
    "summary_figure",
]
