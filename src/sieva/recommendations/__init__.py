"""Recommendations carried from one evaluation period to the next, and the findings
thresholds an admin sets for part of the organisation (decision 0013)."""
