from tests.report_world import _mid_2026, programs  # noqa: F401 - fixtures for this folder
